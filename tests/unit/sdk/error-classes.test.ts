import { runInNewContext } from 'node:vm';
import { expect, test } from 'vitest';
import {
  ApiError,
  createClient,
  isApiError,
  isNotFoundError,
  isRateLimitError,
  isValidationError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  ValidationError,
} from '../../../src/sdk/index.ts';
import { apiError, fakeFetch, generic, json, makeKey, model } from './fake-api.ts';

const scoped = model.endpoints.find((e) => e.scopes.length && e.method === 'GET')!;

async function failWith(reply: Response): Promise<any> {
  const { fetch } = fakeFetch(reply);
  return createClient({ apiKey: makeKey(), fetch, retry: false })
    .whoami.get()
    .catch((error: unknown) => error);
}

test('a 403 for a missing scope becomes a PermissionError listing the scopes', async () => {
  const error = await failWith(apiError('insufficient_scope', {}, {}, scoped.scopes));
  expect(error).toBeInstanceOf(PermissionError);
  expect(error).toMatchObject({ status: 403, code: 'insufficient_scope', missingScopes: scoped.scopes });
});

test('a 429 becomes a RateLimitError with Retry-After and the rate-limit headers as numbers', async () => {
  const error = await failWith(
    apiError(
      'rate_limited',
      { retryAfter: 7 },
      { 'Retry-After': '7', 'X-RateLimit-Limit': '60', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '7' },
    ),
  );
  expect(error).toBeInstanceOf(RateLimitError);
  expect(error).toMatchObject({ status: 429, code: 'rate_limited', retryAfter: 7, limit: 60, remaining: 0, reset: 7 });
  expect(generic(error.message)).toMatchInlineSnapshot(`"429 rate_limited: Too many requests; retry in 7 seconds"`);
});

test('a 429 without rate-limit headers leaves those fields null', async () => {
  const error = await failWith(apiError('rate_limited'));
  expect(error).toMatchObject({ retryAfter: null, limit: null, remaining: null, reset: null });
});

test('a 404 becomes a NotFoundError', async () => {
  const error = await failWith(apiError('not_found', { detail: 'contact ct_missing' }));
  expect(error).toBeInstanceOf(NotFoundError);
  expect(isNotFoundError(error)).toBe(true);
  expect(generic(error.message)).toMatchInlineSnapshot(`"404 not_found: No contact ct_missing found"`);
});

test('a 400 and a 422 become ValidationErrors', async () => {
  const invalid = await failWith(apiError('invalid_request', { detail: 'Unexpected token' }));
  const failed = await failWith(apiError('validation_failed', { field: 'name', detail: 'Required' }));
  expect([invalid, failed].every((e) => e instanceof ValidationError && isValidationError(e))).toBe(true);
  expect(generic(failed.message)).toMatchInlineSnapshot(`"422 validation_failed: Invalid value for \`name\`: Required"`);
});

test('a 5xx without a body becomes a plain ApiError with the status text', async () => {
  const error = await failWith(
    new Response(null, { status: 503, statusText: 'Service Unavailable', headers: { 'X-Request-Id': 'req_503' } }),
  );
  expect(error.constructor).toBe(ApiError);
  expect(error).toMatchObject({ status: 503, code: 'http_503', requestId: 'req_503', docsUrl: null, body: undefined });
  expect(error.message).toMatchInlineSnapshot(`"503 http_503: Service Unavailable"`);
});

test('the raw body and headers stay on the error for debugging', async () => {
  const body = { unexpected: true };
  const error = await failWith(json(500, body, { 'X-Custom': 'yes' }));
  expect(error.body).toEqual(body);
  expect(error.headers.get('X-Custom')).toBe('yes');
});

test('guards recognise errors from another realm by name', () => {
  const foreign = runInNewContext('const e = new Error("limited"); e.name = "RateLimitError"; e.status = 429; e');
  expect(foreign instanceof RateLimitError).toBe(false);
  expect(isRateLimitError(foreign)).toBe(true);
  expect(isApiError(foreign)).toBe(true);
  expect(isRateLimitError(new Error('x'))).toBe(false);
  expect(isApiError(null)).toBe(false);
  expect(isApiError('RateLimitError')).toBe(false);
});

import { describe, expect, test } from 'vitest';
import {
  ApiError,
  AuthenticationError,
  createClient,
  isApiError,
  isAuthenticationError,
  isKeyportError,
  isPermissionError,
  KeyportError,
  maskApiKey,
} from '../../../src/sdk/index.ts';
import { apiError, fakeFetch, generic, makeKey, model } from './fake-api.ts';

const unauthorized = model.errors.filter((error) => error.status === 401);
const params = {
  detail: 'the checksum does not match',
  keyEnvironment: 'test',
  requestEnvironment: 'live',
  keyBaseUrl: 'x',
  retryAfter: 3,
  expiredAt: '2026-01-31T00:00:00.000Z',
};

async function failWith(id: string): Promise<unknown> {
  const { fetch } = fakeFetch(apiError(id, params));
  const client = createClient({ apiKey: makeKey(), fetch, retry: false });
  return client.whoami.get().catch((error: unknown) => error);
}

describe.each(unauthorized.map((error) => [error.id, error.authReason] as const))('a 401 %s', (id, reason) => {
  test(`becomes an AuthenticationError with reason "${reason}"`, async () => {
    const error = await failWith(id);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toBeInstanceOf(KeyportError);
    expect(error).toMatchObject({ name: 'AuthenticationError', status: 401, code: id, reason, requestId: 'req_test123' });
  });

  test('is recognised by the authentication, API and Keyport guards only', async () => {
    const error = await failWith(id);
    expect([isAuthenticationError(error), isApiError(error), isKeyportError(error), isPermissionError(error)]).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });
});

test('every reason the model gives a 401 is covered', () => {
  expect(new Set(unauthorized.map((e) => e.authReason))).toEqual(
    new Set([
      'missing',
      'invalid',
      'revoked',
      'expired',
      'not_yet_active',
      'wrong_environment',
      ...(model.keyPolicy.canDisable ? ['inactive'] : []),
    ]),
  );
});

test('the message carries status, code and the API’s own words', async () => {
  const error = (await failWith('revoked_api_key')) as AuthenticationError;
  expect(generic(error.message)).toMatchInlineSnapshot(`"401 revoked_api_key: API key has been revoked"`);
});

test('the docs link comes from the error body', async () => {
  const error = (await failWith('expired_api_key')) as AuthenticationError;
  expect(error.docsUrl).toBe(`${model.product.docsUrl}/errors/#expired-api-key`);
  expect(generic(error.message)).toMatchInlineSnapshot(`"401 expired_api_key: API key expired at 2026-01-31T00:00:00.000Z"`);
});

test('an unknown 401 code still reads as an invalid key', async () => {
  const { fetch } = fakeFetch(new Response('nope', { status: 401, statusText: 'Unauthorized' }));
  const error = await createClient({ apiKey: makeKey(), fetch })
    .whoami.get()
    .catch((e: unknown) => e);
  expect(error).toMatchObject({ name: 'AuthenticationError', reason: 'invalid', code: 'http_401', body: 'nope' });
  expect((error as Error).message).toMatchInlineSnapshot(`"401 http_401: Unauthorized"`);
});

test('a message that repeats the key shows it masked', async () => {
  const key = makeKey();
  const { fetch } = fakeFetch(apiError('conflicting_api_keys', { detail: `${key} and another` }));
  const error = (await createClient({ apiKey: key, fetch })
    .whoami.get()
    .catch((e: unknown) => e)) as Error;
  expect(error.message).not.toContain(key);
  expect(error.message).toContain(maskApiKey(key));
});

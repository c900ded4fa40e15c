import { describe, expect, test } from 'vitest';
import { errorBody } from '../../../src/api/error-body.ts';
import { loadModel } from '../../../src/api/index.ts';
import { buildModel } from '../../../src/api/model.ts';
import { errorDocsPath } from '../../../src/api/runtime/index.ts';
import { openApiDocument } from '../../../src/api/openapi.ts';
import { presets } from '../../../src/api/presets/index.ts';

type Responses = Record<
  string,
  { headers?: Record<string, { required?: boolean }>; content?: { 'application/json': { examples?: Record<string, unknown> } } }
>;

const NEW_ERRORS = {
  malformed_request: 400,
  body_too_large: 413,
  unsupported_media_type: 415,
  url_too_long: 414,
  headers_too_large: 431,
  too_many_auth_failures: 429,
};

describe.each(Object.keys(presets))('the error catalogue of %s', (name) => {
  const model = loadModel(name);

  test('describes every refusal of a malformed or abusive request, each with its docs anchor', () => {
    for (const [id, status] of Object.entries(NEW_ERRORS)) {
      const error = model.errors.find((e) => e.id === id);
      expect(error?.status, id).toBe(status);
      expect(errorDocsPath(id)).toBe(`/errors/#${id.replace(/_/g, '-')}`);
      expect(JSON.stringify(errorBody(model, id))).toContain(model.product.docsUrl + errorDocsPath(id));
    }
  });

  test('limits failed authentications per address to 30 a minute unless the preset says otherwise', () => {
    expect(model.rateLimits.authFailures).toEqual({ limit: 30, windowSeconds: 60 });
  });

  test('reaches the OpenAPI document: 413 and 415 where a body is taken, both 429s on every operation', () => {
    const paths = openApiDocument(model)['paths'] as Record<string, Record<string, { operationId: string; responses: Responses }>>;
    for (const operation of Object.values(paths).flatMap((methods) => Object.values(methods))) {
      const endpoint = model.endpoints.find((e) => e.id === operation.operationId)!;
      const { responses } = operation;
      expect(Boolean(responses['413']), operation.operationId).toBe(Boolean(endpoint.body));
      expect(Boolean(responses['415']), operation.operationId).toBe(Boolean(endpoint.body));
      expect(Object.keys(responses['429']!.content!['application/json'].examples!)).toEqual(['rate_limited', 'too_many_auth_failures']);
      expect(responses['429']!.headers!['Retry-After']).toBeDefined();
      expect(responses['429']!.headers!['X-RateLimit-Limit']!.required).toBe(false);
    }
  });
});

test('a preset can set its own limit on failed authentications', () => {
  const preset = presets['huechat']!;
  const model = buildModel({ ...preset, rateLimits: { ...preset.rateLimits, authFailures: { limit: 5, windowSeconds: 300 } } });
  expect(model.rateLimits.authFailures).toEqual({ limit: 5, windowSeconds: 300 });
});

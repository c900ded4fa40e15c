/**
 * Public OpenAPI documents nobody wrote for Keyport (`tests/fixtures/openapi/<name>/SOURCE.md`
 * says where each comes from and under which licence): each imports, and its sandbox refuses a
 * request without a key and answers one with a key created in the key manager — for a REST
 * collection and for an operation answered from the document.
 */
import { describe, expect, test } from 'vitest';
import { importOpenApiFile } from '../../../../src/api/import/index.ts';
import type { ApiModel } from '../../../../src/api/model.ts';
import type { Endpoint } from '../../../../src/api/schema/endpoints.ts';
import { startHarness } from '../../mocks/harness.ts';

const DOCUMENTS = [
  { name: 'resend', scheme: 'bearer', collection: '/domains' },
  { name: 'typesense', scheme: 'header', collection: '/collections' },
] as const;

/** A GET answered from the document that needs no id and no query parameter. */
function plainExample(model: ApiModel): Endpoint {
  return model.endpoints.find(
    (e) => e.action.type === 'example' && e.method === 'GET' && !e.path.includes('{id}') && (!e.query || e.query.safeParse({}).success),
  )!;
}

describe.each(DOCUMENTS)('$name', ({ name, scheme, collection }) => {
  const file = `tests/fixtures/openapi/${name}/openapi.yaml`;

  test('imports, with its key scheme, REST collections and operations answered from the document', async () => {
    const { model } = await importOpenApiFile(file);
    expect(model.auth.schemes.map((s) => s.type)).toEqual([scheme]);
    expect(model.endpoints.some((e) => e.path === collection && e.action.type === 'list')).toBe(true);
    expect(plainExample(model)).toBeDefined();
  });

  test('its sandbox answers 401 without a key and 2xx with a key created in the key manager', async () => {
    const { model } = await importOpenApiFile(file);
    const h = await startHarness(model);
    try {
      expect((await h.call('GET', collection, { key: null })).status).toBe(401);
      const key = await h.createKey({ name: 'Reader' });
      expect((await h.call('GET', collection, { key: key.secret })).status).toBe(200);
      const example = plainExample(model);
      const answered = await h.call('GET', example.path, { key: key.secret });
      expect(answered.status, `${example.id}: ${JSON.stringify(answered.body)}`).toBe(example.successStatus);
    } finally {
      h.close();
    }
  });
});

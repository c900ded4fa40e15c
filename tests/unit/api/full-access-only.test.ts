/**
 * An API whose model has no scope but the full-access one: its keys are full-access only, the
 * model says so once (`fullAccessOnly`), and the docs and key manager say it in the model's words.
 */
import { describe, expect, test } from 'vitest';
import { fullAccessOnlyNote } from '../../../src/api/full-access-keys.ts';
import { importOpenApiFile, importOpenApiObject } from '../../../src/api/import/index.ts';
import { fullAccessOnly, loadModel } from '../../../src/api/index.ts';
import { openApiDocument } from '../../../src/api/openapi.ts';
import { presets } from '../../../src/api/presets/index.ts';
import { defaultAccess, keyManagerData } from '../../../src/components/widgets/widget-data.ts';
import { forecastApi } from './import/forecast-api.ts';

const RESEND = 'tests/fixtures/openapi/resend/openapi.yaml';

describe('keys are full-access only', () => {
  test('for a model whose one scope grants everything', () => {
    expect(fullAccessOnly({ scopes: [{ grantsAll: true }] })).toBe(true);
  });

  test('not for a model with a narrower scope beside full access', () => {
    expect(fullAccessOnly({ scopes: [{ grantsAll: true }, { grantsAll: false }] })).toBe(false);
    expect(fullAccessOnly({ scopes: [{ grantsAll: true }, {}] })).toBe(false);
  });

  test.each(Object.keys(presets))('not for the preset %s, whose keys have scopes to choose', (name) => {
    const model = loadModel(name);
    expect(fullAccessOnly(model)).toBe(false);
    expect(fullAccessOnlyNote(model)).toBeNull();
    expect(keyManagerData(model).fullAccessNote).toBeNull();
  });

  test('for an imported document that names no scopes, such as Resend’s', async () => {
    const { model } = await importOpenApiFile(RESEND);
    expect(model.scopes.map((scope) => scope.id)).toEqual(['full_access']);
    expect(fullAccessOnly(model)).toBe(true);
  });
});

describe('the error a key lacking a scope gets', () => {
  test('is not in the catalogue of a full-access-only API, where no key can lack a scope', async () => {
    const { model } = await importOpenApiObject(forecastApi());
    expect(fullAccessOnly(model)).toBe(true);
    expect(model.errors.map((error) => error.id)).not.toContain('insufficient_scope');
  });

  test('is in the catalogue of an imported API whose endpoints require scopes', async () => {
    const { model } = await importOpenApiObject(
      forecastApi((document) => {
        document['security'] = [{ Key: ['forecast:read'] }];
      }),
    );
    expect(fullAccessOnly(model)).toBe(false);
    expect(model.errors.map((error) => error.id)).toContain('insufficient_scope');
  });
});

describe('the OpenAPI document of a full-access-only API', () => {
  type Operation = { description: string; responses: Record<string, { description: string }> };
  const operations = (document: Record<string, unknown>): Operation[] =>
    Object.values(document['paths'] as Record<string, Record<string, Operation>>).flatMap((methods) => Object.values(methods));

  test('promises no 403 where no key can lack a scope or be locked to addresses, and names no scope to hold', async () => {
    const { model } = await importOpenApiFile(RESEND);
    const all = operations(openApiDocument(model));
    expect(all.filter((operation) => '403' in operation.responses)).toEqual([]);
    expect(all.map((operation) => operation.description).filter((text) => /Requires/.test(text))).toEqual([]);
  });

  test('keeps the 403 of the IP allowlist where keys can have one', async () => {
    const { model } = await importOpenApiFile(RESEND);
    const withAllowlist = {
      ...model,
      keyPolicy: { ...model.keyPolicy, ipAllowlist: true },
      errors: [...model.errors, { ...loadModel().errors.find((error) => error.id === 'ip_not_allowed')! }],
    };
    const forbidden = operations(openApiDocument(withAllowlist)).map((operation) => operation.responses['403']?.description);
    expect(new Set(forbidden)).toEqual(new Set(['The caller’s IP is not allowed.']));
  });
});

describe('what the portal says about full-access-only keys', () => {
  test('that every key may call every endpoint, and only the limits the key policy offers', async () => {
    const { model } = await importOpenApiFile(RESEND);
    expect(model.keyPolicy.ipAllowlist).toBe(false);
    expect(fullAccessOnlyNote(model)).toMatchInlineSnapshot(`
      {
        "limits": [
          "Create a separate key for each system that calls the API, so one can be revoked without stopping the others.",
          "Build and test with test keys (\`resend_test_…\`): they work only in the Test environment, where nothing real happens.",
          "Give a key that is needed only for a while an expiry date when you create it.",
          "Rotate keys every 90 days, and revoke a key at once if it may have leaked.",
        ],
        "summary": "Every Resend key has full access: it may call every endpoint of the API. There are no scopes to choose, so a key cannot be limited to some endpoints.",
      }
    `);
  });

  test('names IP allowlists where keys can have one, and no expiry where keys never expire', async () => {
    const { model } = await importOpenApiFile(RESEND);
    const note = fullAccessOnlyNote({ ...model, keyPolicy: { ...model.keyPolicy, ipAllowlist: true, expiryDays: [null] } })!;
    expect(note.limits).toContain('Lock each live key to the IP addresses of the servers that use it.');
    expect(note.limits.join(' ')).not.toMatch(/expiry/);
  });

  test('in the key manager, which has no scopes or templates to offer and names keys for their full access', async () => {
    const { model } = await importOpenApiFile(RESEND);
    const data = keyManagerData(model);
    expect(data.fullAccessNote).toEqual(fullAccessOnlyNote(model));
    expect(data.templates).toEqual([]);
    expect(defaultAccess(model)).toEqual({ kind: 'scopes', scopes: ['full_access'], label: 'full access, the only access its keys have' });
  });
});

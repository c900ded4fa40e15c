import { describe, expect, test } from 'vitest';
import { loadModel, fullAccessScope, missingScopes } from '../../../../src/api/index.ts';
import { importOpenApiFile } from '../../../../src/api/import/index.ts';
import { presets } from '../../../../src/api/presets/index.ts';
import { errorLabData } from '../../../../src/components/labs/error-cases.ts';

describe.each(Object.keys(presets))('the error lab of the %s preset', (name) => {
  const model = loadModel(name);
  const { cases, unreachable } = errorLabData(model);

  test('covers every error of the model: with a case, or with the reason it cannot happen', () => {
    const ids = [...new Set(cases.map((c) => c.id))];
    expect([...ids, ...unreachable.map((e) => e.id)].sort()).toEqual(model.errors.map((e) => e.id).sort());
    expect(ids.filter((id) => unreachable.some((e) => e.id === id))).toEqual([]);
    for (const error of unreachable) expect(error.why).toMatch(/\.$/);
  });

  test('follows the key policy: IP allowlists, disabling and two key headers only where the API has them', () => {
    const has = (id: string) => cases.some((c) => c.id === id);
    expect(has('ip_not_allowed')).toBe(model.keyPolicy.ipAllowlist);
    expect(has('inactive_api_key')).toBe(model.keyPolicy.canDisable);
    expect(has('conflicting_api_keys')).toBe(model.auth.schemes.length > 1);
  });

  test('calls endpoints the model has, and a missing scope is really missing', () => {
    for (const c of cases) {
      const endpoint = model.endpoints.find((e) => e.id === c.endpoint.id);
      expect(endpoint, c.caseId).toBeDefined();
      expect(new Set(cases.map((x) => x.caseId)).size).toBe(cases.length);
      const provoke = c.provoke;
      if (provoke.kind === 'missing-scope') {
        const granted =
          provoke.keyScopes ?? (model.access.mode === 'account-role' ? model.access.roles.find((r) => r.id === provoke.role)!.scopes : []);
        expect(missingScopes(endpoint!, granted, fullAccessScope(model).id).length).toBeGreaterThan(0);
      }
      if (provoke.kind === 'not-found') expect(c.recordId).toMatch(/does_not_exist$/);
      if (provoke.kind === 'invalid-json') expect(() => JSON.parse(provoke.brokenBody)).toThrow();
    }
  });
});

/** Errors only the HTTP server can raise: the browser never sends such a request. */
const SERVER_ONLY = ['headers_too_large', 'malformed_request', 'url_too_long'];

test('HueChat shows every error in the lab but those only the HTTP server sees, the checksum typo as a case of its own', () => {
  const { cases, unreachable } = errorLabData(loadModel('huechat'));
  expect(unreachable.map((e) => e.id).sort()).toEqual(SERVER_ONLY);
  for (const e of unreachable) expect(e.why).toMatch(/local sandbox server/);
  expect(cases.filter((c) => c.id === 'malformed_api_key').map((c) => c.label)).toEqual(['Send a cut-off key', 'Send a mistyped key']);
});

test('an API with one key header says why two keys cannot be sent', () => {
  const { unreachable } = errorLabData(loadModel('aloochat'));
  expect(unreachable.filter((e) => !SERVER_ONLY.includes(e.id)).map((e) => [e.id, e.why])).toEqual([
    ['conflicting_api_keys', 'This API accepts the key in one header only, so a request cannot carry two different keys.'],
  ]);
});

test('an API whose collections are created without a body (Qdrant’s snapshots) says why no body can be broken', async () => {
  const { model } = await importOpenApiFile('tests/fixtures/openapi/qdrant/openapi.json');
  const { cases, unreachable } = errorLabData(model);
  const BODY_ERRORS = ['body_too_large', 'invalid_request', 'unsupported_media_type', 'validation_failed'];
  expect(cases.filter((c) => BODY_ERRORS.includes(c.id))).toEqual([]);
  const why = unreachable.filter((e) => BODY_ERRORS.includes(e.id));
  expect(why.map((e) => e.id).sort()).toEqual(BODY_ERRORS);
  for (const e of why) expect(e.why).toBe('No endpoint that creates records and takes a body is open to the sandbox account’s keys.');
});

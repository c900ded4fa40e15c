import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { presets } from '../../../src/api/presets/index.ts';
import { RATE_LIMIT_HEADERS, REQUEST_ID_HEADER } from '../../../src/api/runtime/index.ts';
import { startHarness, type Harness } from './harness.ts';

describe.each(Object.keys(presets))('routing and validation for %s', (preset) => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(preset);
  });
  afterEach(() => h.close());

  test('an unknown path under a base URL is 404 in the preset’s error shape, with or without a key', async () => {
    for (const key of [undefined, null]) {
      const reply = await h.call('GET', '/no-such-thing', { key });
      expect([reply.status, reply.error]).toEqual([404, 'not_found']);
    }
  });

  test('a known path with another method is 405 with an Allow header', async () => {
    const reply = await h.call('PUT', h.model.management.whoamiPath);
    expect([reply.status, reply.error, reply.headers.get('Allow')]).toEqual([405, 'method_not_allowed', 'GET']);
  });

  test('preflights are answered with the methods and headers browsers may send', async () => {
    const reply = await h.call('OPTIONS', h.model.management.keysPath, { key: null });
    expect(reply.status).toBe(204);
    expect(reply.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(reply.headers.get('Access-Control-Allow-Methods')).toBe('GET, POST');
    const allowed = reply.headers.get('Access-Control-Allow-Headers')!.toLowerCase();
    for (const scheme of h.model.auth.schemes)
      expect(allowed).toContain(scheme.type === 'bearer' ? 'authorization' : scheme.name.toLowerCase());
    expect(allowed).toContain('content-type');
  });

  test('every response lets browsers read the rate-limit and request-id headers', async () => {
    const reply = await h.call('GET', h.model.management.whoamiPath);
    const exposed = reply.headers.get('Access-Control-Expose-Headers')!.split(', ');
    expect(exposed).toEqual(expect.arrayContaining([...Object.values(RATE_LIMIT_HEADERS), REQUEST_ID_HEADER]));
  });

  test('a body that is not JSON is 400, and one that fails the schema is 422 naming the field', async () => {
    const keys = h.model.management.keysPath;
    const broken = await h.call('POST', keys, { rawBody: '{"name": "x",', headers: { 'Content-Type': 'application/json' } });
    expect([broken.status, broken.error]).toEqual([400, 'invalid_request']);
    const invalid = await h.call('POST', keys, { body: { name: 42 } });
    expect([invalid.status, invalid.error]).toEqual([422, 'validation_failed']);
    expect(JSON.stringify(invalid.body)).toContain('`name`');
  });

  test('authentication comes before validation: a bad body without a key is 401', async () => {
    const reply = await h.call('POST', h.model.management.keysPath, { key: null, rawBody: 'nonsense' });
    expect([reply.status, reply.error]).toEqual([401, 'missing_api_key']);
  });
});

test('validation messages name the field and the rule (huechat)', async () => {
  const h = await startHarness('huechat');
  try {
    const message = async (path: string, body: unknown) => (await h.call('POST', path, { body })).body.message;
    expect(await message('/contacts', { name: 'Ada', phone: '555-0123' })).toMatchInlineSnapshot(
      `"Invalid value for \`phone\`: Use E.164 format, e.g. "+14155550123"."`,
    );
    expect(await message('/api-keys', { name: 'x', environment: 'staging' })).toMatchInlineSnapshot(
      `"Invalid value for \`environment\`: Invalid option: expected one of "live"|"test""`,
    );
    const broken = await h.call('POST', '/contacts', {
      rawBody: '{"name": sk_test_secret}',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(broken.body.message).toMatchInlineSnapshot(`"The request body is not valid JSON: check quotes, commas and brackets"`);
  } finally {
    h.close();
  }
});

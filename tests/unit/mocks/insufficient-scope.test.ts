import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { presets } from '../../../src/api/presets/index.ts';
import { errorOf, keyLackingScope, scopedListEndpoint, startHarness, type Harness } from './harness.ts';

describe.each(Object.keys(presets))('scopes for %s', (preset) => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(preset);
  });
  afterEach(() => h.close());

  test('a key without a required scope gets 403 listing exactly the missing scopes', async () => {
    const { key, endpoint, missing } = await keyLackingScope(h);
    const reply = await h.call(endpoint.method, endpoint.path, { key });
    expect([reply.status, reply.error]).toEqual([403, 'insufficient_scope']);
    expect(errorOf(h.model, reply.body)?.[h.model.errorFormat.fields.missingScopes]).toEqual(missing);
  });

  test('a key with the scope an endpoint requires may call it', async () => {
    const endpoint = scopedListEndpoint(h.model);
    const key = h.model.access.mode === 'per-key' ? (await h.createKey({ name: 'Exact', scopes: endpoint.scopes })).secret : h.owner;
    expect((await h.call('GET', endpoint.path, { key })).status).toBe(200);
  });
});

test('account-role keys act with the account’s role: changing the role changes every key (chameleon)', async () => {
  const h = await startHarness('chameleon');
  try {
    const me = async () => (await h.call('GET', '/me')).body;
    expect(await me()).toMatchObject({ scopes: ['projects:read', 'projects:write'], full_access: false });
    expect((await h.call('GET', '/admin/users')).error).toBe('insufficient_scope');
    h.sandbox.settings.update({ accountRole: 'admin' });
    expect(await me()).toMatchObject({ scopes: ['admin'], full_access: true });
    expect((await h.call('GET', '/admin/users')).status).toBe(200);
    // The role also sets the rate-limit tier.
    expect((await h.call('GET', '/me')).headers.get('X-RateLimit-Limit')).toBe('1000');
  } finally {
    h.close();
  }
});

test('keys of an account-role API cannot be given their own scopes (chameleon)', async () => {
  const h = await startHarness('chameleon');
  try {
    const reply = await h.call('POST', '/api-keys', { body: { name: 'Mine', scopes: ['projects:read'] } });
    expect(reply.status).toBe(422);
    expect(reply.body.error.message).toMatchInlineSnapshot(
      `"Invalid value for \`scopes\`: keys of this API act with the account’s role (Standard); leave scopes and templates out"`,
    );
  } finally {
    h.close();
  }
});

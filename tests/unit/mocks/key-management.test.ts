import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { parseKey } from '../../../src/api/key-format.ts';
import { environment, fullAccessScope } from '../../../src/api/runtime/index.ts';
import { presets } from '../../../src/api/presets/index.ts';
import { sha256Hex } from '../../../mocks/hash.ts';
import { keyShape } from '../../../mocks/keys.ts';
import { START, startHarness, type Harness } from './harness.ts';

describe.each(Object.keys(presets))('key management for %s', (preset) => {
  let h: Harness;
  let keys: string;
  beforeEach(async () => {
    h = await startHarness(preset);
    keys = h.model.management.keysPath;
  });
  afterEach(() => h.close());

  test('a fresh sandbox has one full-access test key named "Sandbox owner"', async () => {
    const list = await h.call('GET', keys);
    expect(list.body.data).toHaveLength(1);
    expect(list.body.data[0]).toMatchObject({ name: 'Sandbox owner', environment: 'test', status: 'active' });
    const me = await h.call('GET', h.model.management.whoamiPath);
    expect(me.body.key_id).toBe(list.body.data[0].id);
    if (h.model.access.mode === 'per-key') expect(me.body).toMatchObject({ scopes: [fullAccessScope(h.model).id], full_access: true });
  });

  test('a created key is returned once in full; only its hash and a display prefix are kept', async () => {
    const created = await h.createKey({ name: '  Production backend  ' });
    expect(created.name).toBe('Production backend');
    expect(parseKey(created.secret, keyShape(h.model))).toMatchObject({ valid: true, environment: 'test' });
    expect(created.prefix).toBe(created.secret.slice(0, environment(h.model, 'test').keyPrefix.length + 4));
    expect(created.last_four).toBe(created.secret.slice(-4));

    const listed = await h.call('GET', keys);
    const fetched = await h.call('GET', `${keys}/${created.id}`);
    for (const body of [listed.body, fetched.body]) expect(JSON.stringify(body)).not.toContain(created.secret);
    expect(fetched.body).not.toHaveProperty('secret');

    h.sandbox.flush();
    const state = h.sandbox.state();
    expect(JSON.stringify(state)).not.toContain(created.secret);
    expect(state.account.keys.find((k) => k.id === created.id)?.hash).toBe(await sha256Hex(created.secret));
  });

  test('keys get the scopes asked for, a template’s scopes, or full access when neither is given', async () => {
    const access = h.model.access;
    if (access.mode === 'account-role') {
      expect((await h.createKey({ name: 'Role key' })).scopes).toEqual(access.roles.find((r) => r.id === access.sandboxRole)?.scopes);
      return;
    }
    const scope = h.model.scopes.find((s) => !s.grantsAll)!.id;
    expect((await h.createKey({ name: 'Scoped', scopes: [scope] })).scopes).toEqual([scope]);
    expect((await h.createKey({ name: 'Full' })).scopes).toEqual([fullAccessScope(h.model).id]);
    const template = h.model.keyTemplates[0]!;
    expect((await h.createKey({ name: 'Templated', template: template.id })).scopes).toEqual(template.scopes);
    for (const body of [{ scopes: ['nope:read'] }, { template: 'nope' }, { scopes: [] }, { scopes: [scope], template: template.id }]) {
      const reply = await h.call('POST', keys, { body: { name: 'Bad', ...body } });
      expect([reply.status, reply.error]).toEqual([422, 'validation_failed']);
    }
  });

  test('names must be 1 to nameMaxLength characters after trimming', async () => {
    for (const name of ['   ', 'x'.repeat(h.model.keyPolicy.nameMaxLength + 1)]) {
      const reply = await h.call('POST', keys, { body: { name } });
      expect([reply.status, reply.error]).toEqual([422, 'validation_failed']);
    }
    await h.createKey({ name: 'x'.repeat(h.model.keyPolicy.nameMaxLength) });
  });

  test('an expiry the policy does not offer is refused', async () => {
    const reply = await h.call('POST', keys, { body: { name: 'Odd expiry', expires_in_days: 11 } });
    expect([reply.status, reply.error]).toEqual([422, 'validation_failed']);
  });

  test('renaming, disabling and enabling are recorded in the audit log, newest first', async () => {
    const key = await h.createKey({ name: 'Old name' });
    h.clock.advance(1000);
    await h.call('PATCH', `${keys}/${key.id}`, { body: { name: 'New name' } });
    h.clock.advance(1000);
    if (h.model.keyPolicy.canDisable) {
      await h.call('PATCH', `${keys}/${key.id}`, { body: { status: 'inactive' } });
      h.clock.advance(1000);
      await h.call('PATCH', `${keys}/${key.id}`, { body: { status: 'active' } });
      h.clock.advance(1000);
    }
    await h.call('DELETE', `${keys}/${key.id}`);
    const events = (await h.call('GET', `${keys}/${key.id}/events`)).body.data.map((e: { type: string }) => e.type);
    const toggles = h.model.keyPolicy.canDisable ? ['key.enabled', 'key.disabled'] : [];
    expect(events).toEqual(['key.revoked', ...toggles, 'key.renamed', 'key.created']);
  });

  test('revoking is immediate and revoking again changes nothing', async () => {
    const key = await h.createKey({ name: 'Temp' });
    const first = await h.call('DELETE', `${keys}/${key.id}`);
    h.clock.advance(5000);
    const second = await h.call('DELETE', `${keys}/${key.id}`);
    expect(second.body).toEqual(first.body);
    expect(first.body.status).toBe('revoked');
  });

  test('an expired key shows as expired in the list, and its expiry is logged when first noticed', async () => {
    const days = h.model.keyPolicy.expiryDays.find((d) => d !== null);
    const key = days === undefined ? null : await h.createKey({ name: 'Short-lived', expires_in_days: days });
    if (!key) return expect(h.model.keyPolicy.expiryDays).toEqual([null]);
    h.clock.advance(days! * 86_400_000);
    const listed = (await h.call('GET', keys)).body.data.find((k: { id: string }) => k.id === key.id);
    expect(listed.status).toBe('expired');
    const events = (await h.call('GET', `${keys}/${key.id}/events`)).body.data;
    expect(events[0]).toMatchObject({ type: 'key.expired', time: key.expires_at });
    expect(events.filter((e: { type: string }) => e.type === 'key.expired')).toHaveLength(1);
  });

  test('lists are newest first and paginate with limit and starting_after', async () => {
    const names = ['First', 'Second', 'Third'];
    for (const name of names) await h.createKey({ name });
    const page1 = await h.call('GET', `${keys}?limit=2`);
    expect(page1.body.data.map((k: { name: string }) => k.name)).toEqual(['Third', 'Second']);
    expect(page1.body.has_more).toBe(true);
    const page2 = await h.call('GET', `${keys}?limit=2&starting_after=${page1.body.next_cursor}`);
    expect(page2.body).toMatchObject({ has_more: false, next_cursor: null });
    expect(page2.body.data.map((k: { name: string }) => k.name)).toEqual(['First', 'Sandbox owner']);
  });

  test('usage counts every request that identified the key, refused ones included', async () => {
    const key = await h.createKey({ name: 'Measured', environment: 'live' });
    await h.call('GET', h.model.management.whoamiPath, { key: key.secret, env: 'live', headers: { 'User-Agent': 'usage-test/1.0' } });
    await h.call('GET', h.model.management.whoamiPath, { key: key.secret, env: 'test' });
    const usage = (await h.call('GET', `${keys}/${key.id}/usage`)).body;
    expect(usage).toMatchObject({
      key_id: key.id,
      last_used_at: new Date(START).toISOString(),
      total_requests: 2,
      error_rate: 0.5,
      per_day: [{ date: '2026-01-15', requests: 2, errors: 1 }],
      per_endpoint: [{ endpoint: 'whoami.get', requests: 2, errors: 1 }],
    });
    expect(usage.recent_requests[1]).toMatchObject({
      method: 'GET',
      path: h.model.management.whoamiPath,
      endpoint: 'whoami.get',
      status: 200,
      ip: '203.0.113.10',
      user_agent: 'usage-test/1.0',
    });
    expect((await h.call('GET', `${keys}/${key.id}`)).body.last_used_at).toBe(new Date(START).toISOString());
  });

  test('an unknown key id is 404', async () => {
    for (const path of ['', '/usage', '/events']) {
      const reply = await h.call('GET', `${keys}/key_doesnotexist${path}`);
      expect([reply.status, reply.error]).toEqual([404, 'not_found']);
    }
  });
});

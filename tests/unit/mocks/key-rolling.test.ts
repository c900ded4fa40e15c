import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { presets } from '../../../src/api/presets/index.ts';
import { startHarness, type Harness } from './harness.ts';

describe.each(Object.keys(presets))('rolling keys for %s', (preset) => {
  let h: Harness;
  let keys: string;
  let me: string;
  beforeEach(async () => {
    h = await startHarness(preset);
    keys = h.model.management.keysPath;
    me = h.model.management.whoamiPath;
  });
  afterEach(() => h.close());

  test('the old key works one tick before its grace period ends and fails one tick after', async () => {
    const old = await h.createKey({ name: 'Backend' });
    const grace = Math.max(...h.model.keyPolicy.rollGraceSeconds);
    const rolledAt = h.clock.now();
    const rolled = await h.call('POST', `${keys}/${old.id}/roll`, { body: { grace_seconds: grace } });
    expect(rolled.status).toBe(201);
    const end = rolledAt + grace * 1000;
    expect(rolled.body.previous).toMatchObject({ id: old.id, replaced_by: rolled.body.key.id, expires_at: new Date(end).toISOString() });
    expect(rolled.body.key).toMatchObject({ name: old.name, scopes: old.scopes, environment: old.environment });
    expect(rolled.body.key.secret).not.toBe(old.secret);

    h.clock.set(end - 1);
    expect((await h.call('GET', me, { key: old.secret })).status).toBe(200);
    h.clock.set(end + 1);
    const expired = await h.call('GET', me, { key: old.secret });
    expect([expired.status, expired.error]).toEqual([401, 'expired_api_key']);
    expect((await h.call('GET', me, { key: rolled.body.key.secret })).status).toBe(200);

    const events = await h.call('GET', `${keys}/${old.id}/events`);
    expect(events.body.data.map((e: { type: string }) => e.type)).toEqual(['key.expired', 'key.rolled', 'key.created']);
  });

  test('a grace period of 0 ends the old key at once', async () => {
    const old = await h.createKey({ name: 'Leaked' });
    await h.call('POST', `${keys}/${old.id}/roll`, { body: { grace_seconds: 0 } });
    expect((await h.call('GET', me, { key: old.secret })).error).toBe('expired_api_key');
    expect((await h.call('GET', `${keys}/${old.id}`)).body.status).toBe('expired');
  });

  test('a grace period the policy does not offer is refused, naming the field', async () => {
    const old = await h.createKey({ name: 'Backend' });
    const reply = await h.call('POST', `${keys}/${old.id}/roll`, { body: { grace_seconds: 17 } });
    expect([reply.status, reply.error]).toEqual([422, 'validation_failed']);
    expect(JSON.stringify(reply.body)).toContain('grace_seconds');
  });

  test('a key that was rolled already, or revoked, cannot be rolled', async () => {
    const old = await h.createKey({ name: 'Backend' });
    await h.call('POST', `${keys}/${old.id}/roll`, { body: { grace_seconds: Math.max(...h.model.keyPolicy.rollGraceSeconds) } });
    expect((await h.call('POST', `${keys}/${old.id}/roll`, { body: {} })).status).toBe(422);
    const other = await h.createKey({ name: 'Other' });
    await h.call('DELETE', `${keys}/${other.id}`);
    expect((await h.call('POST', `${keys}/${other.id}/roll`, { body: {} })).status).toBe(422);
  });
});

import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { presets } from '../../../src/api/presets/index.ts';
import { errorMessage, startHarness, type Harness } from './harness.ts';

const DAY_MS = 86_400_000;

describe.each(Object.keys(presets))('key state for %s', (preset) => {
  let h: Harness;
  let me: string;
  let keys: string;
  beforeEach(async () => {
    h = await startHarness(preset);
    me = h.model.management.whoamiPath;
    keys = h.model.management.keysPath;
  });
  afterEach(() => h.close());

  test('a revoked key is refused at once, and the refusal shows in its usage', async () => {
    const key = await h.createKey({ name: 'Soon revoked' });
    expect((await h.call('GET', me, { key: key.secret })).status).toBe(200);
    const revoked = await h.call('DELETE', `${keys}/${key.id}`);
    expect(revoked.body.status).toBe('revoked');
    const reply = await h.call('GET', me, { key: key.secret });
    expect([reply.status, reply.error]).toEqual([401, 'revoked_api_key']);
    const usage = await h.call('GET', `${keys}/${key.id}/usage`);
    expect(usage.body.recent_requests.map((r: { status: number }) => r.status)).toEqual([401, 200]);
    expect(usage.body.error_rate).toBe(0.5);
  });

  test('a key with an expiry date works until that moment and is expired from it on', async () => {
    const days = h.model.keyPolicy.expiryDays.find((d) => d !== null);
    if (days === undefined) {
      // Keys of this preset never expire by date (they still expire when rolled, see key-rolling).
      expect(h.model.keyPolicy.expiryDays).toEqual([null]);
      const refused = await h.call('POST', keys, { body: { name: 'Expiring', expires_in_days: 30 } });
      expect([refused.status, refused.error]).toEqual([422, 'validation_failed']);
      return;
    }
    const key = await h.createKey({ name: 'Expiring', expires_in_days: days });
    const expiresAt = Date.parse(key.expires_at);
    expect(expiresAt).toBe(h.clock.now() + days * DAY_MS);
    h.clock.set(expiresAt - 1);
    expect((await h.call('GET', me, { key: key.secret })).status).toBe(200);
    h.clock.set(expiresAt);
    const reply = await h.call('GET', me, { key: key.secret });
    expect([reply.status, reply.error]).toEqual([401, 'expired_api_key']);
    expect(errorMessage(h.model, reply.body)).toContain(key.expires_at);
  });

  test('a disabled key is refused until it is enabled again, where keys can be disabled', async () => {
    const key = await h.createKey({ name: 'Switchable' });
    const disable = await h.call('PATCH', `${keys}/${key.id}`, { body: { status: 'inactive' } });
    if (!h.model.keyPolicy.canDisable) {
      expect([disable.status, disable.error]).toEqual([422, 'validation_failed']);
      expect(h.model.errors.some((e) => e.id === 'inactive_api_key')).toBe(false);
      return;
    }
    expect(disable.body.status).toBe('inactive');
    const refused = await h.call('GET', me, { key: key.secret });
    expect([refused.status, refused.error]).toEqual([401, 'inactive_api_key']);
    await h.call('PATCH', `${keys}/${key.id}`, { body: { status: 'active' } });
    expect((await h.call('GET', me, { key: key.secret })).status).toBe(200);
  });
});

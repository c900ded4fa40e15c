/**
 * Failed authentication is limited per client address (`rateLimits.authFailures`): after the
 * limit of 401s in a window, every request from that address gets a documented 429
 * `too_many_auth_failures` with Retry-After, valid key or not, until the window ends. Other
 * addresses, and the per-key rate limit, are untouched.
 */
import { describe, expect, test } from 'vitest';
import { presets } from '../../../src/api/presets/index.ts';
import { errorMessage, START, withHarness, type Harness } from './harness.ts';

describe.each(Object.keys(presets))('failed authentications from one address in %s', (preset) => {
  let h: Harness;
  let me: string;
  withHarness(preset, (started) => {
    h = started;
    me = started.model.management.whoamiPath;
  });

  test('after the limit of 401s a minute, every request from the address is a 429 until the window ends', async () => {
    const { limit, windowSeconds } = h.model.rateLimits.authFailures;
    expect([limit, windowSeconds]).toEqual([30, 60]);
    h.clock.set(START + 20_000);
    const wrongKey = `${h.owner.slice(0, -1)}${h.owner.endsWith('A') ? 'B' : 'A'}`;
    for (let i = 0; i < limit; i++) {
      const reply = await h.call('GET', me, i % 2 ? { key: null } : { key: wrongKey });
      expect(reply.status, `attempt ${i + 1}`).toBe(401);
    }
    for (const key of [wrongKey, h.owner]) {
      const refused = await h.call('GET', me, { key });
      expect([refused.status, refused.error, refused.headers.get('Retry-After')]).toEqual([429, 'too_many_auth_failures', '40']);
      expect(errorMessage(h.model, refused.body)).toBe('Too many requests from this address failed authentication; retry in 40 seconds');
      expect(refused.headers.get('X-RateLimit-Limit')).toBeNull();
    }
    h.clock.set(START + windowSeconds * 1000 - 1);
    expect((await h.call('GET', me)).headers.get('Retry-After')).toBe('1');
    h.clock.set(START + windowSeconds * 1000);
    expect((await h.call('GET', me)).status).toBe(200);
    expect((await h.call('GET', me, { key: null })).status).toBe(401);
  });

  test('other addresses keep working, and the owner’s key was not charged for the refusals', async () => {
    h.clock.set(START);
    const { limit } = h.model.rateLimits.authFailures;
    h.sandbox.settings.update({ clientIp: '198.51.100.7' });
    for (let i = 0; i <= limit; i++) await h.call('GET', me, { key: null });
    expect((await h.call('GET', me)).status).toBe(429);
    h.sandbox.settings.update({ clientIp: '203.0.113.10' });
    const ok = await h.call('GET', me);
    expect(ok.status).toBe(200);
    const tier = h.model.rateLimits.tiers.find((t) => t.limit === Number(ok.headers.get('X-RateLimit-Limit')))!;
    expect(ok.headers.get('X-RateLimit-Remaining')).toBe(String(tier.limit - 1));
  });

  test('concurrent failures get exactly the limit of 401s, the rest 429', async () => {
    h.clock.set(START + 5_000);
    const { limit } = h.model.rateLimits.authFailures;
    const replies = await Promise.all(Array.from({ length: limit + 20 }, () => h.call('GET', me, { key: null })));
    expect(replies.filter((r) => r.status === 401)).toHaveLength(limit);
    expect(replies.filter((r) => r.status === 429 && r.error === 'too_many_auth_failures')).toHaveLength(20);
  });

  test('a key that is only not active yet does not count as a failure', async () => {
    // The owner key is older than the delay; only the new key waits.
    h.clock.set(START + 60_000);
    h.sandbox.settings.update({ propagationDelaySeconds: 30 });
    const fresh = await h.createKey({ name: 'Propagating' });
    for (let i = 0; i < h.model.rateLimits.authFailures.limit + 5; i++) {
      const reply = await h.call('GET', me, { key: fresh.secret });
      expect(reply.error).toBe('key_not_yet_active');
    }
    expect((await h.call('GET', me)).status).toBe(200);
  });
});

test('the limit and window come from the model', async () => {
  const base = presets['huechat']!;
  const { buildModel } = await import('../../../src/api/model.ts');
  const model = buildModel({ ...base, rateLimits: { ...base.rateLimits, authFailures: { limit: 2, windowSeconds: 300 } } });
  const { startNodeSandbox } = await import('../../../mocks/node.ts');
  const { manualClock } = await import('../../../mocks/clock.ts');
  const { sandbox, close } = await startNodeSandbox({ model, clock: manualClock(START) });
  try {
    const url = `${model.environments.find((e) => e.id === 'test')!.baseUrl}/me`;
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await fetch(url)).status);
    const refused = await fetch(url, { headers: { 'X-API-Key': sandbox.ownerKey! } });
    expect([...statuses, refused.status, refused.headers.get('Retry-After')]).toEqual([401, 401, 429, 429, '300']);
  } finally {
    close();
  }
});

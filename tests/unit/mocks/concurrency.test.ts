import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { presets } from '../../../src/api/presets/index.ts';
import { defaultTier, largestTier, START, startHarness, type Harness } from './harness.ts';

describe.each(Object.keys(presets))('concurrency for %s', (preset) => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(preset);
  });
  afterEach(() => h.close());

  test('200 concurrent requests against a limit of N give exactly N successes, the rest 429 with Retry-After', async () => {
    const { limit, windowSeconds } = defaultTier(h);
    h.clock.set(START + 12_345);
    const replies = await Promise.all(Array.from({ length: 200 }, () => h.call('GET', h.model.management.whoamiPath)));
    const ok = replies.filter((r) => r.status === 200);
    const limited = replies.filter((r) => r.status === 429);
    expect([ok.length, limited.length]).toEqual([limit, 200 - limit]);
    // Every slot was handed out once: the remaining counts are N-1 … 0, each exactly once.
    const remaining = ok.map((r) => Number(r.headers.get('X-RateLimit-Remaining'))).sort((a, b) => a - b);
    expect(remaining).toEqual(Array.from({ length: limit }, (_, i) => i));
    const wait = String(Math.ceil(windowSeconds - 12.345));
    expect(new Set(limited.map((r) => r.headers.get('Retry-After')))).toEqual(new Set([wait]));
  });

  test('100 concurrent key creations give 100 distinct keys that all work', async () => {
    h.sandbox.settings.update({ rateLimitTier: largestTier(h.model).id });
    const created = await Promise.all(Array.from({ length: 100 }, (_, i) => h.createKey({ name: `Parallel ${i}` })));
    expect(new Set(created.map((k) => k.secret)).size).toBe(100);
    expect(new Set(created.map((k) => k.id)).size).toBe(100);
    const whoami = await Promise.all(created.map((k) => h.call('GET', h.model.management.whoamiPath, { key: k.secret })));
    expect(whoami.map((r) => r.body.key_id)).toEqual(created.map((k) => k.id));
  });

  test('concurrent creations cannot push the account past its key limit', async () => {
    h.sandbox.settings.update({ rateLimitTier: largestTier(h.model).id });
    const max = h.model.keyPolicy.maxKeysPerAccount;
    const attempts = max + 10;
    const replies = await Promise.all(
      Array.from({ length: attempts }, (_, i) => h.call('POST', h.model.management.keysPath, { body: { name: `Key ${i}` } })),
    );
    // The owner key already counts toward the limit.
    expect(replies.filter((r) => r.status === 201).length).toBe(max - 1);
    expect(new Set(replies.filter((r) => r.status !== 201).map((r) => r.error))).toEqual(new Set(['validation_failed']));
  });
});

import { describe, expect, test } from 'vitest';
import { presets } from '../../../src/api/presets/index.ts';
import { defaultTier, START, startHarness, withHarness, type Harness } from './harness.ts';

const limitHeaders = (headers: Headers) => ({
  limit: headers.get('X-RateLimit-Limit'),
  remaining: headers.get('X-RateLimit-Remaining'),
  reset: headers.get('X-RateLimit-Reset'),
  ietf: headers.get('RateLimit'),
  policy: headers.get('RateLimit-Policy'),
  retryAfter: headers.get('Retry-After'),
});

describe.each(Object.keys(presets))('rate limits for %s', (preset) => {
  let h: Harness;
  let me: string;
  withHarness(preset, (started) => {
    h = started;
    me = started.model.management.whoamiPath;
  });

  test('successful responses carry the limit of the sandbox tier', async () => {
    const expected = defaultTier(h);
    h.clock.set(START + 1_500);
    const reply = await h.call('GET', me);
    const reset = String(expected.windowSeconds - 1);
    expect(limitHeaders(reply.headers)).toEqual({
      limit: String(expected.limit),
      remaining: String(expected.limit - 1),
      reset,
      ietf: `"default";r=${expected.limit - 1};t=${reset}`,
      policy: `"default";q=${expected.limit};w=${expected.windowSeconds}`,
      retryAfter: null,
    });
  });

  test('in demo mode the request after the limit gets 429 with every header, until the window ends', async () => {
    h.sandbox.settings.update({ rateLimitMode: 'demo' });
    const { limit, windowSeconds } = h.model.rateLimits.demo;
    h.clock.set(START + 3_200);
    for (let i = 1; i <= limit; i++) {
      const ok = await h.call('GET', me);
      expect([ok.status, ok.headers.get('X-RateLimit-Remaining')]).toEqual([200, String(limit - i)]);
    }
    const limited = await h.call('GET', me);
    const wait = String(Math.ceil(windowSeconds - 3.2));
    expect([limited.status, limited.error]).toEqual([429, 'rate_limited']);
    expect(limitHeaders(limited.headers)).toEqual({
      limit: String(limit),
      remaining: '0',
      reset: wait,
      ietf: `"default";r=0;t=${wait}`,
      policy: `"default";q=${limit};w=${windowSeconds}`,
      retryAfter: wait,
    });
    h.clock.set(START + windowSeconds * 1000 - 1);
    expect((await h.call('GET', me)).headers.get('Retry-After')).toBe('1');
    h.clock.set(START + windowSeconds * 1000);
    const next = await h.call('GET', me);
    expect([next.status, next.headers.get('X-RateLimit-Remaining')]).toEqual([200, String(limit - 1)]);
  });

  test('limits are per key: another key has its own window', async () => {
    h.sandbox.settings.update({ rateLimitMode: 'demo' });
    const other = await h.createKey({ name: 'Other' });
    for (let i = 0; i < h.model.rateLimits.demo.limit; i++) await h.call('GET', me);
    expect((await h.call('GET', me)).status).toBe(429);
    expect((await h.call('GET', me, { key: other.secret })).status).toBe(200);
  });
});

test('the rate-limit message says how long to wait (huechat)', async () => {
  const h = await startHarness('huechat');
  try {
    h.sandbox.settings.update({ rateLimitMode: 'demo' });
    for (let i = 0; i < 5; i++) await h.call('GET', '/me');
    expect((await h.call('GET', '/me')).body.message).toMatchInlineSnapshot(`"Too many requests; retry in 10 seconds"`);
  } finally {
    h.close();
  }
});

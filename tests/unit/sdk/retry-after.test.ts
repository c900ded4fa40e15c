import { afterEach, expect, test, vi } from 'vitest';
import { createClient, type RetryEvent } from '../../../src/sdk/index.ts';
import { apiError, fakeFetch, fakeSleep, json, makeKey } from './fake-api.ts';

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const ok = json(200, { ok: true });
const limited = (retryAfter?: string) =>
  apiError('rate_limited', { retryAfter: 1 }, retryAfter === undefined ? {} : { 'Retry-After': retryAfter });

function client(...replies: Response[]) {
  const { fetch, sent } = fakeFetch(...replies);
  const { sleep, waits } = fakeSleep();
  const events: RetryEvent[] = [];
  const sdk = createClient({ apiKey: makeKey(), fetch, sleep, now: () => NOW, onRetry: (event) => events.push(event) });
  return { sdk, sent, waits, events };
}

afterEach(() => vi.restoreAllMocks());

test('a 429 is retried after the seconds in Retry-After', async () => {
  const { sdk, sent, waits } = client(limited('3'), ok);
  await expect(sdk.whoami.get()).resolves.toEqual({ ok: true });
  expect(sent).toHaveLength(2);
  expect(waits).toEqual([3000]);
});

test('a Retry-After given as an HTTP date is waited for until that moment', async () => {
  const { sdk, waits } = client(limited(new Date(NOW + 12_000).toUTCString()), ok);
  await sdk.whoami.get();
  expect(waits).toEqual([12_000]);
});

test('a Retry-After date in the past means retry at once', async () => {
  const { sdk, waits } = client(limited(new Date(NOW - 5_000).toUTCString()), ok);
  await sdk.whoami.get();
  expect(waits).toEqual([0]);
});

test('a malformed Retry-After falls back to exponential backoff with jitter', async () => {
  vi.spyOn(Math, 'random').mockReturnValue(0);
  const { sdk, waits } = client(limited('soon'), limited('12 seconds'), ok);
  await sdk.whoami.get();
  expect(waits).toEqual([500, 1000]);
});

test('jitter keeps each backoff between half and all of its step', async () => {
  vi.spyOn(Math, 'random').mockReturnValue(0.999);
  const { sdk, waits } = client(json(503, {}), json(502, {}), ok);
  await sdk.whoami.get();
  expect(waits[0]).toBeGreaterThanOrEqual(250);
  expect(waits[0]).toBeLessThan(500);
  expect(waits[1]).toBeGreaterThanOrEqual(500);
  expect(waits[1]).toBeLessThan(1000);
});

test('a long Retry-After is cut to maxRetryDelay', async () => {
  const { fetch } = fakeFetch(limited('3600'), ok);
  const { sleep, waits } = fakeSleep();
  await createClient({ apiKey: makeKey(), fetch, sleep, retry: { maxRetryDelay: 5000 } }).whoami.get();
  expect(waits).toEqual([5000]);
});

test('the default cap is 30 seconds', async () => {
  const { sdk, waits } = client(limited('86400'), ok);
  await sdk.whoami.get();
  expect(waits).toEqual([30_000]);
});

test('after `limit` retries the last error is thrown', async () => {
  const { sdk, sent, waits } = client(limited('1'));
  await expect(sdk.whoami.get()).rejects.toMatchObject({ name: 'RateLimitError', retryAfter: 1 });
  expect(sent).toHaveLength(3);
  expect(waits).toEqual([1000, 1000]);
});

test('onRetry hears of each retry before the wait', async () => {
  const { sdk, events } = client(limited('2'), json(500, {}), ok);
  vi.spyOn(Math, 'random').mockReturnValue(0);
  await sdk.whoami.get();
  expect(events.map(({ attempt, delayMs, error }) => ({ attempt, delayMs, error: error.name }))).toEqual([
    { attempt: 1, delayMs: 2000, error: 'RateLimitError' },
    { attempt: 2, delayMs: 1000, error: 'ApiError' },
  ]);
});

test('408 and every 5xx but 501 are retried; 4xx errors are not', async () => {
  for (const status of [408, 500, 502, 503, 504]) {
    const { sdk, sent } = client(json(status, {}), ok);
    await sdk.whoami.get();
    expect(sent, `status ${status}`).toHaveLength(2);
  }
  for (const reply of [json(501, {}), apiError('not_found'), apiError('validation_failed'), apiError('insufficient_scope')]) {
    const { sdk, sent } = client(reply, ok);
    await expect(sdk.whoami.get()).rejects.toBeDefined();
    expect(sent, `status ${reply.status}`).toHaveLength(1);
  }
});

test('a per-call retry setting overrides the client’s', async () => {
  const { sdk, sent } = client(json(503, {}));
  await expect(sdk.whoami.get({ retry: 0 })).rejects.toMatchObject({ status: 503 });
  expect(sent).toHaveLength(1);
  const again = client(json(503, {}));
  await expect(again.sdk.whoami.get({ retry: { limit: 4 } })).rejects.toMatchObject({ status: 503 });
  expect(again.sent).toHaveLength(5);
});

test('retry: false on the client turns retries off', async () => {
  const { fetch, sent } = fakeFetch(limited('1'), ok);
  await expect(createClient({ apiKey: makeKey(), fetch, retry: false }).whoami.get()).rejects.toMatchObject({ status: 429 });
  expect(sent).toHaveLength(1);
});

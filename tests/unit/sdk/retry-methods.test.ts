import { expect, test } from 'vitest';
import { createClient } from '../../../src/sdk/index.ts';
import { apiError, fakeFetch, fakeSleep, json, makeKey, model } from './fake-api.ts';

const ok = json(201, { id: 'key_1' });
const create = { name: 'CI' } as const;

function client(options: Parameters<typeof createClient>[0], ...replies: Array<Response | Error>) {
  const { fetch, sent } = fakeFetch(...replies);
  const { sleep, waits } = fakeSleep();
  return { sdk: createClient({ apiKey: makeKey(), fetch, sleep, ...options }), sent, waits };
}

test('a POST is not retried by default, even on a 503', async () => {
  const { sdk, sent } = client({}, json(503, {}), ok);
  await expect(sdk.keys.create(create)).rejects.toMatchObject({ status: 503 });
  expect(sent).toHaveLength(1);
});

test('a POST is not retried after a network error by default', async () => {
  const { sdk, sent } = client({}, new TypeError('fetch failed'), ok);
  await expect(sdk.keys.create(create)).rejects.toMatchObject({ name: 'ConnectionError' });
  expect(sent).toHaveLength(1);
});

test('a PATCH is not retried by default', async () => {
  const { sdk, sent } = client({}, json(502, {}), ok);
  await expect(sdk.keys.update('key_1', { name: 'x' })).rejects.toMatchObject({ status: 502 });
  expect(sent).toHaveLength(1);
});

test('a POST is retried when the client opts in with retry.methods', async () => {
  const { sdk, sent } = client({ retry: { methods: ['GET', 'POST'] } }, json(503, {}), ok);
  await expect(sdk.keys.create(create)).resolves.toEqual({ id: 'key_1' });
  expect(sent).toHaveLength(2);
  expect(sent[1]!.body).toEqual(create);
});

test('a POST is retried when the call opts in with retry: true', async () => {
  const { sdk, sent } = client({}, new TypeError('fetch failed'), ok);
  await expect(sdk.keys.create(create, { retry: true })).resolves.toEqual({ id: 'key_1' });
  expect(sent).toHaveLength(2);
});

test('GET, PUT and DELETE are retried by default', async () => {
  const { sdk, sent } = client({}, json(500, {}), json(200, { id: 'key_1' }));
  await sdk.keys.revoke('key_1');
  expect(sent.map((r) => r.method)).toEqual(['DELETE', 'DELETE']);
});

test('a key not active yet is retried after its Retry-After, also for a POST', async () => {
  const { sdk, sent, waits } = client({}, apiError('key_not_yet_active', { retryAfter: 5 }, { 'Retry-After': '5' }), ok);
  await expect(sdk.keys.create(create)).resolves.toEqual({ id: 'key_1' });
  expect(sent).toHaveLength(2);
  expect(waits).toEqual([5000]);
});

test('the model says which errors are worth retrying', () => {
  expect(model.errors.filter((e) => e.retryable).map((e) => e.id)).toEqual(['key_not_yet_active', 'rate_limited']);
});

import { expect, test } from 'vitest';
import { ConnectionError, createClient, isConnectionError, isTimeoutError, TimeoutError } from '../../../src/sdk/index.ts';
import { fakeFetch, fakeSleep, generic, json, makeKey } from './fake-api.ts';

test('an unreachable API throws a ConnectionError naming the URL and the cause', async () => {
  const refused = new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:9') });
  const { fetch } = fakeFetch(refused);
  const error = await createClient({ apiKey: makeKey(), fetch, retry: false })
    .whoami.get()
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ConnectionError);
  expect(isConnectionError(error)).toBe(true);
  expect(generic((error as Error).message)).toMatchInlineSnapshot(
    `"GET <test base URL>/me failed: could not reach the API (connect ECONNREFUSED 127.0.0.1:9)."`,
  );
});

test('a response slower than `timeout` throws a TimeoutError', async () => {
  const { fetch } = fakeFetch(
    (request) => new Promise<Response>((_, reject) => request.signal.addEventListener('abort', () => reject(request.signal.reason))),
  );
  const error = await createClient({ apiKey: makeKey(), fetch, retry: false, timeout: 5 })
    .whoami.get()
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(TimeoutError);
  expect(isTimeoutError(error)).toBe(true);
  expect(generic((error as Error).message)).toMatchInlineSnapshot(`"GET <test base URL>/me got no response within 5 ms."`);
});

test('a GET that hit a network error is retried, then succeeds', async () => {
  const { fetch, sent } = fakeFetch(new TypeError('fetch failed'), json(200, { ok: 1 }));
  const { sleep, waits } = fakeSleep();
  await expect(createClient({ apiKey: makeKey(), fetch, sleep }).whoami.get()).resolves.toEqual({ ok: 1 });
  expect(sent).toHaveLength(2);
  expect(waits).toHaveLength(1);
});

test('a bug in a custom fetch is not disguised as a network error, nor retried', async () => {
  const { fetch, sent } = fakeFetch(new RangeError('bug in my fetch wrapper'));
  await expect(createClient({ apiKey: makeKey(), fetch }).whoami.get()).rejects.toThrow(RangeError);
  expect(sent).toHaveLength(1);
});

test('aborting the signal stops the call, also while it waits to retry', async () => {
  const controller = new AbortController();
  const { fetch, sent } = fakeFetch(json(503, {}));
  const client = createClient({ apiKey: makeKey(), fetch, onRetry: () => controller.abort(new Error('user gave up')) });
  await expect(client.whoami.get({ signal: controller.signal })).rejects.toThrow('user gave up');
  expect(sent).toHaveLength(1);
});

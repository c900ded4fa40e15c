import { expect, test } from 'vitest';
import { createClient, KeyFormatError } from '../../../src/sdk/index.ts';
import { fakeFetch, json, liveBaseUrl, makeKey, model, sentKey } from './fake-api.ts';

test('setApiKey swaps the key for the next requests', async () => {
  const first = makeKey('test', 1);
  const second = makeKey('test', 2);
  const { fetch, sent } = fakeFetch(json(200, {}));
  const client = createClient({ apiKey: first, fetch });
  await client.whoami.get();
  client.setApiKey(second);
  await client.whoami.get();
  expect(sent.map(sentKey)).toEqual([first, second]);
});

test('setApiKey with a list starts again from its first key', async () => {
  const [a, b, c] = [makeKey('test', 1), makeKey('test', 2), makeKey('test', 3)];
  const { fetch, sent } = fakeFetch(json(200, {}));
  const client = createClient({ apiKey: a, fetch });
  client.setApiKey([b, c]);
  await client.whoami.get();
  expect(sent.map(sentKey)).toEqual([b]);
});

test('a key from the other environment moves the client to that environment', async () => {
  const { fetch, sent } = fakeFetch(json(200, {}));
  const client = createClient({ apiKey: makeKey('test'), fetch });
  client.setApiKey(makeKey('live'));
  await client.whoami.get();
  expect(sent[0]!.url.href).toBe(`${liveBaseUrl}${model.management.whoamiPath}`);
});

test('setApiKey checks the new key first and keeps the old one if it looks wrong', async () => {
  const good = makeKey('test', 1);
  const { fetch, sent } = fakeFetch(json(200, {}));
  const client = createClient({ apiKey: good, fetch });
  expect(() => client.setApiKey(good.slice(0, -1))).toThrow(KeyFormatError);
  await client.whoami.get();
  expect(sent.map(sentKey)).toEqual([good]);
});

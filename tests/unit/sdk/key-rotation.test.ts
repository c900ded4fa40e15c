import { expect, test } from 'vitest';
import { createClient, type KeyFallbackEvent } from '../../../src/sdk/index.ts';
import { apiError, fakeFetch, json, makeKey, sentKey } from './fake-api.ts';

const newKey = makeKey('test', 11);
const oldKey = makeKey('test', 22);

/** A fake API that knows which keys work and why the others fail. */
function api(refusals: Record<string, string>) {
  return fakeFetch((request) => {
    const key = sentKey({ headers: request.headers } as never);
    const refusal = key ? refusals[key] : 'missing_api_key';
    return refusal ? apiError(refusal, { expiredAt: '2026-01-31T00:00:00.000Z' }) : json(200, { key_id: key === newKey ? 'new' : 'old' });
  });
}

test.each(['revoked_api_key', 'expired_api_key', 'invalid_api_key'])(
  'a request refused with %s is sent again with the next key, and the client stays with it',
  async (refusal) => {
    const { fetch, sent } = api({ [newKey]: refusal });
    const events: KeyFallbackEvent[] = [];
    const client = createClient({ apiKeys: [newKey, oldKey], fetch, onKeyFallback: (event) => events.push(event) });
    await expect(client.whoami.get()).resolves.toEqual({ key_id: 'old' });
    await expect(client.whoami.get()).resolves.toEqual({ key_id: 'old' });
    expect(sent.map(sentKey)).toEqual([newKey, oldKey, oldKey]);
    expect(events.map(({ from, to, error }) => ({ from, to, code: error.name }))).toEqual([
      { from: 0, to: 1, code: 'AuthenticationError' },
    ]);
  },
);

test('falling over to the next key works for a POST too: a 401 was never processed', async () => {
  const { fetch, sent } = api({ [newKey]: 'revoked_api_key' });
  const client = createClient({ apiKeys: [newKey, oldKey], fetch });
  await client.keys.create({ name: 'CI' });
  expect(sent.map((r) => [r.method, sentKey(r)])).toEqual([
    ['POST', newKey],
    ['POST', oldKey],
  ]);
  expect(sent[1]!.body).toEqual({ name: 'CI' });
});

test('when every key is refused, the last refusal is thrown after one try each', async () => {
  const { fetch, sent } = api({ [newKey]: 'expired_api_key', [oldKey]: 'revoked_api_key' });
  const client = createClient({ apiKeys: [newKey, oldKey], fetch });
  await expect(client.whoami.get()).rejects.toMatchObject({ name: 'AuthenticationError', reason: 'revoked' });
  expect(sent.map(sentKey)).toEqual([newKey, oldKey]);
});

test('a refusal another key cannot fix does not switch keys', async () => {
  for (const refusal of ['wrong_environment', 'insufficient_scope', 'rate_limited']) {
    const { fetch, sent } = api({ [newKey]: refusal });
    const client = createClient({ apiKeys: [newKey, oldKey], fetch, retry: false });
    await expect(client.whoami.get(), refusal).rejects.toBeDefined();
    expect(sent.map(sentKey), refusal).toEqual([newKey]);
  }
});

test('the client goes back to the first key when the key it stayed with is refused', async () => {
  const refusals: Record<string, string> = { [newKey]: 'revoked_api_key' };
  const { fetch, sent } = api(refusals);
  const client = createClient({ apiKeys: [newKey, oldKey], fetch });
  await client.whoami.get();
  delete refusals[newKey];
  refusals[oldKey] = 'expired_api_key';
  await expect(client.whoami.get()).resolves.toEqual({ key_id: 'new' });
  expect(sent.map(sentKey)).toEqual([newKey, oldKey, oldKey, newKey]);
});

test('empty entries in apiKeys are skipped', async () => {
  const { fetch, sent } = api({});
  await createClient({ apiKeys: [undefined, oldKey, null], fetch }).whoami.get();
  expect(sent.map(sentKey)).toEqual([oldKey]);
});

/**
 * The transport with a scheme that sends the key as a query parameter, as the generator writes it
 * for an API that takes keys only in the URL: the key is a search parameter beside the call's
 * own, URL-encoded, and in no header.
 */
import { expect, test } from 'vitest';
import { createCall, type KeyPlacementData } from '../../../src/sdk/transport.ts';
import { apiError, fakeFetch, json, makeKey, testBaseUrl } from './fake-api.ts';

const inQuery: KeyPlacementData = { in: 'query', scheme: '?api_key', param: 'api_key' };

test('the key is the api_key search parameter, after the call’s own query, and in no header', async () => {
  const key = makeKey();
  const { fetch, sent } = fakeFetch(json(200, {}));
  const call = createCall({ keys: [key], active: 0 }, inQuery, { fetch });
  await call('GET', '/contacts', { query: { limit: 2, starting_after: 'ct_1', missing: undefined } });
  const url = sent[0]!.url;
  expect(url.href.startsWith(`${testBaseUrl}/contacts?`)).toBe(true);
  expect([...url.searchParams]).toEqual([
    ['limit', '2'],
    ['starting_after', 'ct_1'],
    ['api_key', key],
  ]);
  expect([...sent[0]!.headers].filter(([, value]) => value.includes(key))).toEqual([]);
});

test('a call without a query still carries the key, encoded; a call’s own api_key cannot replace it', async () => {
  const { fetch, sent } = fakeFetch(json(200, {}));
  // A key with characters that need encoding (the format check is off, as a reader may turn it off).
  const call = createCall({ keys: ['sk_test_a+b&c=d'], active: 0 }, inQuery, { fetch });
  await call('GET', '/me', {});
  await call('GET', '/contacts', { query: { api_key: 'not mine' } });
  expect(sent[0]!.url.search).toBe('?api_key=sk_test_a%2Bb%26c%3Dd');
  expect(sent[1]!.url.searchParams.getAll('api_key')).toEqual(['sk_test_a+b&c=d']);
});

test('falling over to the next key sends the next key in the URL', async () => {
  const [first, second] = [makeKey('test', 1), makeKey('test', 2)];
  const { fetch, sent } = fakeFetch(apiError('revoked_api_key'), json(200, {}));
  const call = createCall({ keys: [first, second], active: 0 }, inQuery, { fetch });
  await call('GET', '/me', {});
  expect(sent.map((r) => r.url.searchParams.get('api_key'))).toEqual([first, second]);
});

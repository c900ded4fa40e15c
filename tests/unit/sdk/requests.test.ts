import { expect, test } from 'vitest';
import { createClient } from '../../../src/sdk/index.ts';
import { bindRoutes } from '../../../src/sdk/routes.ts';
import { createCall, schemes } from '../../../src/sdk/transport.ts';
import { fakeFetch, json, liveBaseUrl, makeKey, model, testBaseUrl } from './fake-api.ts';

const whoami = model.management.whoamiPath;
const keysPath = model.management.keysPath;

test('a test key goes to the test base URL, a live key to the live one', async () => {
  const { fetch, sent } = fakeFetch(json(200, {}));
  await createClient({ apiKey: makeKey('test'), fetch }).whoami.get();
  await createClient({ apiKey: makeKey('live'), fetch }).whoami.get();
  expect(sent.map((r) => r.url.href)).toEqual([`${testBaseUrl}${whoami}`, `${liveBaseUrl}${whoami}`]);
});

test('baseUrl overrides the environment’s, e.g. for a local sandbox', async () => {
  const { fetch, sent } = fakeFetch(json(200, {}));
  await createClient({ apiKey: makeKey('live'), baseUrl: 'http://127.0.0.1:8787/live/v9/', fetch }).keys.get('key_1');
  expect(sent[0]!.url.href).toBe(`http://127.0.0.1:8787/live/v9${keysPath}/key_1`);
});

test.each(model.auth.schemes.map((scheme) => [scheme.type === 'bearer' ? 'bearer' : scheme.name, scheme] as const))(
  'the key travels in the %s scheme when asked, and in no other header',
  async (name, scheme) => {
    const key = makeKey();
    const { fetch, sent } = fakeFetch(json(200, {}));
    await createClient({ apiKey: key, authScheme: name as never, fetch }).whoami.get();
    const headers = sent[0]!.headers;
    expect(scheme.type === 'bearer' ? headers.get('Authorization') : headers.get(scheme.name)).toBe(
      scheme.type === 'bearer' ? `Bearer ${key}` : key,
    );
    const carriers = [...headers].filter(([, value]) => value.includes(key));
    expect(carriers).toHaveLength(1);
  },
);

test('the primary scheme is the default', async () => {
  const { fetch, sent } = fakeFetch(json(200, {}));
  await createClient({ apiKey: makeKey(), fetch }).whoami.get();
  const primary = model.auth.schemes[0]!;
  expect(sent[0]!.headers.has(primary.type === 'bearer' ? 'Authorization' : primary.name)).toBe(true);
});

test('an auth scheme the API does not accept is refused when the client is created', () => {
  expect(() => createClient({ apiKey: makeKey(), authScheme: 'X-Token' as never })).toThrow(/authScheme must be one of/);
});

test('path parameters are encoded, never concatenated raw', async () => {
  const { fetch, sent } = fakeFetch(json(200, {}));
  const client = createClient({ apiKey: makeKey(), fetch });
  await client.keys.get('a/b?c=d#e');
  await client.keys.usage('ü 1');
  expect(sent.map((r) => r.url.pathname.slice(new URL(testBaseUrl).pathname.length))).toEqual([
    `${keysPath}/a%2Fb%3Fc%3Dd%23e`,
    `${keysPath}/%C3%BC%201/usage`,
  ]);
  expect(sent[0]!.url.search).toBe('');
});

test('an empty id, "." or ".." is refused: they would reach another endpoint', async () => {
  const { fetch } = fakeFetch(json(200, {}));
  const client = createClient({ apiKey: makeKey(), fetch });
  for (const id of ['', '.', '..']) await expect(client.keys.get(id)).rejects.toThrow(TypeError);
  expect(fetch).not.toHaveBeenCalled();
});

test('a path with parent parameters takes them first, in order, each encoded and checked', async () => {
  // The shape an imported document's nested endpoint gets, e.g. `/domains/{domain_name}/records/{id}`.
  interface Records {
    get(domainName: string, id: string): Promise<unknown>;
    update(domainName: string, id: string, body: object): Promise<unknown>;
  }
  const { fetch, sent } = fakeFetch(json(200, {}));
  const call = createCall({ keys: [makeKey()], active: 0 }, schemes[0]!, { fetch, baseUrl: 'http://127.0.0.1:8787/v1' });
  const records = bindRoutes<Records>(call, {
    get: 'GET /domains/{domain_name}/records/{id}',
    update: 'PATCH /domains/{domain_name}/records/{id} body',
  });
  await records.get('example.com', 'a/b');
  await records.update('x y', '7', { ttl: 60 });
  expect(sent.map((r) => `${r.method} ${r.url.pathname}`)).toEqual([
    'GET /v1/domains/example.com/records/a%2Fb',
    'PATCH /v1/domains/x%20y/records/7',
  ]);
  expect(sent[1]!.body).toEqual({ ttl: 60 });
  await expect(records.get('', 'r1')).rejects.toThrow('Pass `domain_name` (a non-empty string)');
  await expect(records.get('..', 'r1')).rejects.toThrow(TypeError);
  expect(sent).toHaveLength(2);
});

test('a query becomes search parameters; undefined values are left out', async () => {
  const { fetch, sent } = fakeFetch(json(200, { data: [], has_more: false, next_cursor: null }));
  await createClient({ apiKey: makeKey(), fetch }).keys.list({ limit: 5 });
  expect(Object.fromEntries(sent[0]!.url.searchParams)).toEqual({ limit: '5' });
});

test('a body is sent as JSON', async () => {
  const { fetch, sent } = fakeFetch(json(201, { key: {}, previous: {} }));
  await createClient({ apiKey: makeKey(), fetch }).keys.roll('key_1', { grace_seconds: 3600 });
  expect(sent[0]).toMatchObject({ method: 'POST', body: { grace_seconds: 3600 } });
  expect(sent[0]!.headers.get('content-type')).toBe('application/json');
});

test('extra headers from the client and the call are sent', async () => {
  const { fetch, sent } = fakeFetch(json(200, {}));
  await createClient({ apiKey: makeKey(), fetch, headers: { 'User-Agent': 'billing/1.0' } }).whoami.get({ headers: { 'X-Trace': 't1' } });
  expect(sent[0]!.headers.get('User-Agent')).toBe('billing/1.0');
  expect(sent[0]!.headers.get('X-Trace')).toBe('t1');
});

test('onResponse sees the status and headers of each response', async () => {
  const { fetch } = fakeFetch(json(200, { ok: true }, { 'X-RateLimit-Remaining': '41' }));
  const seen: string[] = [];
  await createClient({ apiKey: makeKey(), fetch }).whoami.get({
    onResponse: (r) => seen.push(`${r.status} ${r.headers.get('X-RateLimit-Remaining')}`),
  });
  expect(seen).toEqual(['200 41']);
});

test('iterate walks every page with the cursor and stops on the last', async () => {
  const page = (ids: string[], next: string | null) =>
    json(200, { data: ids.map((id) => ({ id })), has_more: next !== null, next_cursor: next });
  const { fetch, sent } = fakeFetch(page(['k1', 'k2'], 'k2'), page(['k3'], 'k3'), page(['k4'], null));
  const ids: string[] = [];
  for await (const key of createClient({ apiKey: makeKey(), fetch }).keys.iterate({ limit: 2 })) ids.push(key.id);
  expect(ids).toEqual(['k1', 'k2', 'k3', 'k4']);
  expect(sent.map((r) => r.url.search)).toEqual(['?limit=2', '?limit=2&starting_after=k2', '?limit=2&starting_after=k3']);
});

test('iterate fetches no further page once the loop stops', async () => {
  const { fetch, sent } = fakeFetch(json(200, { data: [{ id: 'k1' }, { id: 'k2' }], has_more: true, next_cursor: 'k2' }));
  for await (const key of createClient({ apiKey: makeKey(), fetch }).keys.iterate()) if (key.id === 'k1') break;
  expect(sent).toHaveLength(1);
});

test('a success without a body resolves to undefined', async () => {
  const { fetch } = fakeFetch(new Response(null, { status: 204 }));
  await expect(createClient({ apiKey: makeKey(), fetch }).whoami.get()).resolves.toBeUndefined();
});

/**
 * An API that takes its key in the query string (`?api_key=`): the sandbox reads the key there
 * with the same 401 reasons as for a header, ignores the parameter as one of the endpoint's own,
 * and never echoes the key.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { environment, withKey } from '../../../src/api/runtime/index.ts';
import { generateKey } from '../../../src/api/key-format.ts';
import { ALSO_HEADER, QUERY_KEY_PARAM, queryKeyModel } from '../../helpers/query-key-api.ts';
import { errorMessage, startHarness, type Harness } from './harness.ts';

const DAY_MS = 86_400_000;

describe('an API whose only scheme is a query key', async () => {
  const model = await queryKeyModel();
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(model);
  });
  afterEach(() => h.close());

  const me = model.management.whoamiPath;
  const keys = model.management.keysPath;
  const withParam = (path: string, ...values: string[]) =>
    `${path}${path.includes('?') ? '&' : '?'}${values.map((v) => `${QUERY_KEY_PARAM}=${encodeURIComponent(v)}`).join('&')}`;

  test('the key in the query parameter is accepted', async () => {
    const reply = await h.call('GET', withParam(me, h.owner), { key: null });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ environment: 'test' });
  });

  test('no parameter, an empty one, or the key in a header this API does not read, is a missing key', async () => {
    for (const [path, headers] of [
      [me, {}],
      [withParam(me, ''), {}],
      [me, { [ALSO_HEADER]: h.owner }],
      [me, { Authorization: `Bearer ${h.owner}` }],
    ] as const) {
      const reply = await h.call('GET', path, { key: null, headers });
      expect([reply.status, reply.error], path).toEqual([401, 'missing_api_key']);
    }
  });

  test('a cut-off key is malformed, and the message does not repeat it', async () => {
    const cut = h.owner.slice(0, -3);
    const reply = await h.call('GET', withParam(me, cut), { key: null });
    expect([reply.status, reply.error]).toEqual([401, 'malformed_api_key']);
    expect(errorMessage(model, reply.body)).toMatchInlineSnapshot(
      `"API key is malformed: the key is 3 character(s) too short; it may be cut off"`,
    );
    expect(JSON.stringify(reply.body)).not.toContain(cut);
  });

  test('a well-formed key that was never issued is invalid', async () => {
    const reply = await h.call('GET', me, { key: generateKey(environment(model, 'test').keyPrefix, model.keyFormat.randomLength) });
    expect([reply.status, reply.error]).toEqual([401, 'invalid_api_key']);
  });

  test('a revoked key is refused', async () => {
    const key = await h.createKey({ name: 'Soon revoked' });
    expect((await h.call('GET', me, { key: key.secret })).status).toBe(200);
    expect((await h.call('DELETE', `${keys}/${key.id}`)).body.status).toBe('revoked');
    const reply = await h.call('GET', me, { key: key.secret });
    expect([reply.status, reply.error]).toEqual([401, 'revoked_api_key']);
  });

  test('a key past its expiry date is expired', async () => {
    const days = model.keyPolicy.expiryDays.find((d) => d !== null)!;
    const key = await h.createKey({ name: 'Expiring', expires_in_days: days });
    h.clock.set(h.clock.now() + days * DAY_MS);
    const reply = await h.call('GET', me, { key: key.secret });
    expect([reply.status, reply.error]).toEqual([401, 'expired_api_key']);
  });

  test('a live key sent to the test base URL is the wrong environment', async () => {
    const live = await h.createKey({ name: 'Production', environment: 'live' });
    const reply = await h.call('GET', me, { key: live.secret, env: 'test' });
    expect([reply.status, reply.error]).toEqual([401, 'wrong_environment']);
    expect((await h.call('GET', me, { key: live.secret, env: 'live' })).status).toBe(200);
  });

  test('the parameter given twice: two keys conflict, the same key twice is malformed', async () => {
    const other = (await h.createKey({ name: 'Second key' })).secret;
    const conflict = await h.call('GET', withParam(me, h.owner, other), { key: null });
    expect([conflict.status, conflict.error]).toEqual([401, 'conflicting_api_keys']);
    expect(JSON.stringify(conflict.body)).not.toContain(other);
    const twice = await h.call('GET', withParam(me, h.owner, h.owner), { key: null });
    expect([twice.status, twice.error]).toEqual([401, 'malformed_api_key']);
    expect(errorMessage(model, twice.body)).toMatchInlineSnapshot(
      `"API key is malformed: the api_key query parameter was given 2 times; give it once"`,
    );
  });

  test('the key parameter is no parameter of the endpoint: a list reads its own query beside it', async () => {
    const list = model.endpoints.find((e) => e.action.type === 'list' && e.query?.shape['limit'])!;
    const reply = await h.call('GET', `${list.path}?limit=1`);
    expect(reply.status).toBe(200);
    expect(reply.body.data).toHaveLength(1);
  });

  test('a request carries the key only where the scheme puts it: the URL, encoded', () => {
    const sent = withKey(model.auth.schemes[0]!, 'sk_test_a+b/c', `${environment(model, 'test').baseUrl}${me}?x=1`);
    expect(sent.headers).toEqual({});
    expect(new URL(sent.url).search).toBe('?x=1&api_key=sk_test_a%2Bb%2Fc');
  });
});

describe('an API that takes the key in the query string or in a header', async () => {
  const model = await queryKeyModel({ alsoHeader: true });
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(model);
  });
  afterEach(() => h.close());
  const me = model.management.whoamiPath;

  test('either place works on its own', async () => {
    expect((await h.call('GET', `${me}?${QUERY_KEY_PARAM}=${h.owner}`, { key: null })).status).toBe(200);
    expect((await h.call('GET', me, { key: null, headers: { [ALSO_HEADER]: h.owner } })).status).toBe(200);
  });

  test('the same key in both is accepted; two different keys conflict, naming both places', async () => {
    const other = (await h.createKey({ name: 'Second key' })).secret;
    const same = await h.call('GET', `${me}?${QUERY_KEY_PARAM}=${h.owner}`, { key: null, headers: { [ALSO_HEADER]: h.owner } });
    expect(same.status).toBe(200);
    const conflict = await h.call('GET', `${me}?${QUERY_KEY_PARAM}=${other}`, { key: null, headers: { [ALSO_HEADER]: h.owner } });
    expect([conflict.status, conflict.error]).toEqual([401, 'conflicting_api_keys']);
    const message = errorMessage(model, conflict.body);
    expect(message).toContain(`?${QUERY_KEY_PARAM}`);
    expect(message).toContain(ALSO_HEADER);
    expect(message).not.toContain(other);
  });

  test('a bad key in one place is not rescued by a good key in the other', async () => {
    const reply = await h.call('GET', `${me}?${QUERY_KEY_PARAM}=${h.owner.slice(0, -1)}`, {
      key: null,
      headers: { [ALSO_HEADER]: h.owner },
    });
    expect([reply.status, reply.error]).toEqual([401, 'conflicting_api_keys']);
  });
});

import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { requestExample } from '../../../src/api/examples.ts';
import { presets } from '../../../src/api/presets/index.ts';
import type { Endpoint } from '../../../src/api/schema/endpoints.ts';
import { largestTier, startHarness, type Harness } from './harness.ts';

describe.each(Object.keys(presets))('sample data for %s', (preset) => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(preset);
    h.sandbox.settings.update({ rateLimitTier: largestTier(h.model).id });
    if (h.model.access.mode === 'account-role') h.sandbox.settings.update({ accountRole: 'admin' });
  });
  afterEach(() => h.close());

  /**
   * A body the endpoint accepts: the docs' example, else a seed record trimmed to the create
   * fields. (huechat's `users.create` example is a seed with role "owner", which create refuses.)
   */
  const bodyFor = (endpoint: Endpoint) => {
    const collection = collectionOf(endpoint);
    const fields = Object.keys(collection.create.shape);
    const candidates = [
      requestExample(h.model, endpoint),
      ...collection.seed.map((record) => Object.fromEntries(Object.entries(record).filter(([k, v]) => fields.includes(k) && v !== null))),
    ];
    return candidates.find((body) => endpoint.body!.safeParse(body).success)!;
  };
  const endpointsOf = (type: string) => h.model.endpoints.filter((e) => e.action.type === type && 'collection' in e.action);
  const collectionOf = (endpoint: Endpoint) =>
    h.model.collections.find((c) => 'collection' in endpoint.action && c.id === endpoint.action.collection)!;

  test('every list starts with the seeded records, oldest first, with seed ids', async () => {
    for (const endpoint of endpointsOf('list')) {
      const collection = collectionOf(endpoint);
      const reply = await h.call('GET', endpoint.path);
      expect(reply.body.data.map((r: { id: string }) => r.id)).toEqual(
        collection.seed.map((_, i) => `${collection.idPrefix}seed_${i + 1}`),
      );
    }
  });

  test('create stores the body with defaults filled in, and get, update and delete find it', async () => {
    for (const endpoint of endpointsOf('create')) {
      const collection = collectionOf(endpoint);
      const created = await h.call('POST', endpoint.path, { body: bodyFor(endpoint) });
      expect(created.status).toBe(201);
      expect(created.body.id).toMatch(new RegExp(`^${collection.idPrefix}[0-9A-Za-z]{14}$`));
      expect(created.body).toMatchObject({ ...(collection.testModeOverrides ?? {}) });
      const itemPath = `${endpoint.path}/${created.body.id}`;
      const get = h.model.endpoints.find((e) => e.method === 'GET' && e.path === `${endpoint.path}/{id}`);
      if (get) expect((await h.call('GET', itemPath)).body).toEqual(created.body);
      const update = h.model.endpoints.find((e) => e.method === 'PATCH' && e.path === `${endpoint.path}/{id}`);
      if (update) {
        const patch = requestExample(h.model, update)!;
        const updated = await h.call('PATCH', itemPath, { body: patch });
        expect(updated.body).toMatchObject({ ...patch, id: created.body.id, created_at: created.body.created_at });
      }
      if (h.model.endpoints.some((e) => e.method === 'DELETE' && e.path === `${endpoint.path}/{id}`)) {
        expect((await h.call('DELETE', itemPath)).body).toEqual({ id: created.body.id, deleted: true });
        if (get) expect((await h.call('GET', itemPath)).error).toBe('not_found');
      }
    }
  });

  test('test and live data are separate, and nothing is simulated in live', async () => {
    const live = await h.createKey({ name: 'Live', environment: 'live' });
    const endpoint = endpointsOf('create')[0]!;
    const created = await h.call('POST', endpoint.path, { body: bodyFor(endpoint) });
    const list = endpointsOf('list').find((e) => e.path === endpoint.path)!;
    const liveIds = (await h.call('GET', list.path, { key: live.secret, env: 'live' })).body.data.map((r: { id: string }) => r.id);
    expect(liveIds).not.toContain(created.body.id);
    const withOverrides = endpointsOf('create').find((e) => collectionOf(e).testModeOverrides);
    if (withOverrides) {
      const inLive = await h.call('POST', withOverrides.path, { key: live.secret, env: 'live', body: bodyFor(withOverrides) });
      expect(inLive.body).not.toMatchObject(collectionOf(withOverrides).testModeOverrides!);
    }
  });

  test('lists paginate with limit and starting_after, and refuse a bad limit or an unknown cursor', async () => {
    const endpoint = endpointsOf('list')[0]!;
    const all = (await h.call('GET', endpoint.path)).body.data.map((r: { id: string }) => r.id);
    const first = await h.call('GET', `${endpoint.path}?limit=1`);
    expect(first.body).toMatchObject({ data: [{ id: all[0] }], has_more: all.length > 1 });
    const rest = await h.call('GET', `${endpoint.path}?starting_after=${all[0]}`);
    expect(rest.body.data.map((r: { id: string }) => r.id)).toEqual(all.slice(1));
    for (const query of ['limit=0', 'limit=101', 'limit=ten', 'starting_after=nope']) {
      const reply = await h.call('GET', `${endpoint.path}?${query}`);
      expect([reply.status, reply.error]).toEqual([422, 'validation_failed']);
      expect(JSON.stringify(reply.body)).toContain(query.split('=')[0]);
    }
  });

  test('an unknown record id is 404', async () => {
    const get = endpointsOf('get')[0]!;
    const reply = await h.call('GET', get.path.replace('{id}', 'nope_1'));
    expect([reply.status, reply.error]).toEqual([404, 'not_found']);
  });
});

test('stats count the records of the environment and this key’s requests today (huechat)', async () => {
  const h = await startHarness('huechat');
  try {
    await h.call('POST', '/contacts', { body: { name: 'New contact' } });
    const stats = await h.call('GET', '/admin/analytics');
    expect(stats.body).toEqual({
      counts: { contacts: 4, conversations: 2, messages: 2, channels: 2, webhooks: 1, users: 2 },
      requests_today: 2,
    });
  } finally {
    h.close();
  }
});

test('a message created with a test key is simulated, never sent (huechat)', async () => {
  const h = await startHarness('huechat');
  try {
    const reply = await h.call('POST', '/messages', { body: { conversation_id: 'cv_seed_1', text: 'Hello' } });
    expect(reply.body).toMatchObject({ status: 'simulated', direction: 'outbound', text: 'Hello' });
  } finally {
    h.close();
  }
});

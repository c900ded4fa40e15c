/**
 * Two tabs, one saved sandbox: each tab saves inside a lock and merges its changes into what the
 * other saved, so nothing either tab did is lost — keys, usage, renames, records, settings.
 */
import { getResponse } from 'msw';
import { describe, expect, test } from 'vitest';
import { loadModel } from '../../../src/api/index.ts';
import { mergeStates } from '../../../mocks/merge-state.ts';
import { createSandbox, type Sandbox } from '../../../mocks/sandbox.ts';
import { localStorageStorage, storageKey, type Locks } from '../../../mocks/storage.ts';
import { authHeader } from './harness.ts';

const model = loadModel('huechat');
const key = storageKey(model.product.id);
const testBase = model.environments.find((e) => e.id === 'test')!.baseUrl;

/** localStorage of one origin: a write fires `storage` in every other tab, a moment later. */
function origin() {
  const items = new Map<string, string>();
  const tabs: EventTarget[] = [];
  const storage = (tab: EventTarget, stale: { first: boolean }) =>
    ({
      getItem: (name: string) => {
        const seen = stale.first ? null : (items.get(name) ?? null);
        stale.first = false;
        return seen;
      },
      setItem: (name: string, value: string) => {
        items.set(name, value);
        lastWrite = Date.now();
        for (const other of tabs)
          if (other !== tab) setTimeout(() => other.dispatchEvent(Object.assign(new Event('storage'), { key: name })));
      },
      removeItem: (name: string) => items.delete(name),
    }) as unknown as Storage;
  // Web Locks: one holder at a time, granted in order, never synchronously.
  let queue: Promise<unknown> = Promise.resolve();
  const locks: Locks = {
    request: (_name, callback) => (queue = queue.then(() => new Promise((done) => setTimeout(() => done(callback()))))),
  };
  return {
    items,
    async tab(withLocks = true, { staleFirstRead = false } = {}): Promise<Sandbox> {
      const events = new EventTarget();
      tabs.push(events);
      const view = storage(events, { first: staleFirstRead });
      return createSandbox({ model, storage: localStorageStorage(key, { storage: view, events, locks: withLocks ? locks : null }) });
    },
  };
}

async function call(sandbox: Sandbox, secret: string, method: string, path: string, body?: unknown) {
  const request = new Request(`${testBase}${path}`, {
    method,
    headers: { ...authHeader(model, secret), 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const response = (await getResponse(sandbox.handlers, request))!;
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** When any tab last wrote the origin's storage. */
let lastWrite = 0;

/**
 * Lets every pending save (100 ms after a change), lock and `storage` event run: waits until no
 * tab has written for 300 ms, however slowly a loaded machine runs the timers.
 */
async function settle(): Promise<void> {
  const quiet = 300;
  const started = Date.now();
  do await new Promise((resolve) => setTimeout(resolve, quiet));
  while (Date.now() - lastWrite < quiet && Date.now() - started < 10_000);
}

/** A site whose first tab started the sandbox and saved it, and a second tab opened after. */
async function twoTabs(withLocks = true) {
  const site = origin();
  const a = await site.tab(withLocks);
  const owner = a.ownerKey!;
  a.flush();
  await settle();
  const b = await site.tab(withLocks);
  return { site, a, b, owner };
}

describe.each([
  ['with Web Locks', true],
  ['without Web Locks', false],
])('two tabs creating keys at once (%s)', (_name, withLocks) => {
  test('keep all 40 keys, and the owner key’s usage counts all 40 requests', async () => {
    const { site, a, b, owner } = await twoTabs(withLocks);
    expect(b.ownerKey).toBeNull();
    a.settings.update({ rateLimitTier: 'enterprise' });
    await settle();

    const made: string[] = [];
    const create = async (tab: Sandbox, name: string) => {
      const created = await call(tab, owner, 'POST', model.management.keysPath, { name });
      expect(created.status).toBe(201);
      made.push(created.body['id'] as string);
    };
    // Interleaved: each tab saves while the other has unsaved keys of its own.
    for (let i = 0; i < 20; i++) {
      await Promise.all([create(a, `a ${i}`), create(b, `b ${i}`)]);
      if (i % 3 === 0) await new Promise((resolve) => setTimeout(resolve, 110));
    }
    await settle();
    a.dispose();
    b.dispose();
    await settle();

    const later = await site.tab(withLocks);
    const ids = later.state().account.keys.map((k) => k.id);
    expect(ids).toHaveLength(41);
    expect(ids).toEqual(expect.arrayContaining(made));
    const ownerId = ids[0]!;
    expect(later.state().account.usage[ownerId]!.total.requests).toBe(40);
    // Both tabs end up showing every key too.
    expect(a.state().account.keys).toHaveLength(41);
    expect(b.state().account.keys).toHaveLength(41);
  });
});

test('a rename in one tab, a deleted record and a setting in the other all survive', async () => {
  const { site, a, b, owner } = await twoTabs();

  const ownerId = a.state().account.keys[0]!.id;
  expect((await call(a, owner, 'PATCH', `${model.management.keysPath}/${ownerId}`, { name: 'Renamed in A' })).status).toBe(200);
  const contact = b.state().data.test['contacts']![0]!.id;
  expect((await call(b, owner, 'DELETE', `/contacts/${contact}`)).status).toBe(200);
  b.settings.update({ propagationDelaySeconds: 0 });
  await settle();

  for (const tab of [a, b, await site.tab()]) {
    const state = tab.state();
    expect(state.account.keys[0]!.name).toBe('Renamed in A');
    expect(state.data.test['contacts']!.some((r) => r.id === contact)).toBe(false);
    expect(state.settings.propagationDelaySeconds).toBe(0);
    expect(state.account.usage[ownerId]!.total.requests).toBe(2);
  }
});

test('two tabs that start a new sandbox at once both keep their owner key', async () => {
  const site = origin();
  // The second tab read the storage before the first one's write reached it (another process).
  const [a, b] = await Promise.all([site.tab(), site.tab(true, { staleFirstRead: true })]);
  expect(a.ownerKey).not.toBeNull();
  expect(b.ownerKey).not.toBeNull();
  await settle();
  const later = await site.tab();
  for (const secret of [a.ownerKey!, b.ownerKey!]) expect((await call(later, secret, 'GET', model.management.whoamiPath)).status).toBe(200);
});

test('a reset in one tab wins over the other tab’s unsaved changes', async () => {
  const { site, a, b, owner } = await twoTabs();
  await call(b, owner, 'POST', model.management.keysPath, { name: 'before the reset' });
  const before = JSON.parse(site.items.get(key)!);
  const newOwner = await a.reset();
  const merged = mergeStates(before, b.state(), a.state());
  expect(merged.account.keys.map((k) => k.id)).toEqual(a.state().account.keys.map((k) => k.id));
  await settle();
  expect((await call(b, newOwner, 'GET', model.management.whoamiPath)).status).toBe(200);
  expect(b.state().account.keys).toHaveLength(1);
});

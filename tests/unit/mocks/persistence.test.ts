import { describe, expect, test } from 'vitest';
import { loadModel } from '../../../src/api/index.ts';
import { createSandbox } from '../../../mocks/sandbox.ts';
import { SCHEMA_VERSION } from '../../../mocks/state.ts';
import { localStorageStorage, memoryStorage, storageKey, type StateStorage } from '../../../mocks/storage.ts';
import { startHarness } from './harness.ts';

const model = loadModel('huechat');

/** A sandbox's saved text after one key and one contact were created. */
async function savedWithActivity(storage: StateStorage) {
  const h = await startHarness('huechat', { storage });
  const key = await h.createKey({ name: 'Kept' });
  await h.call('POST', '/contacts', { body: { name: 'Kept contact' } });
  h.close();
  return key;
}

describe('saved state', () => {
  test('is read back on the next start: keys keep working and no owner key is handed out again', async () => {
    const storage = memoryStorage();
    const key = await savedWithActivity(storage);
    const h = await startHarness('huechat', { storage });
    try {
      expect(h.sandbox.ownerKey).toBeNull();
      expect(h.sandbox.recoveryMessage).toBeNull();
      expect((await h.call('GET', '/me', { key: key.secret })).body.name).toBe('Kept');
      const contacts = await h.call('GET', '/contacts', { key: key.secret });
      expect(contacts.body.data.at(-1).name).toBe('Kept contact');
    } finally {
      h.close();
    }
  });

  test('never contains a key’s plaintext', async () => {
    const storage = memoryStorage();
    const key = await savedWithActivity(storage);
    expect(storage.load()).not.toContain(key.secret);
  });

  test('that is not JSON is replaced by a fresh sandbox, with a message and a new owner key', async () => {
    const sandbox = await createSandbox({ model, storage: memoryStorage('{"schemaVersion": 1, "keys": [') });
    expect(sandbox.recoveryMessage).toMatchInlineSnapshot(
      `"The stored sandbox state could not be read (it is not valid JSON), so a fresh sandbox was started with a new owner key."`,
    );
    expect(sandbox.ownerKey).toMatch(/^sk_test_/);
  });

  test('from an older schema version is reset, saying so', async () => {
    const old = JSON.stringify({ schemaVersion: SCHEMA_VERSION - 1, keys: [] });
    const storage = memoryStorage(old);
    const sandbox = await createSandbox({ model, storage });
    expect(sandbox.recoveryMessage).toMatchInlineSnapshot(
      `"The stored sandbox state was saved by an older version of the sandbox (schema 0; this one reads 1), so a fresh sandbox was started with a new owner key."`,
    );
    expect(sandbox.ownerKey).not.toBeNull();
    expect(JSON.parse(storage.load()!).schemaVersion).toBe(SCHEMA_VERSION);
  });

  test('of another API is not read as this one’s', async () => {
    const other = await createSandbox({ model: loadModel('aloochat') });
    other.flush();
    const storage = memoryStorage(JSON.stringify(other.state()));
    const sandbox = await createSandbox({ model, storage });
    expect(sandbox.recoveryMessage).toContain('belongs to another API (aloochat)');
  });

  test('with one damaged section keeps the rest and says what was reset', async () => {
    const storage = memoryStorage();
    const key = await savedWithActivity(storage);
    const saved = JSON.parse(storage.load()!);
    saved.data.test.contacts[0].phone = 12345;
    saved.settings.rateLimitMode = 'turbo';
    storage.save(JSON.stringify(saved));
    const h = await startHarness('huechat', { storage });
    try {
      expect(h.sandbox.recoveryMessage).toMatchInlineSnapshot(
        `"Part of the stored sandbox state was damaged and has been reset (settings; sample data); the rest was kept."`,
      );
      expect(h.sandbox.ownerKey).toBeNull();
      expect((await h.call('GET', '/me', { key: key.secret })).status).toBe(200);
      const contacts = await h.call('GET', '/contacts', { key: key.secret });
      expect(contacts.body.data).toHaveLength(model.collections.find((c) => c.id === 'contacts')!.seed.length);
    } finally {
      h.close();
    }
  });

  test('with damaged keys gets a new owner key, since the old ones cannot be trusted', async () => {
    const storage = memoryStorage();
    await savedWithActivity(storage);
    const saved = JSON.parse(storage.load()!);
    saved.account.keys[0].hash = 'not-a-hash';
    storage.save(JSON.stringify(saved));
    const sandbox = await createSandbox({ model, storage });
    expect(sandbox.recoveryMessage).toContain('keys, usage and audit events');
    expect(sandbox.ownerKey).not.toBeNull();
  });
});

test('reset starts over: old keys and records are gone, a new owner key works', async () => {
  const storage = memoryStorage();
  const h = await startHarness('huechat', { storage });
  try {
    const created = await h.call('POST', '/contacts', { body: { name: 'Temporary' } });
    const newOwner = await h.sandbox.reset();
    expect((await h.call('GET', '/me')).error).toBe('invalid_api_key');
    expect((await h.call('GET', `/contacts/${created.body.id}`, { key: newOwner })).error).toBe('not_found');
    expect((await h.call('GET', '/me', { key: newOwner })).body.name).toBe('Sandbox owner');
    expect(storage.load()).toContain(h.sandbox.state().account.keys[0]!.hash);
  } finally {
    h.close();
  }
});

test('tabs sharing localStorage see each other’s changes', async () => {
  const entries = new Map<string, string>();
  const fakeStorage = {
    getItem: (k: string) => entries.get(k) ?? null,
    setItem: (k: string, v: string) => void entries.set(k, v),
  } as Storage;
  const key = storageKey(model.product.id);
  const tabA = new EventTarget();
  const tabB = new EventTarget();
  const a = await createSandbox({ model, storage: localStorageStorage(key, { storage: fakeStorage, events: tabA }) });
  const b = await createSandbox({ model, storage: localStorageStorage(key, { storage: fakeStorage, events: tabB }) });
  expect(b.ownerKey).toBeNull();
  expect(b.state().account.keys[0]!.id).toBe(a.state().account.keys[0]!.id);

  let notified = 0;
  b.subscribe(() => notified++);
  a.settings.update({ rateLimitMode: 'demo' });
  a.flush();
  // The browser fires `storage` in every other tab of the origin after a write.
  tabB.dispatchEvent(Object.assign(new Event('storage'), { key }));
  expect(b.settings.get().rateLimitMode).toBe('demo');
  expect(notified).toBe(1);
  a.dispose();
  b.dispose();
});

test('fast-forwarding the sandbox clock expires keys, and the offset is saved', async () => {
  const storage = memoryStorage();
  const h = await startHarness('huechat', { storage });
  try {
    const key = await h.createKey({ name: 'Month', expires_in_days: 30 });
    h.sandbox.time.advance(30 * 86_400_000);
    expect((await h.call('GET', '/me', { key: key.secret })).error).toBe('expired_api_key');
    h.sandbox.flush();
    expect(JSON.parse(storage.load()!).clockOffsetMs).toBe(30 * 86_400_000);
  } finally {
    h.close();
  }
});

describe('settings', () => {
  test('refuse values that do not fit the preset, saying what to use', async () => {
    const sandbox = await createSandbox({ model });
    expect(() => sandbox.settings.update({ rateLimitTier: 'gold' })).toThrowErrorMatchingInlineSnapshot(
      `[Error: Sandbox settings: \`rateLimitTier\` must be one of starter, business, enterprise, or null for the sandbox's own tier.]`,
    );
    expect(() => sandbox.settings.update({ clientIp: 'localhost' })).toThrowErrorMatchingInlineSnapshot(
      `[Error: Sandbox setting \`clientIp\`: Use an IPv4 or IPv6 address, e.g. "203.0.113.10".]`,
    );
    expect(() => sandbox.settings.update({ accountRole: 'admin' })).toThrowErrorMatchingInlineSnapshot(
      `[Error: Sandbox settings: \`accountRole\` applies only to APIs whose keys act with the account’s role; keys of this API carry their own scopes.]`,
    );
    expect(sandbox.settings.get()).toEqual({
      rateLimitMode: 'tier',
      rateLimitTier: null,
      propagationDelaySeconds: 0,
      clientIp: '203.0.113.10',
      accountRole: null,
    });
  });
});

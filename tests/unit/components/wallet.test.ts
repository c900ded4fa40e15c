import { describe, expect, it } from 'vitest';
import {
  createWallet,
  managementKeys,
  parseWallet,
  readWallet,
  serializeWallet,
  walletStorageKey,
  type WalletKey,
} from '../../../src/components/wallet/wallet.ts';
import { MemoryStorage } from './memory-storage.ts';

const key = (overrides: Partial<WalletKey> = {}): WalletKey => ({
  id: 'key_1',
  name: 'CI',
  secret: 'sk_test_secret',
  environment: 'test',
  scopes: ['full_access'],
  createdAt: '2026-11-02T09:30:00.000Z',
  expiresAt: null,
  status: 'active',
  replacedBy: null,
  owner: false,
  ...overrides,
});

/** Another tab writing the same entry: the browser fires `storage` in this one. */
function writeFromOtherTab(storage: Storage, events: EventTarget, text: string | null, changedKey: string | null) {
  if (text === null) storage.clear();
  else storage.setItem(walletStorageKey('huechat'), text);
  events.dispatchEvent(Object.assign(new Event('storage'), { key: changedKey }));
}

describe('the wallet', () => {
  it('keeps keys newest first, versioned, under keyport:wallet:<product id>', () => {
    const storage = new MemoryStorage();
    const wallet = createWallet('huechat', { storage, events: new EventTarget() });
    wallet.add(key({ id: 'key_1' }));
    wallet.add(key({ id: 'key_2', name: 'Second' }));
    expect(wallet.keys().map((k) => k.id)).toEqual(['key_2', 'key_1']);
    expect(JSON.parse(storage.getItem('keyport:wallet:huechat')!)).toMatchObject({ version: 1, keys: [{ id: 'key_2' }, { id: 'key_1' }] });
  });

  it('survives a reload: a new wallet reads what the last one saved', () => {
    const storage = new MemoryStorage();
    createWallet('huechat', { storage, events: null }).add(key());
    expect(createWallet('huechat', { storage, events: null }).keys()).toEqual([key()]);
  });

  it('tells subscribers about its own changes and about other tabs’ changes, and clears in one call', () => {
    const storage = new MemoryStorage();
    const events = new EventTarget();
    const wallet = createWallet('huechat', { storage, events });
    let calls = 0;
    wallet.subscribe(() => calls++);
    wallet.add(key());
    expect(calls).toBe(1);
    writeFromOtherTab(storage, events, serializeWallet([key(), key({ id: 'key_9' })]), walletStorageKey('huechat'));
    expect(calls).toBe(2);
    expect(wallet.keys()).toHaveLength(2);
    writeFromOtherTab(storage, events, null, null);
    expect(wallet.keys()).toEqual([]);
    wallet.add(key());
    wallet.clear();
    expect(wallet.keys()).toEqual([]);
  });

  it('ignores other entries of localStorage and keeps the same array until something changes', () => {
    const storage = new MemoryStorage();
    const events = new EventTarget();
    const wallet = createWallet('huechat', { storage, events });
    wallet.add(key());
    const before = wallet.keys();
    let calls = 0;
    wallet.subscribe(() => calls++);
    events.dispatchEvent(Object.assign(new Event('storage'), { key: 'starlight-synced-tabs__lang' }));
    expect(calls).toBe(0);
    expect(wallet.keys()).toBe(before);
  });

  it('reads damaged, foreign or other-version text as an empty wallet, and drops malformed entries', () => {
    expect(parseWallet('{not json')).toEqual([]);
    expect(parseWallet(JSON.stringify({ version: 2, keys: [key()] }))).toEqual([]);
    expect(
      parseWallet(JSON.stringify({ version: 1, keys: [key(), { id: 3 }, null, { ...key({ id: 'key_x' }), environment: 'prod' }] })),
    ).toEqual([key()]);
  });

  it('says when the saved wallet could not be read, and keeps that text aside before saving over it', () => {
    const storage = new MemoryStorage();
    storage.setItem(walletStorageKey('huechat'), '{"version": 1, "keys": [tr');
    const wallet = createWallet('huechat', { storage, events: null });
    expect(wallet.keys()).toEqual([]);
    expect(wallet.problem()).toMatch(/could not be read \(it is not valid JSON\)/);
    wallet.add(key());
    expect(storage.getItem(`${walletStorageKey('huechat')}:unreadable`)).toBe('{"version": 1, "keys": [tr');
    expect(wallet.keys()).toEqual([key()]);
    expect(wallet.problem()).toBeNull();
    expect(readWallet(JSON.stringify({ version: 1, keys: [key(), { id: 3 }] })).problem).toBe(
      '1 of the wallet’s 2 saved entries could not be read and is not listed.',
    );
    expect(readWallet(JSON.stringify({ version: 7, keys: [] })).problem).toMatch(/another version/);
  });

  it('keeps working in memory when the browser refuses to store', () => {
    const storage = new MemoryStorage();
    storage.refuse = true;
    const wallet = createWallet('huechat', { storage, events: null });
    wallet.add(key());
    expect(wallet.keys()).toEqual([key()]);
    expect(wallet.persistent()).toBe(false);
  });

  it('takes statuses from a complete listing and marks keys the sandbox no longer has', () => {
    const wallet = createWallet('huechat', { storage: new MemoryStorage(), events: null });
    wallet.add(key({ id: 'key_gone' }));
    wallet.add(key({ id: 'key_1' }));
    wallet.syncFromListing([{ id: 'key_1', name: 'Renamed', status: 'revoked', expires_at: null, replaced_by: null }], true);
    expect(wallet.keys().map((k) => [k.id, k.name, k.status])).toEqual([
      ['key_1', 'Renamed', 'revoked'],
      ['key_gone', 'CI', 'missing'],
    ]);
  });

  it('offers for key management only working keys with the needed scopes, the owner first', () => {
    const keys = [
      key({ id: 'read', scopes: ['contacts:read'] }),
      key({ id: 'revoked', status: 'revoked' }),
      key({ id: 'full' }),
      key({ id: 'owner', owner: true }),
    ];
    expect(managementKeys(keys, ['full_access'], 'full_access').map((k) => k.id)).toEqual(['owner', 'full']);
    // Where any key may manage keys (keys that act with the account's role), every working key qualifies.
    expect(managementKeys(keys, [], 'admin').map((k) => k.id)).toEqual(['owner', 'read', 'full']);
  });
});

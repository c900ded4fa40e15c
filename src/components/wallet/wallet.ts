/**
 * The credentials wallet: the plaintext of the sandbox keys this browser created, so every widget
 * can offer "use my key" across pages and reloads. The sandbox itself keeps only hashes (as a real
 * service must); this is the reader's own copy, like a password manager's, in localStorage under
 * `keyport:wallet:<product id>`, versioned. Changes reach the other widgets of the page through
 * `subscribe` and other tabs through the `storage` event.
 *
 * Framework-free, so any widget (React or not) can use it. Secrets never leave this store except
 * to the widget that sends a request or that the reader explicitly asked to show a key: nothing
 * here logs, and nothing puts a key in a URL.
 */
import { persistedText, type PersistedTextOptions } from '../widgets/persisted-store.ts';

export const WALLET_VERSION = 1;

export const walletStorageKey = (productId: string): string => `keyport:wallet:${productId}`;

/** The sandbox's statuses, plus `missing` for a key the sandbox no longer has (e.g. after a reset). */
export type WalletKeyStatus = 'active' | 'inactive' | 'revoked' | 'expired' | 'missing';

export interface WalletKey {
  /** The sandbox's key id (`key_…`): not secret, safe to keep in history and logs. */
  id: string;
  name: string;
  /** The plaintext key. */
  secret: string;
  environment: 'live' | 'test';
  /** The key's own scopes when it was created (empty for keys that act with the account's role). */
  scopes: string[];
  createdAt: string;
  expiresAt: string | null;
  status: WalletKeyStatus;
  /** Id of the key this one was rolled to. */
  replacedBy: string | null;
  /** The sandbox's "Sandbox owner" key, made when the sandbox first started. */
  owner: boolean;
}

/** What the sandbox's key listing says about a key (a subset of the API's `ApiKey`). */
export interface ListedKey {
  id: string;
  name: string;
  status: 'active' | 'inactive' | 'revoked' | 'expired';
  expires_at: string | null;
  replaced_by: string | null;
}

export interface Wallet {
  /** Newest first; the same array until something changes. */
  keys(this: void): readonly WalletKey[];
  /** False when the browser refuses localStorage: the wallet then lasts until the page closes. */
  persistent(): boolean;
  /**
   * Why the saved wallet could not be read, or `null`. Its text is kept aside (under the wallet's
   * key with `:unreadable` after it) before anything is saved over it.
   */
  problem(): string | null;
  /** Called after any change, from this page or another tab. Returns an unsubscribe function. */
  subscribe(this: void, listener: () => void): () => void;
  /** Adds a key, replacing any entry with the same id. */
  add(key: WalletKey): void;
  update(id: string, patch: Partial<Omit<WalletKey, 'id' | 'secret'>>): void;
  remove(id: string): void;
  /** Forgets every key. */
  clear(): void;
  /**
   * Takes names, statuses and expiry from a listing of the sandbox's keys. With `complete` (the
   * listing had every key), keys it lacks are marked `missing`.
   */
  syncFromListing(listed: readonly ListedKey[], complete: boolean): void;
}

const STATUSES: readonly WalletKeyStatus[] = ['active', 'inactive', 'revoked', 'expired', 'missing'];

const isString = (value: unknown): value is string => typeof value === 'string';

/** One stored entry, or `null` when it is not a wallet key (hand-edited or from another version). */
function readKey(value: unknown): WalletKey | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (!isString(v['id']) || !isString(v['name']) || !isString(v['secret']) || !isString(v['createdAt'])) return null;
  if (v['environment'] !== 'live' && v['environment'] !== 'test') return null;
  const scopes = Array.isArray(v['scopes']) ? v['scopes'].filter(isString) : [];
  return {
    id: v['id'],
    name: v['name'],
    secret: v['secret'],
    environment: v['environment'],
    scopes,
    createdAt: v['createdAt'],
    expiresAt: isString(v['expiresAt']) ? v['expiresAt'] : null,
    status: STATUSES.includes(v['status'] as WalletKeyStatus) ? (v['status'] as WalletKeyStatus) : 'active',
    replacedBy: isString(v['replacedBy']) ? v['replacedBy'] : null,
    owner: v['owner'] === true,
  };
}

export interface ParsedWallet {
  keys: WalletKey[];
  /** Why some or all of the saved text could not be read, or `null`. */
  problem: string | null;
}

/** Saved text → keys, and what could not be read: unreadable text or another version give no keys. */
export function readWallet(text: string | null): ParsedWallet {
  if (!text) return { keys: [], problem: null };
  let data: { version?: unknown; keys?: unknown } | null;
  try {
    data = JSON.parse(text) as typeof data;
  } catch {
    return { keys: [], problem: 'The wallet saved in this browser could not be read (it is not valid JSON), so its keys are not listed.' };
  }
  if (data?.version !== WALLET_VERSION || !Array.isArray(data.keys)) {
    return {
      keys: [],
      problem:
        'The wallet saved in this browser is not one this site can read (another version, or edited by hand), so its keys are not listed.',
    };
  }
  const keys = data.keys.map(readKey).filter((key): key is WalletKey => key !== null);
  const skipped = data.keys.length - keys.length;
  if (!skipped) return { keys, problem: null };
  const total = data.keys.length;
  const what =
    total === 1
      ? 'The wallet’s one saved entry could not be read and is'
      : `${skipped} of the wallet’s ${total} saved entries could not be read and ${skipped === 1 ? 'is' : 'are'}`;
  return { keys, problem: `${what} not listed.` };
}

/** Saved text → keys. Unreadable text or another version reads as an empty wallet. */
export const parseWallet = (text: string | null): WalletKey[] => readWallet(text).keys;

export const serializeWallet = (keys: readonly WalletKey[]): string => JSON.stringify({ version: WALLET_VERSION, keys });

/** Where the wallet is kept; by default localStorage (memory only when there is none, e.g. on the server). */
export type WalletOptions = PersistedTextOptions;

export function createWallet(productId: string, options: WalletOptions = {}): Wallet {
  const saved = persistedText(walletStorageKey(productId), options);
  const listeners = new Set<() => void>();
  let text: string | null = null;
  let keys: readonly WalletKey[] = [];
  let problem: string | null = null;
  let loaded = false;

  /** Reads the saved text; true when it changed since the last read. */
  const load = () => {
    const next = saved.read();
    if (loaded && next === text) return false;
    loaded = true;
    text = next;
    ({ keys, problem } = readWallet(next));
    return true;
  };
  const current = () => {
    if (!loaded) load();
    return keys;
  };
  const notify = () => listeners.forEach((listener) => listener());
  const write = (next: WalletKey[]) => {
    if (!loaded) load();
    // What could not be read is kept, not overwritten: the reader may want those keys back.
    if (problem && text !== null) persistedText(`${walletStorageKey(productId)}:unreadable`, options).write(text);
    loaded = true;
    problem = null;
    keys = next;
    text = serializeWallet(next);
    // Refused (quota or privacy settings): the keys stay in memory for this page, and persistent() says so.
    saved.write(text);
    notify();
  };

  saved.watch(() => {
    if (load()) notify();
  });

  return {
    keys: current,
    persistent: () => saved.persistent(),
    problem: () => {
      if (!loaded) load();
      return problem;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    add(key) {
      write([key, ...current().filter((k) => k.id !== key.id)]);
    },
    update(id, patch) {
      const list = current();
      const index = list.findIndex((k) => k.id === id);
      if (index < 0) return;
      const updated = { ...list[index]!, ...patch };
      if (JSON.stringify(updated) === JSON.stringify(list[index])) return;
      write(list.map((k, i) => (i === index ? updated : k)));
    },
    remove(id) {
      const list = current();
      if (list.some((k) => k.id === id)) write(list.filter((k) => k.id !== id));
    },
    clear() {
      write([]);
    },
    syncFromListing(listed, complete) {
      const byId = new Map(listed.map((k) => [k.id, k]));
      const list = current();
      let changed = false;
      const next = list.map((key) => {
        const found = byId.get(key.id);
        const patch: Partial<WalletKey> = found
          ? { name: found.name, status: found.status, expiresAt: found.expires_at, replacedBy: found.replaced_by }
          : complete
            ? { status: 'missing' }
            : {};
        const updated = { ...key, ...patch };
        if (JSON.stringify(updated) !== JSON.stringify(key)) changed = true;
        return updated;
      });
      if (changed) write(next);
    },
  };
}

const wallets = new Map<string, Wallet>();

/** The page's one wallet for a product: every widget shares it, so changes reach them all at once. */
export function getWallet(productId: string): Wallet {
  let wallet = wallets.get(productId);
  if (!wallet) wallets.set(productId, (wallet = createWallet(productId)));
  return wallet;
}

/** Keys that can still authenticate. */
export const isUsable = (key: WalletKey): boolean => key.status === 'active';

/**
 * A key that may manage keys: usable and holding the scopes key management needs (the
 * full-access scope also does). The owner key is preferred: it is the one the sandbox made for this.
 */
export function managementKeys(keys: readonly WalletKey[], needed: readonly string[], fullAccess: string): WalletKey[] {
  const allowed = (key: WalletKey) => key.scopes.includes(fullAccess) || needed.every((scope) => key.scopes.includes(scope));
  return keys.filter((key) => isUsable(key) && allowed(key)).sort((a, b) => Number(b.owner) - Number(a.owner));
}

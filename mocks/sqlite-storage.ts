/**
 * The HTTP sandbox's state in a SQLite database (Node's built-in `node:sqlite`), so a change is
 * committed before the response that caused it is sent, and a write costs what changed rather
 * than the size of everything recorded. Node only; `state-files.ts` decides when it is used.
 *
 * Layout (one row per thing that changes on its own):
 * - `meta`: schema version, product id, settings, clock offset, where the state was imported from;
 * - `keys`: one JSON document per key, in creation order (rowid);
 * - `events`: the audit log, appended;
 * - `usage`: one small document of counters per key (totals, per day, per endpoint — bounded);
 * - `requests`: the recent requests of each key, appended, trimmed to what the API reports;
 * - `rate_windows`: the current window of each key;
 * - `records`: the sample data, one row per record, in creation order.
 *
 * The sandbox keeps working on its state object; `saveState` compares it with what this
 * connection last wrote (cheap checks: counters, ids, object identity for records, which
 * `collections.ts` replaces rather than changes in place) and writes the difference in one
 * transaction. The journal is WAL with `synchronous=NORMAL`: a commit survives the process being
 * killed (the WAL is in the OS's hands once written), and only a power cut or an OS crash could
 * lose the last commits — never corrupt the file. `FULL` would add an fsync to every request.
 */
import type { DatabaseSync } from 'node:sqlite';
import type { SandboxState, StoredKey, StoredRecord } from './state.ts';
import type { StateStorage } from './storage.ts';
import { RECENT_REQUESTS } from './usage.ts';

/** What `import('node:sqlite')` gives; passed in, because Node 20 has no such module. */
export type SqliteModule = typeof import('node:sqlite');

/** Bump when the tables change, and migrate in `openDatabase`. */
const LAYOUT_VERSION = 1;

const TABLES = `
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS keys (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, doc TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS events (seq INTEGER PRIMARY KEY, id TEXT NOT NULL, doc TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS usage (key_id TEXT PRIMARY KEY, requests INTEGER NOT NULL, doc TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS requests (seq INTEGER PRIMARY KEY, key_id TEXT NOT NULL, doc TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS requests_by_key ON requests (key_id, seq);
CREATE TABLE IF NOT EXISTS rate_windows (key_id TEXT PRIMARY KEY, window INTEGER NOT NULL, count INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS records (
  seq INTEGER PRIMARY KEY, environment TEXT NOT NULL, collection TEXT NOT NULL, id TEXT NOT NULL, doc TEXT NOT NULL,
  UNIQUE (environment, collection, id)
);
`;

/** The file is not a database of this program, or SQLite found it damaged. */
export class DamagedDatabaseError extends Error {
  override name = 'DamagedDatabaseError';
}

export interface SqliteStorage extends StateStorage {
  /** Writes what changed since the last load or save, in one transaction. */
  saveState(state: SandboxState): void;
  /** The database has no state yet (new file). */
  isEmpty(): boolean;
  /** A value of the `meta` table, e.g. `imported_sha256`. */
  meta(name: string): string | null;
  setMeta(name: string, value: string): void;
  close(): void;
}

/**
 * Opens (or creates) the database at `path` and checks it. Throws `DamagedDatabaseError` when the
 * file is not a readable database of this layout; the caller decides what to do with the file.
 */
export function sqliteStorage(sqlite: SqliteModule, path: string): SqliteStorage {
  let db: DatabaseSync;
  try {
    db = new sqlite.DatabaseSync(path);
  } catch (error) {
    throw new DamagedDatabaseError(`it cannot be opened (${(error as Error).message})`);
  }
  try {
    const check = db.prepare('PRAGMA quick_check').all() as { quick_check: string }[];
    if (check[0]?.quick_check !== 'ok')
      throw new DamagedDatabaseError(`SQLite found it damaged (${check.map((r) => r.quick_check).join('; ')})`);
    const version = (db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version;
    const tables = (db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number }).n;
    if (version === 0 && tables > 0) throw new DamagedDatabaseError('it is a SQLite database, but not one the sandbox wrote');
    if (version > LAYOUT_VERSION)
      throw new DamagedDatabaseError(
        `it was written by a newer version of the sandbox (layout ${version}; this one reads ${LAYOUT_VERSION})`,
      );
    db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;');
    db.exec(`BEGIN IMMEDIATE; ${TABLES} PRAGMA user_version = ${LAYOUT_VERSION}; COMMIT;`);
  } catch (error) {
    db.close();
    if (error instanceof DamagedDatabaseError) throw error;
    throw new DamagedDatabaseError(`it is not a readable database (${(error as Error).message})`);
  }
  return new Store(db);
}

const key = (...parts: string[]) => parts.join('\u0000');

function sameKey(a: StoredKey, b: StoredKey): boolean {
  for (const field of Object.keys(a) as (keyof StoredKey)[]) {
    const x = a[field];
    const y = b[field];
    if (Array.isArray(x) && Array.isArray(y)) {
      if (x.length !== y.length || x.some((item, i) => item !== y[i])) return false;
    } else if (x !== y) return false;
  }
  return Object.keys(a).length === Object.keys(b).length;
}

class Store implements SqliteStorage {
  // What this connection knows is in the database, to write only the difference.
  private meta_ = new Map<string, string>();
  private keys = new Map<string, StoredKey>();
  private eventCount = 0;
  private lastEventId: string | null = null;
  private usage = new Map<string, number>();
  private windows = new Map<string, { window: number; count: number }>();
  /** By environment and collection, then id: the object last written and its JSON. */
  private records = new Map<string, Map<string, { ref: StoredRecord; json: string }>>();
  private readonly db: DatabaseSync;
  private readonly statements;

  constructor(db: DatabaseSync) {
    this.db = db;
    const prepare = (sql: string) => db.prepare(sql);
    this.statements = {
      setMeta: prepare('INSERT INTO meta (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value'),
      putKey: prepare('INSERT INTO keys (id, doc) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc'),
      deleteKey: prepare('DELETE FROM keys WHERE id = ?'),
      addEvent: prepare('INSERT INTO events (id, doc) VALUES (?, ?)'),
      putUsage: prepare(
        'INSERT INTO usage (key_id, requests, doc) VALUES (?, ?, ?) ON CONFLICT (key_id) DO UPDATE SET requests = excluded.requests, doc = excluded.doc',
      ),
      deleteUsage: prepare('DELETE FROM usage WHERE key_id = ?'),
      addRequest: prepare('INSERT INTO requests (key_id, doc) VALUES (?, ?)'),
      deleteRequests: prepare('DELETE FROM requests WHERE key_id = ?'),
      // Keeps the newest RECENT_REQUESTS of a key; uses the (key_id, seq) index, so it costs the same however long the log got.
      trimRequests: prepare(
        `DELETE FROM requests WHERE key_id = ?1 AND seq <= (SELECT seq FROM requests WHERE key_id = ?1 ORDER BY seq DESC LIMIT 1 OFFSET ${RECENT_REQUESTS})`,
      ),
      putWindow: prepare(
        'INSERT INTO rate_windows (key_id, window, count) VALUES (?, ?, ?) ON CONFLICT (key_id) DO UPDATE SET window = excluded.window, count = excluded.count',
      ),
      deleteWindow: prepare('DELETE FROM rate_windows WHERE key_id = ?'),
      putRecord: prepare(
        'INSERT INTO records (environment, collection, id, doc) VALUES (?, ?, ?, ?) ON CONFLICT (environment, collection, id) DO UPDATE SET doc = excluded.doc',
      ),
      deleteRecord: prepare('DELETE FROM records WHERE environment = ? AND collection = ? AND id = ?'),
    };
  }

  isEmpty(): boolean {
    return this.db.prepare("SELECT 1 FROM meta WHERE name = 'productId'").get() === undefined;
  }

  meta(name: string): string | null {
    const row = this.db.prepare('SELECT value FROM meta WHERE name = ?').get(name) as { value: string } | undefined;
    return row?.value ?? null;
  }

  setMeta(name: string, value: string): void {
    this.statements.setMeta.run(name, value);
  }

  /** The state as the text `restoreState` reads, or `null` for a new database. Throws `DamagedDatabaseError` on a row that is not JSON. */
  load(): string | null {
    const { db } = this;
    const rows = <T>(sql: string) => db.prepare(sql).all() as T[];
    const parse = (text: string, what: string): unknown => {
      try {
        return JSON.parse(text);
      } catch {
        throw new DamagedDatabaseError(`a row of ${what} is not readable`);
      }
    };
    const meta = new Map(rows<{ name: string; value: string }>('SELECT name, value FROM meta').map((r) => [r.name, r.value]));
    if (!meta.has('productId')) return null;
    this.meta_ = new Map([...meta].filter(([name]) => ['schemaVersion', 'productId', 'settings', 'clockOffsetMs'].includes(name)));

    const keys = rows<{ id: string; doc: string }>('SELECT id, doc FROM keys ORDER BY seq').map((r) => parse(r.doc, 'keys') as StoredKey);
    this.keys = new Map(keys.map((k) => [k.id, structuredClone(k)]));
    const events = rows<{ id: string; doc: string }>('SELECT id, doc FROM events ORDER BY seq').map((r) => parse(r.doc, 'events'));
    this.eventCount = events.length;
    this.lastEventId = (events.at(-1) as { id?: string } | undefined)?.id ?? null;

    const usage: Record<string, Record<string, unknown>> = {};
    this.usage.clear();
    for (const row of rows<{ key_id: string; requests: number; doc: string }>('SELECT key_id, requests, doc FROM usage')) {
      usage[row.key_id] = { ...(parse(row.doc, 'usage') as object), recent: [] };
      this.usage.set(row.key_id, row.requests);
    }
    for (const row of rows<{ key_id: string; doc: string }>('SELECT key_id, doc FROM requests ORDER BY seq DESC')) {
      const recent = usage[row.key_id]?.['recent'] as unknown[] | undefined;
      if (recent && recent.length < RECENT_REQUESTS) recent.push(parse(row.doc, 'requests'));
    }

    const rateWindows: Record<string, { window: number; count: number }> = {};
    for (const row of rows<{ key_id: string; window: number; count: number }>('SELECT key_id, window, count FROM rate_windows')) {
      rateWindows[row.key_id] = { window: row.window, count: row.count };
    }
    this.windows = new Map(Object.entries(rateWindows).map(([id, w]) => [id, { ...w }]));

    const data: Record<string, Record<string, unknown[]>> = { live: {}, test: {} };
    this.records.clear();
    for (const row of rows<{ environment: string; collection: string; id: string; doc: string }>(
      'SELECT environment, collection, id, doc FROM records ORDER BY seq',
    )) {
      const record = parse(row.doc, 'records') as StoredRecord;
      ((data[row.environment] ??= {})[row.collection] ??= []).push(record);
      this.recordCache(row.environment, row.collection).set(row.id, { ref: record, json: row.doc });
    }

    return JSON.stringify({
      schemaVersion: parse(meta.get('schemaVersion') ?? 'null', 'meta'),
      productId: meta.get('productId'),
      settings: parse(meta.get('settings') ?? 'null', 'meta'),
      clockOffsetMs: parse(meta.get('clockOffsetMs') ?? 'null', 'meta'),
      account: { keys, events, usage, rateWindows },
      data,
    });
  }

  private recordCache(environment: string, collection: string) {
    const id = key(environment, collection);
    let cache = this.records.get(id);
    if (!cache) this.records.set(id, (cache = new Map<string, { ref: StoredRecord; json: string }>()));
    return cache;
  }

  /** Only `saveState` is used: the sandbox hands over its object, not text. */
  save(text: string): void {
    this.saveState(JSON.parse(text) as SandboxState);
  }

  saveState(state: SandboxState): void {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      this.write(state);
      this.db.exec('COMMIT');
    } catch (error) {
      this.db.exec('ROLLBACK');
      // The caches may hold part of this write: read them back from what is committed.
      this.load();
      throw error;
    }
  }

  private write(state: SandboxState): void {
    const s = this.statements;
    for (const [name, value] of Object.entries({
      schemaVersion: state.schemaVersion,
      productId: state.productId,
      settings: state.settings,
      clockOffsetMs: state.clockOffsetMs,
    })) {
      const text = typeof value === 'string' ? value : JSON.stringify(value);
      if (this.meta_.get(name) === text) continue;
      s.setMeta.run(name, text);
      this.meta_.set(name, text);
    }

    const { keys, events, usage, rateWindows } = state.account;
    const keyIds = new Set<string>();
    for (const k of keys) {
      keyIds.add(k.id);
      const known = this.keys.get(k.id);
      if (known && sameKey(known, k)) continue;
      s.putKey.run(k.id, JSON.stringify(k));
      this.keys.set(k.id, structuredClone(k));
    }
    for (const id of [...this.keys.keys()].filter((id) => !keyIds.has(id))) {
      s.deleteKey.run(id);
      this.keys.delete(id);
    }

    // The audit log only grows; anything else (a reset) rewrites it.
    const appended = events.length >= this.eventCount && (this.eventCount === 0 || events[this.eventCount - 1]?.id === this.lastEventId);
    if (!appended) {
      this.db.exec('DELETE FROM events');
      this.eventCount = 0;
    }
    for (const event of events.slice(this.eventCount)) s.addEvent.run(event.id, JSON.stringify(event));
    this.eventCount = events.length;
    this.lastEventId = events.at(-1)?.id ?? null;

    for (const [keyId, u] of Object.entries(usage)) {
      const known = this.usage.get(keyId);
      if (known === u.total.requests) continue;
      // Requests only add up; fewer than we wrote means the usage was replaced, so write it anew.
      const fresh = known === undefined || u.total.requests < known;
      if (fresh) s.deleteRequests.run(keyId);
      const added = Math.min(u.recent.length, fresh ? u.recent.length : u.total.requests - known);
      for (let i = added - 1; i >= 0; i--) s.addRequest.run(keyId, JSON.stringify(u.recent[i]));
      if (added) s.trimRequests.run(keyId);
      const { recent: _recent, ...counters } = u;
      s.putUsage.run(keyId, u.total.requests, JSON.stringify(counters));
      this.usage.set(keyId, u.total.requests);
    }
    for (const keyId of [...this.usage.keys()].filter((id) => !(id in usage))) {
      s.deleteUsage.run(keyId);
      s.deleteRequests.run(keyId);
      this.usage.delete(keyId);
    }

    for (const [keyId, w] of Object.entries(rateWindows)) {
      const known = this.windows.get(keyId);
      if (known?.window === w.window && known.count === w.count) continue;
      s.putWindow.run(keyId, w.window, w.count);
      this.windows.set(keyId, { ...w });
    }
    for (const keyId of [...this.windows.keys()].filter((id) => !(id in rateWindows))) {
      s.deleteWindow.run(keyId);
      this.windows.delete(keyId);
    }

    const seen = new Set<string>();
    for (const environment of ['live', 'test'] as const) {
      for (const [collection, records] of Object.entries(state.data[environment])) {
        seen.add(key(environment, collection));
        const cache = this.recordCache(environment, collection);
        // Rows keep their creation order (rowid); a new record before a known one (a reset that
        // brings back a deleted seed record) would be read back out of place, so write them all anew.
        const firstNew = records.findIndex((r) => !cache.has(r.id));
        if (firstNew !== -1 && records.slice(firstNew).some((r) => cache.has(r.id))) {
          for (const id of cache.keys()) s.deleteRecord.run(environment, collection, id);
          cache.clear();
        }
        const ids = new Set<string>();
        for (const record of records) {
          ids.add(record.id);
          const known = cache.get(record.id);
          if (known?.ref === record) continue;
          const json = JSON.stringify(record);
          if (known?.json !== json) s.putRecord.run(environment, collection, record.id, json);
          cache.set(record.id, { ref: record, json });
        }
        for (const id of [...cache.keys()].filter((id) => !ids.has(id))) {
          s.deleteRecord.run(environment, collection, id);
          cache.delete(id);
        }
      }
    }
    for (const [id, cache] of this.records) {
      if (seen.has(id)) continue;
      const [environment, collection] = id.split('\u0000') as [string, string];
      for (const recordId of cache.keys()) s.deleteRecord.run(environment, collection, recordId);
      this.records.delete(id);
    }
  }

  close(): void {
    if (this.db.isOpen) this.db.close();
  }
}

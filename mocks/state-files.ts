/**
 * Which file keeps the HTTP sandbox's state, and how it is opened. Node only.
 *
 * - `--state keys.json` / `SANDBOX_STATE=keys.json`: the state lives in the database
 *   `keys.json.sqlite` next to it. The JSON file (the key manager's export, or a file an earlier
 *   version of the sandbox saved) is imported once, when that database does not exist yet, and is
 *   never written again.
 * - `--state x.sqlite` (or `.sqlite3`, `.db`): that database, used directly.
 * - A damaged database is reported, renamed `<file>.damaged-<time>` and replaced by a new one
 *   (imported again from the JSON file when there is one); it is never silently overwritten.
 * - Node without `node:sqlite` (before 22.13): the JSON file itself, saved shortly after changes,
 *   as before, with a one-line notice.
 * Leftover `<file>.<pid>.tmp` files of the JSON writer are removed when their process is gone.
 */
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, readdirSync, readFileSync, renameSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileStorage, stateFileProblem } from './file-storage.ts';
import { DamagedDatabaseError, sqliteStorage, type SqliteModule, type SqliteStorage } from './sqlite-storage.ts';
import { savedStateProblem } from './state.ts';
import type { StateStorage } from './storage.ts';

export interface StateSource {
  path: string;
  /** `--state` must name existing state; `SANDBOX_STATE` may name a new file. */
  from: 'flag' | 'env';
}

const DATABASE = /\.(sqlite3?|db)$/i;

/** The database that keeps the state named by `path`, and the JSON file imported into it, if any. */
export function stateLocation(path: string): { database: string; json: string | null } {
  return DATABASE.test(path) ? { database: path, json: null } : { database: `${path}.sqlite`, json: path };
}

/**
 * `node:sqlite`, or `null` on a Node that lacks it (20, or 22 before 22.13 without a flag).
 * Node prints an ExperimentalWarning with a hint about `--trace-warnings` when the module loads;
 * that is noise for a reader running a sandbox, so it is left out, and only that one warning.
 */
export async function loadSqlite(): Promise<SqliteModule | null> {
  const emitWarning = process.emitWarning.bind(process);
  process.emitWarning = function (this: unknown, warning: string | Error, ...rest: unknown[]) {
    const text = typeof warning === 'string' ? warning : warning.message;
    if (/sqlite/i.test(text) && (rest[0] === 'ExperimentalWarning' || (rest[0] as { type?: string })?.type === 'ExperimentalWarning'))
      return;
    return (emitWarning as (...args: unknown[]) => void)(warning, ...rest);
  };
  try {
    return await import('node:sqlite');
  } catch {
    return null;
  } finally {
    process.emitWarning = emitWarning;
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Removes `<path>.<pid>.tmp` files the JSON writer left when its process was killed mid-save
 * (up to the size of the state each). A file of a process still running is left alone.
 * Returns the removed files.
 */
export function removeLeftoverTemporaryFiles(path: string): string[] {
  const dir = dirname(path);
  const prefix = `${basename(path)}.`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = /^(\d+)\.tmp$/.exec(name.slice(prefix.length))?.[1];
    if (pid === undefined || Number(pid) === process.pid || alive(Number(pid))) continue;
    try {
      unlinkSync(join(dir, name));
      removed.push(join(dir, name));
    } catch {
      // Gone already, or not ours to remove: nothing to clean.
    }
  }
  return removed;
}

const stamp = (date: Date) =>
  date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');

/** Renames a damaged database (and its WAL and shared-memory files, which belong to it) out of the way. */
export function keepAside(database: string, now = new Date()): string {
  const aside = `${database}.damaged-${stamp(now)}`;
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(database + suffix)) renameSync(database + suffix, aside + suffix);
  }
  renameSync(database, aside);
  return aside;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export type OpenedState =
  | {
      ok: true;
      storage: StateStorage;
      /** The file that keeps the state from now on. */
      file: string;
      /** One line each: a notice about the files, for the reader. */
      notices: string[];
      /** Whether changes are committed before each answer (the database) or saved shortly after (JSON). */
      durable: boolean;
    }
  | { ok: false; message: string };

export interface OpenOptions {
  /** `node:sqlite`, or `null` to use the JSON file. @default loadSqlite() */
  sqlite?: SqliteModule | null;
  now?: () => Date;
}

/** Opens the state named on the command line; a problem comes back as a message, never thrown. */
export async function openStateStorage(source: StateSource, productId: string, options: OpenOptions = {}): Promise<OpenedState> {
  const notices: string[] = [];
  const { database, json } = stateLocation(source.path);
  if (json) {
    const removed = removeLeftoverTemporaryFiles(json);
    if (removed.length)
      notices.push(
        `Removed ${removed.length} leftover temporary file${removed.length === 1 ? '' : 's'} of an interrupted save (${basename(removed[0]!)}${removed.length > 1 ? ', …' : ''}).`,
      );
  }
  const sqlite = options.sqlite === undefined ? await loadSqlite() : options.sqlite;

  if (!sqlite) {
    if (!json)
      return {
        ok: false,
        message: `${source.path} is a SQLite database, which needs Node.js 22.13 or later (this is ${process.version}). Use a newer Node, or a JSON file.`,
      };
    if (source.from === 'flag') {
      const problem = stateFileProblem(json, productId);
      if (problem) return { ok: false, message: problem };
    }
    notices.push(
      `Node.js ${process.version} has no built-in SQLite: the state is saved to ${json} shortly after each change. Node.js 22.13+ keeps state durably.`,
    );
    return { ok: true, storage: fileStorage(json), file: json, notices, durable: false };
  }

  if (source.from === 'flag' && !existsSync(database)) {
    if (!json)
      return {
        ok: false,
        message: `There is no file ${database}. Name a database an earlier run created, or leave out --state to start a new sandbox.`,
      };
    const problem = stateFileProblem(json, productId);
    if (problem) return { ok: false, message: problem };
  }

  let store: SqliteStorage;
  let text: string | null;
  const created = !existsSync(database);
  try {
    store = sqliteStorage(sqlite, database);
    // Like the JSON file before it: key hashes and usage are for this user only.
    if (created) chmodSync(database, 0o600);
    try {
      text = store.load();
    } catch (error) {
      store.close();
      throw error;
    }
  } catch (error) {
    if (!(error instanceof DamagedDatabaseError)) return { ok: false, message: `Cannot open ${database}: ${(error as Error).message}` };
    const aside = keepAside(database, options.now?.());
    const again = json && existsSync(json) ? `, and ${basename(json)} is imported again` : ', and a new sandbox is started';
    notices.push(`The state database ${database} is damaged: ${error.message}. It was kept as ${aside}${again}.`);
    store = sqliteStorage(sqlite, database);
    text = null;
  }

  if (text !== null && source.from === 'flag') {
    const problem = savedStateProblem(text, productId);
    if (problem) {
      store.close();
      return {
        ok: false,
        message: `The state database ${database} ${problem}, so it cannot be loaded; it was left as it is. Leave out --state to start a new sandbox.`,
      };
    }
  }

  let importing: { text: string; hash: string } | null = null;
  if (json && existsSync(json)) {
    const jsonText = readFileSync(json, 'utf8');
    const hash = sha256(jsonText);
    if (text === null) {
      importing = { text: jsonText, hash };
      notices.push(`Imported ${json} into ${database}; the state is kept there from now on (${basename(json)} is left as it is).`);
    } else if (store.meta('imported_sha256') !== hash) {
      notices.push(
        `${json} is not what was imported into ${database}; the sandbox keeps using ${basename(database)}. Delete ${basename(database)} to import ${basename(json)} again.`,
      );
    }
  }
  return { ok: true, storage: databaseStorage(store, text, importing, json), file: database, notices, durable: true };
}

/** The store as the sandbox sees it: the text loaded above is handed over once, and an import is recorded when saved. */
function databaseStorage(
  store: SqliteStorage,
  loaded: string | null,
  importing: { text: string; hash: string } | null,
  json: string | null,
): StateStorage {
  let first: string | null | undefined = importing ? importing.text : loaded;
  return {
    immediate: true,
    importing: importing !== null,
    load: () => {
      const text = first !== undefined ? first : store.load();
      first = undefined;
      return text;
    },
    save: (text) => store.save(text),
    saveState: (state) => {
      store.saveState(state);
      if (importing && json) {
        store.setMeta('imported_from', json);
        store.setMeta('imported_sha256', importing.hash);
        importing = null;
      }
    },
    close: () => store.close(),
  };
}

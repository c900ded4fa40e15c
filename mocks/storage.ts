/**
 * Where the serialised state is kept: in memory (Node tests, the HTTP server by default) or in
 * localStorage (the browser, one entry per product so presets never mix; tabs save one at a time
 * and merge, see `merge-state.ts`). The HTTP server's files (`state-files.ts`) live away from
 * browser code.
 */
import type { SandboxState } from './state.ts';

export interface StateStorage {
  /** The saved text, or `null` when nothing was saved yet. */
  load(): string | null;
  save(text: string): void;
  /** Saves the state object itself, writing only what changed (`sqlite-storage.ts`); used instead of `save`. */
  saveState?(state: SandboxState): void;
  /**
   * Save every change at once, so it is committed before the response that made it is sent,
   * instead of 100 ms after the first change of a burst. For storage whose writes cost what
   * changed, not the size of the state. @default false
   */
  readonly immediate?: boolean;
  /** `load()` returned text from somewhere else (a JSON file being imported): save it here at once. */
  readonly importing?: boolean;
  /** Releases the storage (closes the database); called by the sandbox's `dispose`. */
  close?(): void;
  /**
   * Saves what `apply` makes of the latest saved text, with no other tab saving in between (Web
   * Locks where the browser has them), so a tab merges its changes instead of writing over
   * another tab's. Used instead of `save`; finishes later unless `now`, which reads and writes
   * at once without the lock (for a page that is going away).
   */
  update?(apply: (latest: string | null) => string, now?: boolean): void | Promise<void>;
  /** Calls `onChange` when someone else (another tab) changed the saved text; returns a stop function. */
  watch?(onChange: () => void): () => void;
}

export function memoryStorage(initial: string | null = null): StateStorage {
  let text = initial;
  return {
    load: () => text,
    save: (next) => {
      text = next;
    },
  };
}

/** The localStorage entry of a product's sandbox. */
export const storageKey = (productId: string): string => `keyport:sandbox:${productId}`;

/** The part of the Web Locks API used here (`navigator.locks`). */
export interface Locks {
  request(name: string, callback: () => void): Promise<unknown>;
}

export interface LocalStorageOptions {
  /** @default globalThis.localStorage */
  storage?: Storage;
  /** Where `storage` events arrive: the window. @default globalThis */
  events?: EventTarget;
  /** Serialises saves across tabs; without it a save reads and writes at once. @default globalThis.navigator?.locks */
  locks?: Locks | null;
}

export function localStorageStorage(key: string, options: LocalStorageOptions = {}): StateStorage {
  const storage = options.storage ?? globalThis.localStorage;
  const events = options.events ?? globalThis;
  const locks = options.locks === undefined ? (globalThis.navigator as { locks?: Locks } | undefined)?.locks : options.locks;
  let warned = false;
  const save = (text: string) => {
    try {
      storage.setItem(key, text);
    } catch {
      // Quota exceeded or storage disabled: the sandbox keeps working in memory for this tab.
      if (!warned) console.warn('Keyport sandbox: the browser refused to store the sandbox state; changes last until this tab closes.');
      warned = true;
    }
  };
  return {
    load: () => storage.getItem(key),
    save,
    update: (apply, now = false) => {
      const write = () => save(apply(storage.getItem(key)));
      if (!locks || now) return write();
      return locks.request(`${key}:save`, write).then(() => undefined);
    },
    // The `storage` event fires in every other tab of the origin when one tab writes.
    watch: (onChange) => {
      const listener = (event: Event) => {
        const changed = (event as StorageEvent).key;
        if (changed === key || changed === null) onChange();
      };
      events.addEventListener('storage', listener);
      return () => events.removeEventListener('storage', listener);
    },
  };
}

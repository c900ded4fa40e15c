/**
 * One entry of the browser's localStorage, shared by every tab of the site: another tab's write
 * reaches `watch` through the `storage` event. Reading and writing never throw: when storage is
 * blocked (some browsers throw on merely reading `localStorage`) or refuses a write (quota,
 * private windows), the value lasts for this page only and `persistent()` says so.
 */

export interface PersistedText {
  /** The saved text; `null` when there is none or storage is blocked. */
  read(): string | null;
  /** Saves the text; false when the browser refused it (from then on nothing is saved, and reads still work). */
  write(text: string): boolean;
  /** Calls `onChange` when another tab changes or clears the entry; returns the way to stop. */
  watch(onChange: () => void): () => void;
  /** False when nothing is saved beyond this page. */
  persistent(): boolean;
}

export interface PersistedTextOptions {
  /** @default globalThis.localStorage (none on the server) */
  storage?: Storage | null;
  /** Where `storage` events arrive. @default globalThis (none on the server) */
  events?: EventTarget | null;
}

function safeLocalStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/**
 * @example
 * const saved = persistedText('keyport:code-target');
 * saved.write('local');
 */
export function persistedText(key: string, options: PersistedTextOptions = {}): PersistedText {
  // Looked up on first use, not at import: modules are also evaluated on the server.
  let storage: Storage | null | undefined = options.storage;
  const target = () => (storage === undefined ? (storage = safeLocalStorage()) : storage);
  let refused = false;
  const events = () => (options.events === undefined ? (typeof window === 'undefined' ? null : window) : options.events);
  return {
    read() {
      try {
        return target()?.getItem(key) ?? null;
      } catch {
        return null;
      }
    },
    write(text) {
      if (refused) return false;
      try {
        target()?.setItem(key, text);
        return storage !== null;
      } catch {
        refused = true;
        return false;
      }
    },
    watch(onChange) {
      const listener = (event: Event) => {
        const changed = (event as StorageEvent).key;
        // `key` is null when another tab called localStorage.clear().
        if (changed === key || changed === null) onChange();
      };
      const source = events();
      source?.addEventListener('storage', listener);
      return () => source?.removeEventListener('storage', listener);
    },
    persistent: () => !refused && target() !== null,
  };
}

/**
 * The sandbox factory: state (restored from storage or fresh), the MSW handlers over it, and the
 * controls the docs' widgets and the tests need — time, settings, reset. Entry points
 * (`browser.ts`, `node.ts`, `server.ts`) are thin wrappers around this.
 */
import type { RequestHandler } from 'msw';
import { model as buildModel } from '../src/api/index.ts';
import { secureRandomBytes, type RandomBytes } from '../src/api/key-format.ts';
import type { ApiModel } from '../src/api/model.ts';
import { freshState } from './bootstrap.ts';
import { systemClock, type Clock } from './clock.ts';
import type { SandboxContext } from './context.ts';
import { createHandlers } from './handlers.ts';
import { updateSettings, type SandboxSettings } from './settings.ts';
import { mergeStates } from './merge-state.ts';
import { restoreState, type SandboxState } from './state.ts';
import { memoryStorage, type StateStorage } from './storage.ts';

/** Changes are saved this long after the first one, so a burst of requests is written once. */
const SAVE_DELAY_MS = 100;

export interface SandboxOptions {
  /** The API to simulate. @default the model of the build's preset (`KEYPORT_PRESET`) */
  model?: ApiModel;
  /** Where the state is kept. @default memoryStorage() */
  storage?: StateStorage;
  /** @default systemClock */
  clock?: Clock;
  /** @default crypto.getRandomValues */
  randomBytes?: RandomBytes;
}

export interface SandboxTime {
  /** The sandbox's current time in ms: the clock plus the offset. */
  now(): number;
  /** Fast-forwards the sandbox by `ms` (keys expire, windows reset, grace periods end). */
  advance(ms: number): void;
  setOffset(ms: number): void;
  offset(): number;
}

export interface Sandbox {
  readonly model: ApiModel;
  /** MSW request handlers for both environments' base URLs. */
  readonly handlers: RequestHandler[];
  /**
   * The plaintext of the full-access test key "Sandbox owner" when this call created it (fresh or
   * reset state); `null` when the keys were restored, since only their hashes are stored.
   */
  readonly ownerKey: string | null;
  /** What was wrong with the saved state, if anything, and what was done about it. */
  readonly recoveryMessage: string | null;
  readonly time: SandboxTime;
  readonly settings: {
    get(): SandboxSettings;
    /** Throws an Error saying what to fix when a value does not fit the preset. */
    update(patch: Partial<SandboxSettings>): SandboxSettings;
  };
  /** Starts over: fresh data, settings and keys. Resolves to the new owner key's plaintext. */
  reset(): Promise<string>;
  /** A copy of the whole state, for tests and debugging views. */
  state(): SandboxState;
  /**
   * Saves pending changes now instead of after the short delay (in the browser, merged into what
   * other tabs saved, without waiting for their lock: this may run as the page goes away).
   */
  flush(): void;
  /** Called after settings, time, a reset, or another tab's changes; returns an unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** Saves pending changes and stops listening to other tabs. */
  dispose(): void;
}

export async function createSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const model = options.model ?? buildModel;
  const storage = options.storage ?? memoryStorage();
  const clock = options.clock ?? systemClock;
  const random = options.randomBytes ?? secureRandomBytes;

  const fresh = await freshState(model, random, clock.now());
  const loaded = storage.load();
  const restored = restoreState(loaded, fresh.state, model);
  let state = restored.state;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const listeners = new Set<() => void>();
  // For storage shared with other tabs: the saved state this tab last read or wrote, so that its
  // own changes since can be told apart from theirs (`merge-state.ts`). `null`: nothing saved yet.
  let base: SandboxState | null = restored.freshAccount || restored.message ? null : structuredClone(state);
  let baseText = restored.message ? null : loaded;

  /** Merges another tab's saved text into this tab's state; returns that tab's state, or `null` when unreadable or nothing new. */
  const adopt = (latest: string | null): SandboxState | null => {
    if (latest === null || latest === baseText) return null;
    const theirs = restoreState(latest, state, model);
    if (theirs.message !== null) return null;
    state = mergeStates(base, state, theirs.state);
    // A copy: the merged state shares objects with theirs, and is changed in place from now on.
    base = structuredClone(theirs.state);
    baseText = latest;
    return theirs.state;
  };

  /**
   * `queued`: the delayed save of a burst, which waits its turn behind other tabs' saves. An
   * explicit `flush()` saves within this task instead (still merging), as callers rely on it:
   * `pagehide` leaves no time to wait for a lock, and other pages read the state next.
   */
  const save = (queued: boolean) => {
    clearTimeout(timer);
    timer = undefined;
    if (storage.saveState) storage.saveState(state);
    else if (storage.update) {
      void storage.update((latest) => {
        const merged = adopt(latest) !== null;
        const text = JSON.stringify(state);
        base = JSON.parse(text) as SandboxState;
        baseText = text;
        if (merged) notify();
        return text;
      }, !queued);
    } else storage.save(JSON.stringify(state));
  };
  const flush = () => save(false);
  const changed = () => {
    if (storage.immediate) return flush();
    if (timer !== undefined) return;
    timer = setTimeout(() => save(true), SAVE_DELAY_MS);
    // In Node a pending save must not keep the process alive; `dispose` and `flush` save explicitly.
    (timer as { unref?: () => void }).unref?.();
  };
  const notify = () => listeners.forEach((listener) => listener());
  const ctx: SandboxContext = {
    model,
    random,
    now: () => clock.now() + state.clockOffsetMs,
    state: () => state,
    changed,
    authFailures: {},
  };

  // A fresh or repaired state is written at once, so other tabs and the next start see the same keys.
  if (restored.freshAccount || restored.message || storage.importing) flush();
  const stopWatching = storage.watch?.(() => {
    // Another tab saved: take its changes and keep ours (unsaved ones, or saved ones its write
    // missed, which are then saved again). Unreadable text is ignored: ours is saved next.
    const theirs = adopt(storage.load());
    if (!theirs) return;
    if (JSON.stringify(state) !== JSON.stringify(base)) changed();
    notify();
  });

  const setOffset = (ms: number) => {
    state.clockOffsetMs = ms;
    changed();
    notify();
  };

  return {
    model,
    handlers: createHandlers(ctx),
    ownerKey: restored.freshAccount ? fresh.ownerKey : null,
    recoveryMessage: restored.message,
    time: {
      now: ctx.now,
      advance: (ms) => setOffset(state.clockOffsetMs + ms),
      setOffset,
      offset: () => state.clockOffsetMs,
    },
    settings: {
      get: () => ({ ...state.settings }),
      update: (patch) => {
        state.settings = updateSettings(model, state.settings, patch);
        changed();
        notify();
        return { ...state.settings };
      },
    },
    reset: async () => {
      const next = await freshState(model, random, clock.now());
      state = next.state;
      flush();
      notify();
      return next.ownerKey;
    },
    state: () => structuredClone(state),
    flush,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose: () => {
      stopWatching?.();
      if (timer !== undefined) flush();
      storage.close?.();
    },
  };
}

/**
 * The rotation walkthrough's scenarios, without React: start the simulated app (`rotation-app.ts`)
 * with a throwaway key 1, then either the five steps in the right order, "revoke first" (scripted:
 * every request in between fails), or "roll with a grace period" with a fast-forward on the
 * sandbox's clock. One store holds everything the view shows; the view subscribes
 * (`useSyncExternalStore`) and calls the actions. The lab's keys are revoked when the app stops,
 * and the sandbox's rate-limit settings are put back.
 */
import { formatDuration } from '../../api/runtime/durations.ts';
import { maskApiKey } from '../../sdk/index.ts';
import { sandboxClient } from '../sandbox/sandbox-session.ts';
import { callEndpoint, sdkErrorData } from '../widgets/sdk-call.ts';
import { sleep as realSleep } from '../widgets/sleep.ts';
import type { RotationData } from '../widgets/widget-data.ts';
import { createThrowaway, keyHeaderNames, keyParamNames, manage, revokeQuietly, type LabSession } from './lab-session.ts';
import {
  countRequest,
  NO_TRAFFIC,
  startApp as realStartApp,
  type AppOptions,
  type Marker,
  type SimulatedApp,
  type TrafficStats,
} from './rotation-app.ts';

export type Scenario = 'steps' | 'wrong' | 'roll';
export type Phase = 'idle' | 'starting' | 'running' | 'finished';

export interface KeyView {
  id: string;
  masked: string;
}

export interface RotationState {
  scenario: Scenario | null;
  phase: Phase;
  /** Steps done, 0 to 5. */
  done: number;
  /** What is under way (`start`, `wrong`, `step3`, `roll`, `closing`), or `null`: the buttons wait meanwhile. */
  busy: string | null;
  keys: { old: KeyView | null; next: KeyView | null };
  /** The keys in the secret manager, e.g. `['key 2', 'key 1']`. */
  config: string[];
  /** The keys the running app holds, newest first. */
  deployed: string[];
  /** What "who am I" with key 2 answered (step 4). */
  verified: string | null;
  stats: TrafficStats;
  revokedIds: string[];
  markers: Marker[];
  /** Seconds since the app started, for the chart's clock. */
  elapsed: number;
  /** The grace period chosen for rolling, in seconds. */
  grace: number;
  roll: { expiresAt: number; grace: number } | null;
  /** The sandbox's clock (ms), for the countdown. */
  sandboxNow: number;
  /** The live region's sentence. */
  announcement: string;
}

export const STEPS = [
  ['Create the new key', 'with the same permissions as the old one.'],
  ['Update the configuration', 'put the new key in the secret manager, next to the old one.'],
  ['Deploy', 'the app restarts holding both keys, the new one first.'],
  ['Verify', 'call “who am I” with the new key and check the key id it reports.'],
  ['Revoke the old key', 'only now, once nothing uses it.'],
] as const;

/** The app stops by itself after this long, so a forgotten tab does not keep sending. */
export const MAX_RUN_MS = 180_000;
/** How often the chart's clock and the countdown move while the app runs. */
const TICK_MS = 250;

export interface RotationDeps {
  data: RotationData;
  /** Opens the lab's session (starts the sandbox on first need). */
  open: () => Promise<LabSession>;
  /** Shows what stopped the lab. */
  fail: (error: unknown) => void;
  /** @default the real simulated app */
  startApp?: (options: AppOptions) => SimulatedApp;
  /** The scripted pauses between actions. @default a real wait */
  sleep?: (ms: number) => Promise<void>;
}

export interface RotationLab {
  getState(this: void): RotationState;
  subscribe(this: void, listener: () => void): () => void;
  /** Starts the app for a scenario (stopping any run first); "revoke first" then plays by itself. */
  begin(kind: Scenario): Promise<void>;
  /** Step `n` (1 to 5) of the right order; after step 5 the run closes by itself. */
  step(n: number): Promise<void>;
  setGrace(seconds: number): void;
  rollOld(): Promise<void>;
  deployNext(this: void): void;
  fastForward(this: void): void;
  /** Stops the app, revokes the lab's keys, and says `message`. */
  finish(message?: string): Promise<void>;
  /** Leaving the page: stop sending and put the sandbox's limits back (no time for revoking). */
  leave(this: void): void;
  /** The view is gone: as `leave`, and the chart's clock stops. */
  dispose(): void;
}

/** Where step `n` stands: done, the one to do now, or later. */
export function stepState(state: Pick<RotationState, 'done' | 'phase'>, n: number): 'done' | 'next' | 'later' {
  return state.done >= n ? 'done' : state.done === n - 1 && state.phase === 'running' ? 'next' : 'later';
}

/** A marker in words: "step 3, deploy", "revoked". */
export const markerText = (label: string): string =>
  /^\d$/.test(label) ? `step ${label}, ${STEPS[Number(label) - 1]![0].toLowerCase()}` : label;

/** Seconds until key 1 expires after a roll, on the sandbox's clock. */
export const graceLeft = (state: Pick<RotationState, 'roll' | 'sandboxNow'>): number =>
  state.roll ? Math.max(0, (state.roll.expiresAt - state.sandboxNow) / 1000) : 0;

/** What the "Running app" line says. */
export const runningApp = (state: Pick<RotationState, 'phase' | 'deployed'>): string =>
  state.phase === 'running' ? state.deployed.join(', ') : state.phase === 'finished' ? 'stopped' : 'not started';

/** What a scenario has done so far, before it starts: nothing. */
const NOTHING_RUN = {
  done: 0,
  keys: { old: null, next: null },
  config: [],
  deployed: [],
  verified: null,
  stats: NO_TRAFFIC,
  revokedIds: [],
  markers: [],
  elapsed: 0,
  roll: null,
} satisfies Partial<RotationState>;

export function createRotationLab(deps: RotationDeps): RotationLab {
  const { data } = deps;
  const startApp = deps.startApp ?? realStartApp;
  const sleep = deps.sleep ?? ((ms: number) => realSleep(ms));

  let state: RotationState = {
    ...NOTHING_RUN,
    scenario: null,
    phase: 'idle',
    busy: null,
    grace: data.graceOptions[0] ?? 0,
    sandboxNow: 0,
    announcement: '',
  };
  const listeners = new Set<() => void>();
  const set = (patch: Partial<RotationState>) => {
    const wasRunning = state.phase === 'running';
    state = { ...state, ...patch };
    if (state.phase === 'running' && !wasRunning) startTicking();
    if (state.phase !== 'running' && wasRunning) stopTicking();
    for (const listener of listeners) listener();
  };

  let app: SimulatedApp | null = null;
  let session: LabSession | null = null;
  const secrets = new Map<string, string>();
  let ids: { old: string | null; next: string | null } = { old: null, next: null };
  const revoked = new Set<string>();
  let restoreSettings: (() => void) | null = null;
  /** Bumped whenever the app stops: a script still waiting sees it and goes no further. */
  let generation = 0;
  let ticker: ReturnType<typeof setInterval> | undefined;
  let stopLater: ReturnType<typeof setTimeout> | undefined;

  function startTicking() {
    ticker = setInterval(() => {
      set({ elapsed: (app?.elapsed() ?? 0) / 1000, ...(session && { sandboxNow: session.sandbox.time.now() }) });
    }, TICK_MS);
  }
  function stopTicking() {
    clearInterval(ticker);
    ticker = undefined;
  }

  const mark = (label: string) => set({ markers: [...state.markers, { t: app?.elapsed() ?? 0, label }] });

  const keyView = (keyId: string, secret: string): KeyView => {
    secrets.set(keyId, secret);
    return { id: keyId, masked: maskApiKey(secret) };
  };

  const secretOf = (which: 'old' | 'next') => {
    const keyId = ids[which];
    return keyId ? (secrets.get(keyId) ?? null) : null;
  };

  /** Stops the app, revokes the lab's keys still working, and gives the sandbox its usual limits back. */
  async function stopApp() {
    generation += 1;
    clearTimeout(stopLater);
    app?.stop();
    app = null;
    restoreSettings?.();
    restoreSettings = null;
    const s = session;
    const left = [ids.old, ids.next].filter((k): k is string => k !== null && !revoked.has(k));
    ids = { old: null, next: null };
    secrets.clear();
    if (s) for (const keyId of left) await revokeQuietly(s, keyId);
  }

  async function finish(message?: string) {
    const summary = message ?? '';
    await stopApp();
    set({ phase: 'finished', busy: null, ...(summary ? { announcement: summary } : {}) });
  }

  async function revokeOld(s: LabSession) {
    const oldId = ids.old!;
    await manage(s, (client) => client.keys.revoke(oldId));
    revoked.add(oldId);
    set({ revokedIds: [...state.revokedIds, oldId] });
  }

  async function createNext(s: LabSession) {
    const next = await createThrowaway(s, { name: 'Rotation lab: key 2 (new)' });
    ids = { ...ids, next: next.id };
    set({ keys: { ...state.keys, next: keyView(next.id, next.secret) } });
    return next;
  }

  /** Revoke first, deploy later: every request in between fails. */
  async function wrongOrder(s: LabSession, gen: number) {
    set({ busy: 'wrong' });
    await sleep(2000);
    if (gen !== generation) return;
    await revokeOld(s);
    mark('revoked');
    set({ announcement: 'Revoked key 1 while the app still uses it: its requests now fail.' });
    await sleep(2500);
    if (gen !== generation) return;
    const next = await createNext(s);
    mark('created');
    set({ config: ['key 2'] });
    await sleep(600);
    if (gen !== generation) return;
    app?.deploy([next.secret]);
    set({ deployed: ['key 2'] });
    mark('deployed');
    set({ announcement: 'Created and deployed key 2: requests succeed again.' });
    await sleep(2500);
    if (gen !== generation) return;
    const { failed, total } = state.stats;
    await finish(`Wrong order: ${failed} of ${total} requests failed between revoking key 1 and deploying key 2.`);
  }

  async function begin(kind: Scenario) {
    if (state.busy) return;
    await stopApp();
    const gen = generation;
    revoked.clear();
    set({
      ...NOTHING_RUN,
      scenario: kind,
      phase: 'starting',
      busy: 'start',
      announcement: 'Starting the app with key 1…',
    });
    try {
      const s = await deps.open();
      session = s;
      const old = await createThrowaway(s, { name: 'Rotation lab: key 1 (old)' });
      if (gen !== generation) return void revokeQuietly(s, old.id);
      ids = { old: old.id, next: null };
      set({ keys: { old: keyView(old.id, old.secret), next: null }, config: ['key 1'], deployed: ['key 1'] });

      // Steady traffic must stay under the limit: simulate the fastest tier while the app runs.
      const before = s.sandbox.settings.get();
      s.sandbox.settings.update({ rateLimitMode: 'tier', rateLimitTier: data.tier.id });
      restoreSettings = () => {
        s.sandbox.settings.update({ rateLimitMode: before.rateLimitMode, rateLimitTier: before.rateLimitTier });
        s.sandbox.flush();
      };

      app = startApp({
        secrets: [old.secret],
        intervalMs: data.intervalMs,
        endpoint: data.api.whoami,
        keyHeaders: keyHeaderNames(data.api),
        keyParams: keyParamNames(data.api),
        keyIdOf: (secret) => [...secrets].find(([, value]) => value === secret)?.[0] ?? null,
        onRequest: (request) => set({ stats: countRequest(state.stats, request, ids) }),
      });
      set({
        phase: 'running',
        busy: null,
        announcement: `The app is running with key 1, sending ${data.api.whoami.method} ${data.api.whoami.path} every ${data.intervalMs} ms.`,
      });
      stopLater = setTimeout(() => {
        if (gen === generation) void finish('The app stopped by itself after three minutes.');
      }, MAX_RUN_MS);
      if (kind === 'wrong') await wrongOrder(s, gen);
    } catch (error) {
      deps.fail(error);
      await stopApp();
      set({ phase: 'idle', busy: null, announcement: '' });
    }
  }

  async function step(n: number) {
    const s = session;
    if (!s || state.busy || state.phase !== 'running') return;
    const gen = generation;
    set({ busy: `step${n}` });
    try {
      if (n === 1) {
        await createNext(s);
        set({ announcement: 'Step 1 done: created key 2. The app still uses key 1.' });
      } else if (n === 2) {
        set({
          config: ['key 2', 'key 1'],
          announcement: 'Step 2 done: the secret manager holds key 2 and key 1. The running app has not seen the change yet.',
        });
      } else if (n === 3) {
        set({ announcement: 'Deploying…' });
        await sleep(800);
        if (gen !== generation) return;
        app?.deploy([secretOf('next')!, secretOf('old')!]);
        set({ deployed: ['key 2', 'key 1'], announcement: 'Step 3 done: the app now holds key 2 and key 1, and its requests use key 2.' });
      } else if (n === 4) {
        const me = (await callEndpoint(sandboxClient({ apiKey: secretOf('next')! }), data.api.whoami, {})) as {
          key_id: string;
          name: string;
        };
        const ok = me.key_id === ids.next;
        set({
          verified: ok
            ? `“Who am I” with key 2 answered ${me.key_id} (“${me.name}”): the new key works.`
            : `“Who am I” answered ${me.key_id}, not key 2.`,
          announcement: ok ? 'Step 4 done: the new key works.' : 'Step 4: the answer names another key.',
        });
      } else if (n === 5) {
        await revokeOld(s);
        set({ announcement: 'Step 5 done: revoked key 1. The app keeps working with key 2.' });
      }
      if (gen !== generation) return;
      mark(String(n));
      set({ done: n });
      if (n === 5) {
        set({ busy: 'closing' });
        await sleep(3000);
        if (gen !== generation) return;
        const { failed, total } = state.stats;
        await finish(`Rotation done in the right order: ${total} requests, ${failed} failed.`);
        return;
      }
    } catch (error) {
      // A failed "who am I" is a result to show, not a reason to stop the walkthrough.
      if (n === 4) set({ verified: `“Who am I” with key 2 failed: ${sdkErrorData(error).message}` });
      else deps.fail(error);
    }
    set({ busy: null });
  }

  async function rollOld() {
    const s = session;
    if (!s || state.busy) return;
    const grace = state.grace;
    set({ busy: 'roll' });
    try {
      const oldId = ids.old!;
      const rolled = await manage(s, (client) => client.keys.roll(oldId, { grace_seconds: grace }));
      ids = { ...ids, next: rolled.key.id };
      set({
        keys: { ...state.keys, next: keyView(rolled.key.id, rolled.key.secret) },
        config: ['key 2'],
        roll: { expiresAt: Date.parse(rolled.previous.expires_at!), grace },
        sandboxNow: s.sandbox.time.now(),
      });
      mark('rolled');
      set({
        announcement: `Rolled key 1: key 2 is ready, and key 1 keeps working for ${formatDuration(grace)}. Deploy key 2 before then.`,
      });
    } catch (error) {
      deps.fail(error);
    }
    set({ busy: null });
  }

  function deployNext() {
    const secret = secretOf('next');
    if (!secret) return;
    app?.deploy([secret]);
    set({ deployed: ['key 2'] });
    mark('deployed');
    set({ announcement: 'Deployed key 2: the app no longer uses key 1.' });
  }

  function fastForward() {
    const s = session;
    if (!s || !state.roll) return;
    const ms = Math.max(0, state.roll.expiresAt - s.sandbox.time.now()) + 1000;
    s.sandbox.time.advance(ms);
    s.sandbox.flush();
    set({ sandboxNow: s.sandbox.time.now() });
    mark('expired');
    set({
      announcement:
        state.deployed[0] === 'key 2'
          ? `Moved the sandbox’s clock forward by ${formatDuration(ms / 1000)}: key 1 expired, and nothing noticed.`
          : `Moved the sandbox’s clock forward by ${formatDuration(ms / 1000)}: key 1 expired while the app still uses it, so its requests fail.`,
    });
  }

  function leave() {
    app?.stop();
    restoreSettings?.();
  }

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    begin,
    step,
    setGrace: (seconds) => set({ grace: seconds }),
    rollOld,
    deployNext,
    fastForward,
    finish,
    leave,
    dispose() {
      leave();
      stopTicking();
    },
  };
}

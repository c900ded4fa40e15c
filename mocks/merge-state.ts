/**
 * Two tabs share one saved sandbox. When a tab saves, it merges its changes into the latest saved
 * state instead of writing over it (`sandbox.ts`, inside a Web Lock), so keys created in two tabs
 * at once all survive. A three-way merge: `base` is the saved state this tab last read or wrote,
 * `mine` this tab's state, `theirs` the state saved since.
 *
 * - Keys are never deleted (revoking keeps them), so keys of both sides are kept; a key this tab
 *   changed since `base` (renamed, revoked, rolled) is taken from this tab.
 * - The audit log and recent requests are joined by id; usage counters add this tab's increments
 *   to theirs; rate windows add this tab's count in the same window.
 * - Settings (field by field) and the clock offset: this tab's value where it changed it.
 * - Records: this tab's creations are appended, its updates and deletions applied to theirs.
 * - A reset (no key of `base` left) wins as a whole: the one in this tab, else the other tab's.
 */
import type { Account, EnvironmentData, KeyUsage, RateWindow, SandboxState } from './state.ts';
import { RECENT_REQUESTS } from './usage.ts';

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/** A base with nothing in it: for a tab whose state was never saved, everything in it is its own change. */
function emptyBase(mine: SandboxState): SandboxState {
  const data = (env: EnvironmentData): EnvironmentData => Object.fromEntries(Object.keys(env).map((id) => [id, []]));
  return {
    ...mine,
    account: { keys: [], events: [], usage: {}, rateWindows: {} },
    data: { live: data(mine.data.live), test: data(mine.data.test) },
  };
}

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

/** Items of `theirs`, then those only `mine` has, in their order. */
function union<T extends { id: string }>(theirs: readonly T[], mine: readonly T[]): T[] {
  const known = new Set(theirs.map((item) => item.id));
  return [...theirs, ...mine.filter((item) => !known.has(item.id))];
}

type Counter = KeyUsage['total'];

function addCounters(
  theirs: Record<string, Counter>,
  mine: Record<string, Counter>,
  base: Record<string, Counter> = {},
): Record<string, Counter> {
  const result: Record<string, Counter> = structuredClone(theirs);
  for (const [name, counter] of Object.entries(mine)) {
    const before = base[name] ?? { requests: 0, errors: 0 };
    const target = (result[name] ??= { requests: 0, errors: 0 });
    target.requests += Math.max(0, counter.requests - before.requests);
    target.errors += Math.max(0, counter.errors - before.errors);
  }
  return result;
}

function mergeUsage(base: KeyUsage | undefined, mine: KeyUsage | undefined, theirs: KeyUsage | undefined): KeyUsage | undefined {
  if (!mine || (base && mine.total.requests === base.total.requests)) return theirs ?? mine;
  if (!theirs) return mine;
  const recent = union(theirs.recent, mine.recent)
    .sort((a, b) => b.time.localeCompare(a.time))
    .slice(0, RECENT_REQUESTS);
  const lastUsedAt = Math.max(mine.lastUsedAt ?? -Infinity, theirs.lastUsedAt ?? -Infinity);
  return {
    lastUsedAt: Number.isFinite(lastUsedAt) ? lastUsedAt : null,
    total: addCounters({ t: theirs.total }, { t: mine.total }, base && { t: base.total })['t']!,
    perDay: addCounters(theirs.perDay, mine.perDay, base?.perDay),
    perEndpoint: addCounters(theirs.perEndpoint, mine.perEndpoint, base?.perEndpoint),
    recent,
  };
}

function mergeWindow(base: RateWindow | undefined, mine: RateWindow, theirs: RateWindow | undefined): RateWindow {
  if (!theirs || mine.window > theirs.window) return mine;
  if (theirs.window > mine.window || same(base, mine)) return theirs;
  const before = base?.window === mine.window ? base.count : 0;
  return { window: mine.window, count: theirs.count + Math.max(0, mine.count - before) };
}

function mergeAccount(base: Account, mine: Account, theirs: Account): Account {
  const baseKeys = byId(base.keys);
  const mineKeys = byId(mine.keys);
  const keys = union(
    theirs.keys.map((key) => {
      const own = mineKeys.get(key.id);
      return own && !same(own, baseKeys.get(key.id)) ? own : key;
    }),
    mine.keys,
  );
  const usage: Account['usage'] = {};
  for (const id of new Set([...Object.keys(theirs.usage), ...Object.keys(mine.usage)])) {
    const merged = mergeUsage(base.usage[id], mine.usage[id], theirs.usage[id]);
    if (merged) usage[id] = merged;
  }
  const rateWindows: Account['rateWindows'] = { ...theirs.rateWindows };
  for (const [id, window] of Object.entries(mine.rateWindows))
    rateWindows[id] = mergeWindow(base.rateWindows[id], window, theirs.rateWindows[id]);
  return { keys, events: union(theirs.events, mine.events), usage, rateWindows };
}

function mergeData(base: EnvironmentData, mine: EnvironmentData, theirs: EnvironmentData): EnvironmentData {
  const result: EnvironmentData = {};
  for (const collection of new Set([...Object.keys(theirs), ...Object.keys(mine)])) {
    const before = byId(base[collection] ?? []);
    const own = byId(mine[collection] ?? []);
    const kept = (theirs[collection] ?? [])
      // Deleted here since base: gone; changed here since base: this tab's version.
      .filter((record) => !(before.has(record.id) && !own.has(record.id)))
      .map((record) => {
        const changed = own.get(record.id);
        return changed && before.has(record.id) && !same(changed, before.get(record.id)) ? changed : record;
      });
    // Created here: appended. A record the other tab deleted stays deleted.
    result[collection] = union(
      kept,
      (mine[collection] ?? []).filter((record) => !before.has(record.id)),
    );
  }
  return result;
}

export function mergeStates(base: SandboxState | null, mine: SandboxState, theirs: SandboxState): SandboxState {
  const from = base ?? emptyBase(mine);
  const baseKeyIds = from.account.keys.map((key) => key.id);
  const kept = (state: SandboxState) => baseKeyIds.length === 0 || baseKeyIds.some((id) => state.account.keys.some((key) => key.id === id));
  if (!kept(mine)) return mine;
  if (!kept(theirs)) return theirs;

  const settings = { ...theirs.settings };
  for (const [field, value] of Object.entries(mine.settings) as [keyof typeof settings, never][]) {
    if (!same(value, from.settings[field])) settings[field] = value;
  }
  return {
    ...theirs,
    settings,
    clockOffsetMs: mine.clockOffsetMs !== from.clockOffsetMs ? mine.clockOffsetMs : theirs.clockOffsetMs,
    account: mergeAccount(from.account, mine.account, theirs.account),
    data: {
      live: mergeData(from.data.live, mine.data.live, theirs.data.live),
      test: mergeData(from.data.test, mine.data.test, theirs.data.test),
    },
  };
}

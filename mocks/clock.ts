/**
 * Time as the sandbox sees it. Expiry, grace periods, propagation and rate-limit windows all
 * read `now()` from an injected clock, so tests move time exactly instead of sleeping.
 */

export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that moves only when told to: for tests and benchmarks that need exact times. */
export interface ManualClock extends Clock {
  set(ms: number): void;
  advance(ms: number): void;
}

export function manualClock(startMs: number): ManualClock {
  let current = startMs;
  return {
    now: () => current,
    set: (ms) => {
      current = ms;
    },
    advance: (ms) => {
      current += ms;
    },
  };
}

/** The API's timestamp format: ISO 8601 in UTC. */
export const iso = (ms: number): string => new Date(ms).toISOString();

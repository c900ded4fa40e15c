/**
 * Step 5: fixed-window rate limits per key, windows aligned to the clock
 * (`window = floor(now / windowMs)`), so every client sees the same reset time.
 * `take` is synchronous on purpose: with no await between the check and the increment, concurrent
 * requests cannot both take the last slot.
 */
import type { ApiModel } from '../src/api/model.ts';
import { RATE_LIMIT_HEADERS } from '../src/api/runtime/index.ts';
import { accountRole } from './access.ts';
import type { SandboxSettings } from './settings.ts';
import type { RateWindow } from './state.ts';

export interface RateLimit {
  limit: number;
  windowSeconds: number;
}

export interface RateDecision extends RateLimit {
  allowed: boolean;
  remaining: number;
  /** Whole seconds until the window ends, at least 1. */
  resetSeconds: number;
}

/** The limit in force: demo limits, a simulated tier, the role's tier, or the sandbox tier. */
export function activeLimit(model: ApiModel, settings: SandboxSettings): RateLimit {
  if (settings.rateLimitMode === 'demo') return model.rateLimits.demo;
  const tierId = settings.rateLimitTier ?? accountRole(model, settings)?.rateLimitTier ?? model.rateLimits.sandboxTier;
  return model.rateLimits.tiers.find((t) => t.id === tierId)!;
}

export function take(windows: Record<string, RateWindow>, keyId: string, limit: RateLimit, now: number): RateDecision {
  const windowMs = limit.windowSeconds * 1000;
  const window = Math.floor(now / windowMs);
  const resetSeconds = Math.max(1, Math.ceil(((window + 1) * windowMs - now) / 1000));
  let current = windows[keyId];
  if (current?.window !== window) current = windows[keyId] = { window, count: 0 };
  const allowed = current.count < limit.limit;
  if (allowed) current.count += 1;
  return { ...limit, allowed, remaining: limit.limit - current.count, resetSeconds };
}

export function rateLimitHeaders(decision: RateDecision): Record<string, string> {
  const { limit, remaining, resetSeconds, windowSeconds } = decision;
  return {
    [RATE_LIMIT_HEADERS.limit]: String(limit),
    [RATE_LIMIT_HEADERS.remaining]: String(remaining),
    [RATE_LIMIT_HEADERS.reset]: String(resetSeconds),
    [RATE_LIMIT_HEADERS.ietf]: `"default";r=${remaining};t=${resetSeconds}`,
    [RATE_LIMIT_HEADERS.ietfPolicy]: `"default";q=${limit};w=${windowSeconds}`,
    ...(decision.allowed ? {} : { [RATE_LIMIT_HEADERS.retryAfter]: String(resetSeconds) }),
  };
}

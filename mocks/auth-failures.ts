/**
 * Failed authentication, limited per client address (`rateLimits.authFailures` in the model): an
 * address may collect that many 401s in a fixed window; after that every request from it gets a
 * 429 `too_many_auth_failures` until the window ends, valid key or not. A key that is only not
 * active yet does not count. The windows are kept in memory, not in the saved state: a restart of
 * the server or a reload of the page forgives.
 *
 * The lock is checked before authentication and a failure is counted after it, without an await
 * between the count and the answer, so concurrent failures cannot get more than the limit of 401s.
 */
import { errorDefinition, RATE_LIMIT_HEADERS, type RequiredErrorId } from '../src/api/runtime/index.ts';
import type { SandboxContext } from './context.ts';
import { take } from './rate-limit.ts';

/** Past this many tracked addresses, windows that have ended are dropped. */
const PRUNE_ABOVE = 1000;

export interface AuthLock {
  error: 'too_many_auth_failures';
  params: { retryAfter: number };
  headers: Record<string, string>;
}

const lock = (resetSeconds: number): AuthLock => ({
  error: 'too_many_auth_failures',
  params: { retryAfter: resetSeconds },
  headers: { [RATE_LIMIT_HEADERS.retryAfter]: String(resetSeconds) },
});

/** Whether an authentication error counts as a failure: every 401 except a key not active yet. */
export function countsAsFailure(ctx: SandboxContext, error: RequiredErrorId): boolean {
  return error !== 'key_not_yet_active' && errorDefinition(ctx.model, error).status === 401;
}

/** The refusal for an address that used up its failures in this window, or `null`. */
export function authLock(ctx: SandboxContext, ip: string): AuthLock | null {
  const { limit, windowSeconds } = ctx.model.rateLimits.authFailures;
  const windowMs = windowSeconds * 1000;
  const now = ctx.now();
  const window = Math.floor(now / windowMs);
  const current = ctx.authFailures[ip];
  if (current?.window !== window || current.count < limit) return null;
  return lock(Math.max(1, Math.ceil(((window + 1) * windowMs - now) / 1000)));
}

/** Counts one failure; the refusal instead of the 401 when the address has none left. */
export function recordAuthFailure(ctx: SandboxContext, ip: string): AuthLock | null {
  const windows = ctx.authFailures;
  const now = ctx.now();
  const decision = take(windows, ip, ctx.model.rateLimits.authFailures, now);
  if (Object.keys(windows).length > PRUNE_ABOVE) {
    const windowMs = decision.windowSeconds * 1000;
    for (const [address, entry] of Object.entries(windows)) if (entry.window < Math.floor(now / windowMs)) delete windows[address];
  }
  return decision.allowed ? null : lock(decision.resetSeconds);
}

/**
 * Usage per key: every request that identified a key is counted, including the ones refused
 * (a revoked key still in use is exactly what an owner wants to see). Kept small on purpose:
 * counters per day and per endpoint, and only the most recent requests in full.
 */
import type { z } from 'zod';
import type { usageSchema } from '../src/api/builtins.ts';
import { iso } from './clock.ts';
import type { Account, KeyUsage } from './state.ts';

/** How many requests a usage report shows in full; older ones are only counted. */
export const RECENT_REQUESTS = 50;
const DAYS_KEPT = 90;

export interface RequestRecord {
  id: string;
  time: number;
  method: string;
  path: string;
  endpoint: string;
  status: number;
  latencyMs: number;
  ip: string;
  userAgent: string;
}

const day = (ms: number) => iso(ms).slice(0, 10);

const emptyUsage = (): KeyUsage => ({
  lastUsedAt: null,
  total: { requests: 0, errors: 0 },
  perDay: {},
  perEndpoint: {},
  recent: [],
});

export function recordRequest(account: Account, keyId: string, request: RequestRecord): void {
  const usage = (account.usage[keyId] ??= emptyUsage());
  const error = request.status >= 400 ? 1 : 0;
  const count = (counter: { requests: number; errors: number }) => {
    counter.requests += 1;
    counter.errors += error;
  };
  count(usage.total);
  count((usage.perDay[day(request.time)] ??= { requests: 0, errors: 0 }));
  count((usage.perEndpoint[request.endpoint] ??= { requests: 0, errors: 0 }));
  usage.lastUsedAt = request.time;
  usage.recent.unshift({
    id: request.id,
    time: iso(request.time),
    method: request.method,
    path: request.path,
    endpoint: request.endpoint,
    status: request.status,
    latency_ms: request.latencyMs,
    ip: request.ip,
    user_agent: request.userAgent,
  });
  usage.recent.length = Math.min(usage.recent.length, RECENT_REQUESTS);
  const days = Object.keys(usage.perDay).sort();
  for (const old of days.slice(0, Math.max(0, days.length - DAYS_KEPT))) delete usage.perDay[old];
}

export function lastUsedAt(account: Account, keyId: string): number | null {
  return account.usage[keyId]?.lastUsedAt ?? null;
}

/** Requests this key made today (UTC), as recorded so far. */
export function requestsOn(account: Account, keyId: string, now: number): number {
  return account.usage[keyId]?.perDay[day(now)]?.requests ?? 0;
}

export function usageReport(account: Account, keyId: string): z.output<typeof usageSchema> {
  const usage = account.usage[keyId] ?? emptyUsage();
  return {
    key_id: keyId,
    last_used_at: usage.lastUsedAt === null ? null : iso(usage.lastUsedAt),
    total_requests: usage.total.requests,
    error_rate: usage.total.requests ? usage.total.errors / usage.total.requests : 0,
    per_day: Object.entries(usage.perDay)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([date, c]) => ({ date, requests: c.requests, errors: c.errors })),
    per_endpoint: Object.entries(usage.perEndpoint)
      .map(([endpoint, c]) => ({ endpoint, requests: c.requests, errors: c.errors }))
      .sort((a, b) => b.requests - a.requests),
    recent_requests: usage.recent,
  };
}

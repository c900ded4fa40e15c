/**
 * Whether a key's recent authentication failures deserve an alert, by the model's monitoring
 * settings. Pure, so the usage view and tests compute it the same way.
 */
import type { Monitoring } from './schema/monitoring.ts';

export interface AuthFailureAlert {
  triggered: boolean;
  /** 401 and 403 answers within the window. */
  failures: number;
  /** All requests within the window. */
  total: number;
  /** failures / total, 0 when there were none. */
  rate: number;
  windowMinutes: number;
}

export function authFailureAlert(
  requests: ReadonlyArray<{ time: string; status: number }>,
  now: number,
  monitoring: Monitoring,
): AuthFailureAlert {
  const since = now - monitoring.authFailureWindowMinutes * 60_000;
  const recent = requests.filter((request) => {
    const time = Date.parse(request.time);
    return time > since && time <= now;
  });
  const failures = recent.filter((request) => request.status === 401 || request.status === 403).length;
  const rate = recent.length ? failures / recent.length : 0;
  return {
    triggered: recent.length >= monitoring.minimumRequests && rate >= monitoring.authFailureThreshold,
    failures,
    total: recent.length,
    rate,
    windowMinutes: monitoring.authFailureWindowMinutes,
  };
}

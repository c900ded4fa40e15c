import { expect, test } from 'vitest';
import { authFailureAlert } from '../../../src/api/auth-failure-alert.ts';

const monitoring = { authFailureWindowMinutes: 15, authFailureThreshold: 0.25, minimumRequests: 5 };
const now = Date.UTC(2026, 10, 2, 12, 0, 0);
const at = (minutesAgo: number, status: number) => ({ time: new Date(now - minutesAgo * 60_000).toISOString(), status });

test('a burst of 401s within the window raises the alert', () => {
  const requests = [at(1, 401), at(2, 401), at(3, 403), at(4, 200), at(5, 200)];
  expect(authFailureAlert(requests, now, monitoring)).toEqual({ triggered: true, failures: 3, total: 5, rate: 0.6, windowMinutes: 15 });
});

test('failures older than the window do not count', () => {
  const requests = [at(20, 401), at(30, 401), at(40, 401), at(1, 200), at(2, 200), at(3, 200), at(4, 200), at(5, 200)];
  expect(authFailureAlert(requests, now, monitoring).triggered).toBe(false);
});

test('too few requests never raise it, and a low failure share does not either', () => {
  expect(authFailureAlert([at(1, 401), at(2, 401)], now, monitoring).triggered).toBe(false);
  const mostlyFine = [at(1, 401), ...Array.from({ length: 9 }, (_, i) => at(i + 1, 200))];
  expect(authFailureAlert(mostlyFine, now, monitoring)).toMatchObject({ triggered: false, failures: 1, total: 10 });
});

import { z } from 'zod';

/**
 * When the usage view warns about a key: its share of 401 and 403 answers over a recent window
 * passes a threshold — the sign of a leaked key being tried, or a deploy with an old key.
 */
export const monitoringSchema = z.strictObject({
  authFailureWindowMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  /** Share of requests (0–1) answered 401 or 403 within the window that raises the alert. */
  authFailureThreshold: z.number().gt(0).max(1),
  /** Fewer requests than this in the window never raise it: one typo is not an incident. */
  minimumRequests: z.number().int().min(1),
});

export type Monitoring = z.output<typeof monitoringSchema>;

import { z } from 'zod';

const tierSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  name: z.string().min(1),
  /** Requests allowed per key in one window. */
  limit: z.number().int().positive(),
  windowSeconds: z.number().int().positive(),
});

export type RateLimitTier = z.output<typeof tierSchema>;

export const rateLimitsSchema = z.strictObject({
  /** Fixed windows per key; the window resets all at once. */
  tiers: z.array(tierSchema).min(1),
  /** The tier the sandbox applies unless the account's role says otherwise. */
  sandboxTier: z.string(),
  /** Small limits for demonstrations, so a 429 is a few clicks away (5 requests every 10 s unless a preset says otherwise). */
  demo: tierSchema.omit({ id: true, name: true }).default({ limit: 5, windowSeconds: 10 }),
  /**
   * Failed authentications (401s) allowed from one client address per fixed window, whatever the
   * key. Once an address reaches the limit, every request from it is refused with a 429
   * `too_many_auth_failures` (with Retry-After) until the window ends, so keys cannot be guessed
   * at speed. A key that is only not active yet does not count: the client did nothing wrong.
   * @default { limit: 30, windowSeconds: 60 }
   * @example authFailures: { limit: 10, windowSeconds: 300 }
   */
  authFailures: z
    .strictObject({
      limit: z.number().int().positive(),
      windowSeconds: z.number().int().positive(),
    })
    .default({ limit: 30, windowSeconds: 60 }),
});

export type RateLimits = z.output<typeof rateLimitsSchema>;

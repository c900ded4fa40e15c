import { z } from 'zod';

const SECONDS_PER_DAY = 86_400;

/** What an account owner may choose when creating and rolling keys. */
export const keyPolicySchema = z.strictObject({
  /** Expiry choices offered at creation, in days; `null` means the key never expires. */
  expiryDays: z.array(z.number().int().positive().nullable()).min(1),
  /** Grace periods offered when rolling, in seconds; 0 ends the old key at once. */
  rollGraceSeconds: z
    .array(
      z
        .number()
        .int()
        .min(0)
        .max(30 * SECONDS_PER_DAY),
    )
    .min(1)
    .refine((options) => options.includes(0), 'Offer 0 (end the old key at once) among `rollGraceSeconds`.'),
  /** Whether a key can be locked to a list of client IP addresses or CIDR ranges. */
  ipAllowlist: z.boolean(),
  /** Whether a key can be disabled and enabled again without revoking it. */
  canDisable: z.boolean(),
  /** Longest key name, in characters. */
  nameMaxLength: z.number().int().min(10).max(200),
  /** How many keys an account may hold that are not revoked. */
  maxKeysPerAccount: z.number().int().positive(),
  /** Days after which the docs recommend rotating a key. */
  rotateEveryDays: z.number().int().positive(),
  /** Seconds a new key may take to work in the real service; 0 when keys work at once. */
  propagationSeconds: z.number().int().min(0).max(60),
});

export type KeyPolicy = z.output<typeof keyPolicySchema>;

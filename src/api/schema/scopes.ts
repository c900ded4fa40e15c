import { z } from 'zod';

export const scopeIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_-]*(?::[a-z][a-z0-9_-]*)?$/, 'Scope ids look like "contacts:read" or "admin".');

export const scopeSchema = z.strictObject({
  id: scopeIdSchema,
  /** What the scope lets a key do, in a few words. */
  description: z.string().min(1),
  /** The resource it belongs to, for grouping in tables and forms. */
  group: z.string().min(1),
  /** True for the one scope that grants every endpoint ("full access"). */
  grantsAll: z.boolean().default(false),
});

export type Scope = z.output<typeof scopeSchema>;

/** A named set of scopes readers can start from, e.g. "Read-only analytics". */
export const keyTemplateSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  name: z.string().min(1),
  description: z.string().min(1),
  scopes: z.array(scopeIdSchema).min(1),
});

export type KeyTemplate = z.output<typeof keyTemplateSchema>;

/**
 * Where a key's scopes come from: chosen per key, or inherited from the account's role
 * (every key of an account then has the same access).
 */
export const accessSchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('per-key') }),
  z.strictObject({
    mode: z.literal('account-role'),
    roles: z
      .array(
        z.strictObject({
          id: z.string().regex(/^[a-z][a-z0-9-]*$/),
          name: z.string().min(1),
          scopes: z.array(scopeIdSchema).min(1),
          /** The rate-limit tier accounts of this role get. */
          rateLimitTier: z.string(),
        }),
      )
      .min(1),
    /** The role of the sandbox's account. */
    sandboxRole: z.string(),
  }),
]);

export type Access = z.output<typeof accessSchema>;

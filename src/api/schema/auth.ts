import { z } from 'zod';

/** A header that carries the key as its whole value, e.g. `X-API-Key: sk_live_…`. */
const headerSchemeSchema = z.strictObject({
  type: z.literal('header'),
  /** Header name as the docs spell it; matched case-insensitively, like every HTTP header. */
  name: z
    .string()
    .regex(/^[A-Za-z0-9-]+$/, 'A header name is letters, digits and dashes, e.g. "X-API-Key".')
    .refine((name) => name.toLowerCase() !== 'authorization', 'Use `{ type: "bearer" }` for the Authorization header.'),
});

/** `Authorization: Bearer sk_live_…`. */
const bearerSchemeSchema = z.strictObject({
  type: z.literal('bearer'),
});

export const authSchemeSchema = z.discriminatedUnion('type', [headerSchemeSchema, bearerSchemeSchema]);
export type AuthScheme = z.output<typeof authSchemeSchema>;

/** Accepted schemes, primary first; all are equivalent. */
export const authSchema = z.strictObject({
  schemes: z.array(authSchemeSchema).min(1, 'Accept at least one auth scheme, e.g. `{ type: "header", name: "X-API-Key" }`.'),
});

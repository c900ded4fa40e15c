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

/**
 * A query parameter that carries the key, e.g. `?api_key=sk_live_…`, for APIs that take keys no
 * other way. URLs end up in logs and browser history, so docs warn about it and prefer a header
 * scheme when the API also accepts one.
 */
const querySchemeSchema = z.strictObject({
  type: z.literal('query'),
  /** Parameter name as sent; matched exactly (query parameter names are case-sensitive). */
  name: z.string().regex(/^[A-Za-z0-9._~-]+$/, 'A query parameter name is letters, digits, ".", "_", "~" and "-", e.g. "api_key".'),
});

export const authSchemeSchema = z.discriminatedUnion('type', [headerSchemeSchema, bearerSchemeSchema, querySchemeSchema]);
export type AuthScheme = z.output<typeof authSchemeSchema>;

/** Accepted schemes, primary first; all are equivalent. */
export const authSchema = z.strictObject({
  schemes: z.array(authSchemeSchema).min(1, 'Accept at least one auth scheme, e.g. `{ type: "header", name: "X-API-Key" }`.'),
});

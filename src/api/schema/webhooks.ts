import { z } from 'zod';

/**
 * How outgoing webhooks are signed.
 * - `stripe`: one header `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">` (several v1 during rotation).
 * - `standard`: Standard Webhooks — `webhook-id`, `webhook-timestamp` and
 *   `webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">` (space-separated during rotation).
 */
export const webhooksSchema = z.strictObject({
  scheme: z.enum(['stripe', 'standard']),
  /** The header holding the signature(s). */
  signatureHeader: z.string().regex(/^[A-Za-z0-9-]+$/),
  /** How far a timestamp may be from the receiver's clock, in seconds. */
  toleranceSeconds: z.number().int().min(30).max(3600),
  /** Signing secrets start with it, e.g. "whsec_". */
  secretPrefix: z.string().regex(/^[a-z]+_$/),
  /** Event types the API sends. */
  events: z.array(z.string().regex(/^[a-z_]+\.[a-z_.]+$/)).min(1),
});

export type Webhooks = z.output<typeof webhooksSchema>;

import { z } from 'zod';
import { AUTH_FAILURE_REASONS } from '../runtime/errors.ts';

/** Why a 401 happened, as the SDK's `AuthenticationError.reason` reports it. */
export const authFailureReasonSchema = z.enum(AUTH_FAILURE_REASONS);

export const errorSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/, 'Error ids are snake_case, e.g. "invalid_api_key".'),
  status: z.number().int().min(400).max(599),
  /** Short class of error in the body, e.g. "unauthorized". */
  kind: z.string().min(1),
  /**
   * The message in the body. `{name}` placeholders are filled per request:
   * `{keyEnvironment}`, `{requestEnvironment}`, `{scopes}`, `{retryAfter}`, `{detail}`.
   */
  message: z.string().min(1),
  /** Heading on the errors page. */
  title: z.string().min(1),
  /** What usually causes it. */
  cause: z.string().min(1),
  /** What to do about it. */
  fix: z.string().min(1),
  /** For 401s: the reason the SDK reports. */
  authReason: authFailureReasonSchema.optional(),
  /** Whether repeating the same request later can succeed. */
  retryable: z.boolean().default(false),
});

export type ApiErrorDefinition = z.output<typeof errorSchema>;

/**
 * Where each part of an error goes in the body. `envelope` nests them under one key
 * (`{"error": {…}}`); `null` puts them at the top level. Omit a part to leave it out.
 */
export const errorFormatSchema = z.strictObject({
  envelope: z.string().nullable(),
  fields: z.strictObject({
    /** The error's `kind`, e.g. "unauthorized". */
    kind: z.string().optional(),
    message: z.string(),
    /** The HTTP status as a number. */
    status: z.string().optional(),
    /** The stable error id the SDK branches on. */
    id: z.string(),
    /** Link to the errors page anchor. */
    docs: z.string(),
    /** For insufficient_scope: the scopes the key lacks. */
    missingScopes: z.string(),
  }),
});

export type ErrorFormat = z.output<typeof errorFormatSchema>;

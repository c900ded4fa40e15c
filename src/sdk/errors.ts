/**
 * The SDK's errors: one class per meaning, one factory that maps an HTTP response to its class,
 * and type guards that check `error.name`, so they also work across realms and bundles.
 *
 *   KeyportError
 *   ├─ ApiError (the API answered with an error)
 *   │  ├─ AuthenticationError (401)   ├─ PermissionError (403)   ├─ RateLimitError (429)
 *   │  ├─ NotFoundError (404)         └─ ValidationError (400, 422)
 *   ├─ ConnectionError, TimeoutError (no answer)
 *   ├─ KeyFormatError (the key was refused before sending)
 *   └─ WebhookVerificationError
 */
import type { KeyProblem } from '../api/key-format.ts';
import { maskApiKey } from './api-key.ts';
import { authReasons, errorFormat, rateLimitHeaders, requestIdHeader, type AuthFailureReason, type ErrorCode } from './generated/preset.ts';
import { parseRetryAfter } from './retry-after.ts';

export type { AuthFailureReason, ErrorCode };

/**
 * The base of every error the SDK throws. `details` become properties of the error (and
 * `details.cause` its cause).
 */
export class KeyportError extends Error {
  override name = 'KeyportError';

  constructor(message: string, details?: object) {
    super(message, details);
    Object.assign(this, details);
  }
}

export interface ApiErrorDetails {
  status: number;
  /** The stable error id from the body, e.g. `revoked_api_key`; `http_<status>` when absent. */
  code: ErrorCode | (string & {});
  /** The request's id from the response headers; quote it to support. */
  requestId: string | null;
  /** Where the docs explain this error. */
  docsUrl: string | null;
  headers: Headers;
  /** The parsed response body. */
  body: unknown;
}

/** The API answered with an error status. */
export class ApiError extends KeyportError implements ApiErrorDetails {
  override name = 'ApiError';
  declare readonly status: number;
  declare readonly code: ErrorCode | (string & {});
  declare readonly requestId: string | null;
  declare readonly docsUrl: string | null;
  declare readonly headers: Headers;
  declare readonly body: unknown;
}

/** 401: the key is missing, unknown, revoked, expired, disabled, not active yet, or from the other environment. */
export class AuthenticationError extends ApiError {
  override name = 'AuthenticationError';
  /** Why the key was refused. */
  declare readonly reason: AuthFailureReason;
}

/** 403: the key lacks a scope, or the request came from an address the key does not allow. */
export class PermissionError extends ApiError {
  override name = 'PermissionError';
  /** The scopes the key would need; empty when the refusal is not about scopes. */
  declare readonly missingScopes: string[];
}

/** 429: the key used up its requests for the current window. */
export class RateLimitError extends ApiError {
  override name = 'RateLimitError';
  /** Seconds to wait before retrying (`Retry-After`). */
  declare readonly retryAfter: number | null;
  /** Requests allowed per window (`X-RateLimit-Limit`). */
  declare readonly limit: number | null;
  /** Requests left in the window (`X-RateLimit-Remaining`). */
  declare readonly remaining: number | null;
  /** Seconds until the window resets (`X-RateLimit-Reset`). */
  declare readonly reset: number | null;
}

/** 404: no record with this id, or no such path. */
export class NotFoundError extends ApiError {
  override name = 'NotFoundError';
}

/** 400 or 422: the body is not valid JSON, or a field is missing or invalid. */
export class ValidationError extends ApiError {
  override name = 'ValidationError';
}

/** The API could not be reached: DNS, refused connection, offline. */
export class ConnectionError extends KeyportError {
  override name = 'ConnectionError';
}

/** No response arrived within `timeout`. */
export class TimeoutError extends KeyportError {
  override name = 'TimeoutError';
}

/** A key was refused before sending: missing, or not shaped like a key of this API. */
export class KeyFormatError extends KeyportError {
  override name = 'KeyFormatError';
  /** What looks wrong; `missing` when no key was given at all. */
  declare readonly problem: KeyProblem | 'missing' | 'mixed_environments';
}

export type WebhookFailureReason = 'missing_header' | 'malformed_header' | 'timestamp_out_of_range' | 'signature_mismatch';

/** A webhook delivery failed verification: do not act on it. */
export class WebhookVerificationError extends KeyportError {
  override name = 'WebhookVerificationError';
  declare readonly reason: WebhookFailureReason;
}

const record = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};

const numberHeader = (headers: Headers, name: string): number | null => {
  const value = headers.get(name)?.trim();
  return value && Number.isFinite(Number(value)) ? Number(value) : null;
};

/**
 * Maps an error response to its class. `secrets` are masked wherever the body's message might
 * repeat them, so no error message carries a whole key.
 */
export function errorFromResponse(response: Response, body: unknown, now: number, secrets: readonly string[] = []): ApiError {
  const { envelope, fields } = errorFormat;
  const inner = record(envelope ? record(body)[envelope] : body);
  const text = (field: string) => (typeof inner[field] === 'string' ? inner[field] : null);
  const { status, headers } = response;
  const code = text(fields.id) ?? `http_${status}`;
  let message = text(fields.message) ?? (response.statusText || 'Request failed');
  for (const secret of secrets) message = message.replaceAll(secret, maskApiKey(secret));
  message = `${status} ${code}: ${message}`;
  const details: ApiErrorDetails = { status, code, requestId: headers.get(requestIdHeader), docsUrl: text(fields.docs), headers, body };

  if (status === 401) return new AuthenticationError(message, { ...details, reason: authReasons[code] ?? 'invalid' });
  if (status === 403) {
    const scopes = inner[fields.missingScopes];
    const missingScopes = Array.isArray(scopes) ? scopes.filter((s): s is string => typeof s === 'string') : [];
    return new PermissionError(message, { ...details, missingScopes });
  }
  if (status === 429) {
    const after = parseRetryAfter(headers.get(rateLimitHeaders.retryAfter), now);
    return new RateLimitError(message, {
      ...details,
      retryAfter: after === undefined ? null : Math.ceil(after / 1000),
      limit: numberHeader(headers, rateLimitHeaders.limit),
      remaining: numberHeader(headers, rateLimitHeaders.remaining),
      reset: numberHeader(headers, rateLimitHeaders.reset),
    });
  }
  if (status === 404) return new NotFoundError(message, details);
  if (status === 400 || status === 422) return new ValidationError(message, details);
  return new ApiError(message, details);
}

const guard =
  <T>(...names: string[]) =>
  (error: unknown): error is T =>
    names.includes(record(error)['name'] as string);

const apiErrorNames = ['ApiError', 'AuthenticationError', 'PermissionError', 'RateLimitError', 'NotFoundError', 'ValidationError'];

export const isKeyportError = guard<KeyportError>(
  'KeyportError',
  ...apiErrorNames,
  'ConnectionError',
  'TimeoutError',
  'KeyFormatError',
  'WebhookVerificationError',
);
export const isApiError = guard<ApiError>(...apiErrorNames);
export const isAuthenticationError = guard<AuthenticationError>('AuthenticationError');
export const isPermissionError = guard<PermissionError>('PermissionError');
export const isRateLimitError = guard<RateLimitError>('RateLimitError');
export const isNotFoundError = guard<NotFoundError>('NotFoundError');
export const isValidationError = guard<ValidationError>('ValidationError');
export const isConnectionError = guard<ConnectionError>('ConnectionError');
export const isTimeoutError = guard<TimeoutError>('TimeoutError');
export const isKeyFormatError = guard<KeyFormatError>('KeyFormatError');
export const isWebhookVerificationError = guard<WebhookVerificationError>('WebhookVerificationError');

/** The model's error ids and 401 reasons, as plain data every runtime can import. */
import type { ApiModel } from '../model.ts';
import type { ApiErrorDefinition } from '../schema/errors.ts';

/**
 * Errors the sandbox raises, by stable id. Every preset describes each of them in its own words;
 * a preset may add more. The id doubles as the anchor on the errors page.
 */
export const REQUIRED_ERROR_IDS = [
  'missing_api_key',
  'malformed_api_key',
  'invalid_api_key',
  'conflicting_api_keys',
  'revoked_api_key',
  'expired_api_key',
  'inactive_api_key',
  'key_not_yet_active',
  'wrong_environment',
  'ip_not_allowed',
  'insufficient_scope',
  'rate_limited',
  'invalid_request',
  'validation_failed',
  'not_found',
  'method_not_allowed',
  'malformed_request',
  'body_too_large',
  'unsupported_media_type',
  'url_too_long',
  'headers_too_large',
  'too_many_auth_failures',
] as const;

export type RequiredErrorId = (typeof REQUIRED_ERROR_IDS)[number];

/** Why a request was refused with 401, as the SDK's `AuthenticationError.reason` reports it. */
export const AUTH_FAILURE_REASONS = [
  'missing',
  'invalid',
  'revoked',
  'expired',
  'inactive',
  'not_yet_active',
  'wrong_environment',
] as const;

export type AuthFailureReason = (typeof AUTH_FAILURE_REASONS)[number];

/** Each reason as the end of "The SDK threw AuthenticationError because …". */
export const AUTH_FAILURE_WORDS: Readonly<Record<AuthFailureReason, string>> = {
  missing: 'no key was sent',
  invalid: 'the key is not one the sandbox knows',
  revoked: 'the key was revoked',
  expired: 'the key expired',
  inactive: 'the key is disabled',
  not_yet_active: 'the key is not active yet',
  wrong_environment: 'the key belongs to the other environment',
};

export const isAuthFailureReason = (value: unknown): value is AuthFailureReason =>
  typeof value === 'string' && (AUTH_FAILURE_REASONS as readonly string[]).includes(value);

export function errorDefinition(model: Pick<ApiModel, 'errors'>, id: RequiredErrorId | (string & {})): ApiErrorDefinition {
  const definition = model.errors.find((error) => error.id === id);
  if (!definition) throw new Error(`The model has no error \`${id}\`.`);
  return definition;
}

/** Path of an error's explanation on the docs site; the id is the anchor. */
export function errorDocsPath(id: RequiredErrorId | (string & {})): string {
  return `/errors/#${id.replace(/_/g, '-')}`;
}

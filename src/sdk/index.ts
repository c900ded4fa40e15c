/**
 * The SDK's public surface: the client factory and its option types, the error classes and
 * their guards, the key and webhook helpers, and the API's types. Nothing else is exported.
 */
export { createClient, type KeyportClient } from './client.ts';
export type { ClientOptions, FetchFunction, HttpMethod, KeyFallbackEvent, RequestOptions, RetryEvent, RetryOptions } from './options.ts';
export {
  ApiError,
  AuthenticationError,
  ConnectionError,
  KeyFormatError,
  KeyportError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  TimeoutError,
  ValidationError,
  WebhookVerificationError,
  isApiError,
  isAuthenticationError,
  isConnectionError,
  isKeyFormatError,
  isKeyportError,
  isNotFoundError,
  isPermissionError,
  isRateLimitError,
  isTimeoutError,
  isValidationError,
  isWebhookVerificationError,
  type ApiErrorDetails,
  type AuthFailureReason,
  type ErrorCode,
  type WebhookFailureReason,
} from './errors.ts';
export { maskApiKey, parseApiKey, type ApiKeyInfo, type KeyProblem } from './api-key.ts';
export {
  inspectWebhook,
  signWebhook,
  verifyWebhook,
  type SignedWebhook,
  type SignWebhookOptions,
  type VerifyWebhookOptions,
  type WebhookHeaders,
  type WebhookInspection,
  type WebhookScheme,
  type WebhookTime,
} from './webhooks.ts';
export type { AuthSchemeName, EnvironmentId } from './generated/preset.ts';
export type * from './generated/types.ts';
export type * from './generated/resources/index.ts';

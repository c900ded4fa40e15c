/**
 * The error catalogue most presets share, in Keyport's words, with the few strings a product
 * spells its own way passed in. A preset can append errors of its own or replace entries.
 */
import type { z } from 'zod';
import { formatBytes, MAX_BODY_BYTES, MAX_HEADER_BYTES, MAX_URL_BYTES } from '../runtime/request-limits.ts';
import type { errorSchema } from '../schema/errors.ts';

type ErrorInput = z.input<typeof errorSchema>;

export interface ErrorWording {
  /** Body message when no key was sent. */
  missingKey: string;
  /** Body message when the key is unknown. */
  invalidKey: string;
  /** Body message when the key lacks a scope. */
  forbidden: string;
  /** `kind` of 401 errors, e.g. "unauthorized". */
  unauthorizedKind: string;
  /** `kind` of 403 errors, e.g. "forbidden". */
  forbiddenKind: string;
}

export function standardErrors(words: ErrorWording, options: { omit?: string[] } = {}): ErrorInput[] {
  const unauthorized = words.unauthorizedKind;
  const all: ErrorInput[] = [
    {
      id: 'missing_api_key',
      status: 401,
      kind: unauthorized,
      message: words.missingKey,
      title: 'Missing API key',
      authReason: 'missing',
      cause:
        'The request carried no key: the header is missing, misspelled, or empty (an unset environment variable often sends an empty value).',
      fix: 'Send the key in one of the accepted headers, and check that the environment variable is set in the process that makes the request.',
    },
    {
      id: 'malformed_api_key',
      status: 401,
      kind: unauthorized,
      message: 'API key is malformed: {detail}',
      title: 'Malformed API key',
      authReason: 'invalid',
      cause:
        'The value is not shaped like a key of this API: wrong prefix, wrong length, stray characters, or a checksum that does not match (a typo or a truncated copy).',
      fix: 'Copy the key again from where you stored it. Look for quotes, spaces or line breaks around it, and for a missing first or last character.',
    },
    {
      id: 'invalid_api_key',
      status: 401,
      kind: unauthorized,
      message: words.invalidKey,
      title: 'Invalid API key',
      authReason: 'invalid',
      cause: 'The key is well formed but no key like it exists: it was deleted, belongs to another account, or was never created.',
      fix: 'Check that you use the key of the right account, or create a new one.',
    },
    {
      id: 'conflicting_api_keys',
      status: 401,
      kind: unauthorized,
      message: 'Two different API keys were sent ({detail}); send exactly one',
      title: 'Two different keys in one request',
      authReason: 'invalid',
      cause:
        'The request sent a key in two accepted headers and the two differ, so the API cannot tell which one you meant. Often a default header set by an HTTP client plus one set per request.',
      fix: 'Send the key in one header only, or make sure both carry the same key.',
    },
    {
      id: 'revoked_api_key',
      status: 401,
      kind: unauthorized,
      message: 'API key has been revoked',
      title: 'Revoked API key',
      authReason: 'revoked',
      cause: 'Someone revoked this key. Revoking is immediate and permanent.',
      fix: 'Create a new key, update your configuration, and deploy. A revoked key cannot be restored.',
    },
    {
      id: 'expired_api_key',
      status: 401,
      kind: unauthorized,
      message: 'API key expired at {expiredAt}',
      title: 'Expired API key',
      authReason: 'expired',
      cause: 'The key reached its expiry date, or it was rolled and its grace period ended.',
      fix: 'Switch to the key that replaced it, or create a new one. Set a reminder before the next expiry.',
    },
    {
      id: 'inactive_api_key',
      status: 401,
      kind: unauthorized,
      message: 'API key is disabled',
      title: 'Disabled API key',
      authReason: 'inactive',
      cause: 'The key was disabled. It still exists with its scopes and history, but is refused until it is enabled again.',
      fix: 'Enable the key again in the dashboard or with the key-management API, or use another key.',
    },
    {
      id: 'key_not_yet_active',
      status: 401,
      kind: unauthorized,
      message: 'API key is not active yet; retry in {retryAfter} seconds',
      title: 'Key not active yet',
      authReason: 'not_yet_active',
      cause: 'The key was created or rolled a moment ago and has not reached every server yet.',
      fix: 'Wait a few seconds and retry; the Retry-After header says how long.',
      retryable: true,
    },
    {
      id: 'wrong_environment',
      status: 401,
      kind: unauthorized,
      message: 'This is a {keyEnvironment} key, but the request went to the {requestEnvironment} environment; send it to {keyBaseUrl}',
      title: 'Key used in the wrong environment',
      authReason: 'wrong_environment',
      cause: 'A live key was sent to the sandbox, or a test key to production. Keys work only in their own environment.',
      fix: 'Use a key whose prefix matches the base URL, or change the base URL. Keep one key per environment in separate variables.',
    },
    {
      id: 'ip_not_allowed',
      status: 403,
      kind: words.forbiddenKind,
      message: 'Requests with this API key are not allowed from {detail}',
      title: 'IP address not allowed',
      cause: 'The key has an IP allowlist and the request came from an address outside it.',
      fix: 'Send the request from an allowed address, or add this address (or its range) to the key’s allowlist.',
    },
    {
      id: 'insufficient_scope',
      status: 403,
      kind: words.forbiddenKind,
      message: words.forbidden,
      title: 'Missing permission',
      cause: 'The key is valid, but lacks a scope this endpoint requires. The body lists the missing scopes.',
      fix: 'Create a key with the missing scopes (or roll to one) instead of widening a key to full access.',
    },
    {
      id: 'rate_limited',
      status: 429,
      kind: 'rate_limited',
      message: 'Too many requests; retry in {retryAfter} seconds',
      title: 'Too many requests',
      cause: 'The key used up its requests for the current window.',
      fix: 'Wait for the number of seconds in Retry-After, then retry. Spread bursts out, and back off exponentially when no Retry-After is given.',
      retryable: true,
    },
    {
      id: 'invalid_request',
      status: 400,
      kind: 'bad_request',
      message: 'The request body is not valid JSON: {detail}',
      title: 'Malformed request',
      cause: 'The body could not be parsed as JSON (a missing quote or comma, a trailing comma, a comment), or it is not UTF-8 text.',
      fix: 'Build the body with your language’s JSON encoder instead of by hand, and send it as UTF-8.',
    },
    {
      id: 'validation_failed',
      status: 422,
      kind: 'validation_failed',
      message: 'Invalid value for `{field}`: {detail}',
      title: 'Invalid field',
      cause:
        'A field or query parameter is missing, of the wrong type or out of range; the body has a field the endpoint does not define; or text holds characters the API refuses: control characters (line breaks too, in names), invisible text-direction characters, or broken Unicode.',
      fix: 'Correct the field named in the message; the API reference lists every field and its rules. Check the spelling of field names, and remove invisible characters pasted along with text.',
    },
    {
      id: 'not_found',
      status: 404,
      kind: 'not_found',
      message: 'No {detail} found',
      title: 'Not found',
      cause: 'The id or path does not exist, or the record was deleted.',
      fix: 'Check the id and the path. Ids are specific to an environment.',
    },
    {
      id: 'method_not_allowed',
      status: 405,
      kind: 'method_not_allowed',
      message: '{detail}',
      title: 'Method not allowed',
      cause: 'The path exists, but not with this HTTP method; or the method is one this API never uses (TRACE, CONNECT, …).',
      fix: 'Use one of the methods listed in the Allow header.',
    },
    {
      id: 'malformed_request',
      status: 400,
      kind: 'bad_request',
      message: 'The request could not be read: {detail}',
      title: 'Unreadable request',
      cause:
        'The request does not follow HTTP: a request target that is not a path, a header holding a control character (CR, LF or NUL), or a broken chunked body. HTTP libraries do not send these; hand-written requests and broken proxies do.',
      fix: 'Send the request with an HTTP library. If you build it yourself: the target is a path such as `/me`, and each header is one line of visible characters.',
    },
    {
      id: 'body_too_large',
      status: 413,
      kind: 'payload_too_large',
      message: `The request body is larger than ${formatBytes(MAX_BODY_BYTES)}`,
      title: 'Body too large',
      cause: `The body has more than ${formatBytes(MAX_BODY_BYTES)}. No endpoint needs that much, so usually a file or a whole export was sent by mistake. The connection is closed after this answer.`,
      fix: 'Send less in one request, e.g. one record per request, and never file contents in a JSON field.',
    },
    {
      id: 'unsupported_media_type',
      status: 415,
      kind: 'unsupported_media_type',
      message: 'The body must be JSON, sent with `Content-Type: application/json`',
      title: 'Body is not JSON',
      cause:
        'The request has a body, but its Content-Type is missing or is not JSON: `text/plain`, a form (`curl --data` sends `application/x-www-form-urlencoded` unless told otherwise), or a charset other than UTF-8.',
      fix: 'Send `Content-Type: application/json` with the body (`; charset=utf-8` may follow). Most HTTP libraries do this when you pass the body as JSON rather than as a string.',
    },
    {
      id: 'url_too_long',
      status: 414,
      kind: 'uri_too_long',
      message: `The request URL is longer than ${formatBytes(MAX_URL_BYTES)}`,
      title: 'URL too long',
      cause: `The path and query together have more than ${formatBytes(MAX_URL_BYTES)}, usually because data that belongs in a body was put in the query string.`,
      fix: 'Keep the query short: page through lists with `limit` and `starting_after`, and send data as a JSON body.',
    },
    {
      id: 'headers_too_large',
      status: 431,
      kind: 'headers_too_large',
      message: `The request headers are larger than ${formatBytes(MAX_HEADER_BYTES)}`,
      title: 'Headers too large',
      cause: `The headers together have more than ${formatBytes(MAX_HEADER_BYTES)}: a large cookie, or a header appended again on every retry.`,
      fix: 'Send only the headers the API needs (the key, Content-Type, and User-Agent if you like), and set them once rather than appending.',
    },
    {
      id: 'too_many_auth_failures',
      status: 429,
      kind: 'rate_limited',
      message: 'Too many requests from this address failed authentication; retry in {retryAfter} seconds',
      title: 'Too many failed authentications',
      cause:
        'Requests from one IP address were refused with 401 (missing, invalid, revoked or expired keys) too often within a short window, as happens when keys are guessed or a deployment keeps sending a revoked key. Until the window ends, every request from that address is refused, even with a valid key.',
      fix: 'Wait for the number of seconds in Retry-After. Before retrying, fix the key the failing requests send: their 401s say why they failed. Retried unchanged, they only fail again.',
    },
  ];
  return all.filter((error) => !options.omit?.includes(error.id));
}

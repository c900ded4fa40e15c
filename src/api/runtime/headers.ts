/**
 * Headers on every authenticated response. The legacy `X-RateLimit-*` trio most clients know,
 * and the IETF `RateLimit` / `RateLimit-Policy` fields (draft-ietf-httpapi-ratelimit-headers).
 * Fixed for every preset: they are part of how Keyport behaves, not of a product's vocabulary.
 */
export const RATE_LIMIT_HEADERS = {
  limit: 'X-RateLimit-Limit',
  remaining: 'X-RateLimit-Remaining',
  reset: 'X-RateLimit-Reset',
  retryAfter: 'Retry-After',
  ietf: 'RateLimit',
  ietfPolicy: 'RateLimit-Policy',
} as const;

/** Header carrying the id of each request, for support and logs. */
export const REQUEST_ID_HEADER = 'X-Request-Id';

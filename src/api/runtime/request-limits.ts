/**
 * How large a request may be, the same for every preset: part of how Keyport's sandbox behaves,
 * like the rate-limit headers. The error catalogue quotes these numbers and the HTTP server and the
 * request pipeline enforce them, so the docs and the answers cannot disagree.
 */

/** The largest request body read, in bytes; more is a 413 `body_too_large`. */
export const MAX_BODY_BYTES = 1_000_000;

/** The longest request target (path and query), in bytes; longer is a 414 `url_too_long`. */
export const MAX_URL_BYTES = 16 * 1024;

/** The most header bytes (names, values and line ends); more is a 431 `headers_too_large`. */
export const MAX_HEADER_BYTES = 16 * 1024;

/** `1 MB`, `16 KB`: as the error messages and the docs say it. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1_000_000 && bytes % 1_000_000 === 0) return `${bytes / 1_000_000} MB`;
  if (bytes % 1024 === 0) return `${bytes / 1024} KB`;
  return `${bytes} bytes`;
}

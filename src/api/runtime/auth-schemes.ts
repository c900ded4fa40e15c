/**
 * Where a key goes for each auth scheme of the model: `Authorization: Bearer <key>`, or a header
 * of its own holding the key as its whole value. Every runtime (sandbox, SDK generator, snippets,
 * widgets, docs) asks here instead of spelling the mapping out again.
 */
import type { AuthScheme } from '../schema/auth.ts';

export interface KeyHeader {
  /** The SDK's name for the scheme (its `authScheme` option): `bearer`, or the header's name. */
  scheme: string;
  header: string;
  /** Text before the key in the header's value, e.g. `Bearer `. */
  prefix: string;
}

/** The scheme's id in the SDK, the console and snippets: `bearer`, or the header's name. */
export const BEARER_SCHEME_ID = 'bearer';
export const AUTHORIZATION_HEADER = 'Authorization';

export function keyHeader(scheme: AuthScheme): KeyHeader {
  return scheme.type === 'bearer'
    ? { scheme: BEARER_SCHEME_ID, header: AUTHORIZATION_HEADER, prefix: 'Bearer ' }
    : { scheme: scheme.name, header: scheme.name, prefix: '' };
}

/** `bearer`, or the header's name. */
export const schemeId = (scheme: AuthScheme): string => keyHeader(scheme).scheme;

/** The header's name: `Authorization`, or the scheme's own header. */
export const keyHeaderName = (scheme: AuthScheme): string => keyHeader(scheme).header;

/** The header as a line, e.g. `Authorization: Bearer sk_test_…` for a key (or placeholder). */
export function keyHeaderLine(scheme: AuthScheme, key: string): string {
  const { header, prefix } = keyHeader(scheme);
  return `${header}: ${prefix}${key}`;
}

/** The header and its value for a key, ready to spread into a request's headers. */
export function keyHeaderEntry(scheme: AuthScheme, key: string): Record<string, string> {
  const { header, prefix } = keyHeader(scheme);
  return { [header]: `${prefix}${key}` };
}

/** The scheme a reader means by its id (`bearer` or a header name, matched case-insensitively). */
export function findScheme<S extends AuthScheme>(schemes: readonly S[], id: string): S | undefined {
  const wanted = id.toLowerCase();
  return schemes.find((scheme) => schemeId(scheme).toLowerCase() === wanted);
}

/** The scheme as a choice in a form: "Authorization: Bearer" or "X-API-Key header". */
export function schemeLabel(scheme: AuthScheme): string {
  const { header, prefix } = keyHeader(scheme);
  return prefix ? `${header}: ${prefix.trim()}` : `${header} header`;
}

/**
 * Where a key goes for each auth scheme of the model: `Authorization: Bearer <key>`, a header of
 * its own holding the key as its whole value, or a query parameter (`?api_key=<key>`). Every
 * runtime (sandbox, SDK generator, snippets, widgets, docs) asks here instead of spelling the
 * mapping out again.
 */
import type { AuthScheme } from '../schema/auth.ts';

/** The key in a header: `Authorization` with `Bearer ` before it, or a header of its own. */
export interface KeyInHeader {
  in: 'header';
  /** The SDK's name for the scheme (its `authScheme` option): `bearer`, or the header's name. */
  scheme: string;
  header: string;
  /** Text before the key in the header's value, e.g. `Bearer `. */
  prefix: string;
}

/** The key as the value of a query parameter, e.g. `?api_key=<key>`. */
export interface KeyInQuery {
  in: 'query';
  /** The SDK's name for the scheme (its `authScheme` option): `?` and the parameter's name. */
  scheme: string;
  param: string;
}

/** Where the key goes for one scheme. */
export type KeyPlacement = KeyInHeader | KeyInQuery;

/** The scheme's id in the SDK, the console and snippets: `bearer`, the header's name, or `?` and the parameter's name. */
export const BEARER_SCHEME_ID = 'bearer';
export const AUTHORIZATION_HEADER = 'Authorization';

export function keyPlacement(scheme: AuthScheme): KeyPlacement {
  switch (scheme.type) {
    case 'bearer':
      return { in: 'header', scheme: BEARER_SCHEME_ID, header: AUTHORIZATION_HEADER, prefix: 'Bearer ' };
    case 'header':
      return { in: 'header', scheme: scheme.name, header: scheme.name, prefix: '' };
    case 'query':
      return { in: 'query', scheme: `?${scheme.name}`, param: scheme.name };
  }
}

/** `bearer`, the header's name, or `?` and the query parameter's name (e.g. `?api_key`). */
export const schemeId = (scheme: AuthScheme): string => keyPlacement(scheme).scheme;

/** The headers that may carry a key (for CORS and for telling key headers from an endpoint's own). */
export function keyHeaderNames(schemes: readonly AuthScheme[]): string[] {
  return schemes.flatMap((scheme) => {
    const placement = keyPlacement(scheme);
    return placement.in === 'header' ? [placement.header] : [];
  });
}

/** The query parameters that may carry a key: they are not an endpoint's own parameters. */
export function keyQueryParams(schemes: readonly AuthScheme[]): string[] {
  return schemes.flatMap((scheme) => (scheme.type === 'query' ? [scheme.name] : []));
}

/**
 * The key as a request carries it, for a key (or placeholder): a header line such as
 * `Authorization: Bearer sk_test_…`, or the query string `?api_key=sk_test_…`.
 */
export function keyLine(scheme: AuthScheme, key: string): string {
  const placement = keyPlacement(scheme);
  return placement.in === 'header' ? `${placement.header}: ${placement.prefix}${key}` : `?${placement.param}=${key}`;
}

/**
 * A request's URL and headers with the key added where the scheme puts it: a header, or a query
 * parameter appended to the URL's own (URL-encoded).
 */
export function withKey(scheme: AuthScheme, key: string, url: string): { url: string; headers: Record<string, string> } {
  const placement = keyPlacement(scheme);
  if (placement.in === 'header') return { url, headers: { [placement.header]: `${placement.prefix}${key}` } };
  const withParam = new URL(url);
  withParam.searchParams.append(placement.param, key);
  return { url: withParam.href, headers: {} };
}

/** The scheme a reader means by its id (`bearer`, a header name matched case-insensitively, or `?param` matched exactly). */
export function findScheme<S extends AuthScheme>(schemes: readonly S[], id: string): S | undefined {
  if (id.startsWith('?')) return schemes.find((scheme) => schemeId(scheme) === id);
  const wanted = id.toLowerCase();
  return schemes.find((scheme) => schemeId(scheme).toLowerCase() === wanted);
}

/** The scheme as a choice in a form: "Authorization: Bearer", "X-API-Key header" or "api_key query parameter". */
export function schemeLabel(scheme: AuthScheme): string {
  const placement = keyPlacement(scheme);
  if (placement.in === 'query') return `${placement.param} query parameter`;
  const { header, prefix } = placement;
  return prefix ? `${header}: ${prefix.trim()}` : `${header} header`;
}

/**
 * The scheme samples, the console and the SDK use unless told otherwise: the first that sends the
 * key in a header, since URLs end up in logs and history; the first scheme when all are query
 * parameters.
 */
export function defaultScheme<S extends AuthScheme>(schemes: readonly S[]): S {
  return schemes.find((scheme) => scheme.type !== 'query') ?? schemes[0]!;
}

/**
 * Step 1 of authentication: find the key in the request, in every scheme the preset accepts.
 * Header names are case-insensitive (the Fetch `Headers` object already treats them so); query
 * parameter names are not, and their values arrive URL-decoded.
 * Only the shape of the headers and parameters is judged here; whether the key itself is well
 * formed is step 2. Messages name headers and parameters, never the values, so a key never ends
 * up in an error body.
 * A header sent twice reaches here as one value joined with ", " (as Fetch's `Headers` and Node
 * join them); no key holds a comma, so such a value is read as the header sent more than once.
 */
import { AUTHORIZATION_HEADER } from '../src/api/runtime/index.ts';
import type { AuthScheme } from '../src/api/schema/auth.ts';

export type Credentials =
  { ok: true; key: string } | { ok: false; error: 'missing_api_key' | 'malformed_api_key' | 'conflicting_api_keys'; detail: string };

interface Found {
  source: string;
  key: string;
}

/** The key after `Bearer `, or why the Authorization header cannot carry one. */
function fromAuthorization(value: string): { key: string } | { problem: string } {
  const match = /^(\S+)(?: (.*))?$/s.exec(value);
  if (!match || match[1]!.toLowerCase() !== 'bearer') {
    return { problem: 'the Authorization header must be "Bearer" followed by a space and the key' };
  }
  return { key: match[2] ?? '' };
}

/** The values of a header sent more than once (joined with commas), or `null` when it was sent once. */
function repeatedValues(value: string, isWhole: (part: string) => boolean): string[] | null {
  if (!value.includes(',')) return null;
  const parts = value.split(',').map((part) => part.trim());
  return parts.every(isWhole) ? parts : null;
}

/** A header sent twice: two different keys are the known conflict; the same key twice is named as it is. */
function repeatedHeader(name: string, keys: string[]): Credentials {
  return new Set(keys).size > 1
    ? { ok: false, error: 'conflicting_api_keys', detail: `in ${keys.length} ${name} headers` }
    : { ok: false, error: 'malformed_api_key', detail: `the ${name} header was sent ${keys.length} times; send it once` };
}

const keyOf = (parsed: ReturnType<typeof fromAuthorization>) => ('key' in parsed ? parsed.key : '');

/** A query parameter given more than once: two different keys conflict; the same key twice is named as it is. */
function repeatedParam(name: string, keys: string[]): Credentials {
  return new Set(keys).size > 1
    ? { ok: false, error: 'conflicting_api_keys', detail: `in ${keys.length} ?${name} query parameters` }
    : { ok: false, error: 'malformed_api_key', detail: `the ${name} query parameter was given ${keys.length} times; give it once` };
}

/** `query` is the request URL's search part (`?api_key=…`), read only for query schemes. */
export function readCredentials(schemes: readonly AuthScheme[], headers: Headers, query = ''): Credentials {
  const found: Found[] = [];
  let authorizationProblem: string | null = null;
  const params = new URLSearchParams(query);
  for (const scheme of schemes) {
    if (scheme.type === 'query') {
      // An empty value usually means an unset environment variable: that is a missing key.
      const values = params.getAll(scheme.name).filter((value) => value !== '');
      if (values.length > 1) return repeatedParam(scheme.name, values);
      if (values[0] !== undefined) found.push({ source: `?${scheme.name}`, key: values[0] });
      continue;
    }
    if (scheme.type === 'header') {
      const value = headers.get(scheme.name);
      // An empty value usually means an unset environment variable: that is a missing key.
      if (!value) continue;
      const repeated = repeatedValues(value, (part) => part !== '');
      if (repeated) return repeatedHeader(scheme.name, repeated);
      found.push({ source: scheme.name, key: value });
      continue;
    }
    const value = headers.get(AUTHORIZATION_HEADER);
    if (value === null) continue;
    const repeated = repeatedValues(value, (part) => /^\S+ \S/.test(part));
    if (repeated)
      return repeatedHeader(
        AUTHORIZATION_HEADER,
        repeated.map((part) => keyOf(fromAuthorization(part))),
      );
    const parsed = fromAuthorization(value);
    if ('problem' in parsed) authorizationProblem = parsed.problem;
    else if (parsed.key) found.push({ source: AUTHORIZATION_HEADER, key: parsed.key });
  }
  const distinct = [...new Set(found.map((f) => f.key))];
  if (distinct.length > 1) {
    return { ok: false, error: 'conflicting_api_keys', detail: `in ${found.map((f) => f.source).join(' and ')}` };
  }
  if (distinct[0] !== undefined) return { ok: true, key: distinct[0] };
  // A wrong Authorization scheme matters only when nothing else carried a key.
  if (authorizationProblem) return { ok: false, error: 'malformed_api_key', detail: authorizationProblem };
  return { ok: false, error: 'missing_api_key', detail: '' };
}

/**
 * Step 1 of authentication: find the key in the request, in every scheme the preset accepts.
 * Header names are case-insensitive (the Fetch `Headers` object already treats them so).
 * Only the shape of the headers is judged here; whether the key itself is well formed is step 2.
 * Messages name headers, never the values, so a key never ends up in an error body.
 */
import type { AuthScheme } from '../src/api/schema/auth.ts';

export type Credentials =
  | { ok: true; key: string }
  | { ok: false; error: 'missing_api_key' | 'malformed_api_key' | 'conflicting_api_keys'; detail: string };

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

export function readCredentials(schemes: readonly AuthScheme[], headers: Headers): Credentials {
  const found: Found[] = [];
  let authorizationProblem: string | null = null;
  for (const scheme of schemes) {
    if (scheme.type === 'header') {
      const value = headers.get(scheme.name);
      // An empty value usually means an unset environment variable: that is a missing key.
      if (value) found.push({ source: scheme.name, key: value });
      continue;
    }
    const value = headers.get('authorization');
    if (value === null) continue;
    const parsed = fromAuthorization(value);
    if ('problem' in parsed) authorizationProblem = parsed.problem;
    else if (parsed.key) found.push({ source: 'Authorization', key: parsed.key });
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

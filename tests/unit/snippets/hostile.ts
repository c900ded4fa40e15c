/**
 * Request bodies that break hand-escaped code: quotes of every kind, backslashes that look like
 * escapes, shell and template interpolation, percent signs, newlines and tabs, characters beyond
 * the Basic Multilingual Plane, invisible format characters and very long text. Each string
 * field of an endpoint's example body gets the most hostile text its schema accepts, so the
 * sandbox stores it and the runner can compare what arrived with what was shown.
 */
import type { Endpoint } from '../../../src/api/schema/endpoints.ts';

const CORE = `Zoë "O'Brien" \\ C:\\new\\table \\s \\u0041 $HOME %PATH% %s #{1+1} \${1+1} \`id\` $(id) 'q' 100% 😀 𝄞 ✓ \u200b`;

/** Most hostile first; the first one the field's schema accepts is used. */
const CANDIDATES = [
  `${CORE}\nsecond line\tafter a tab\r\n${'Ω≈ç√∫˜µ≤≥÷ '.repeat(350)}`.slice(0, 4000),
  `${CORE}\nsecond line\tafter a tab\r\n`,
  CORE,
  `"'\\ $x #{1} \${1} \`c\` 😀`,
];

/** Values that name something (`ct_seed_1`, a template's `read-only`, …) stay as they are. */
const looksLikeId = (value: string) => /^[a-z0-9]+([_:-][a-z0-9]+)+$/.test(value);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path to a string in the value, e.g. `['tags', 0]`. */
function stringPaths(value: Json, path: Array<string | number> = []): Array<Array<string | number>> {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((item, i) => stringPaths(item, [...path, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => stringPaths(item, [...path, key]));
  return [];
}

function replaced(value: Json, path: Array<string | number>, text: string): Json {
  if (path.length === 0) return text;
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, Json>;
  copy[head!] = replaced(copy[head!]!, rest, text);
  return copy;
}

const at = (value: Json, path: Array<string | number>): Json =>
  path.reduce<Json>((v, key) => (v as Record<string | number, Json>)[key]!, value);

/**
 * The example body with hostile text in every free-text field, and the top-level fields that
 * changed; `null` when the body has no free text.
 */
export function hostileBody(endpoint: Endpoint, example: unknown): { body: Record<string, unknown>; fields: string[] } | null {
  if (!endpoint.body || example === undefined) return null;
  let body = example as Json;
  const fields = new Set<string>();
  for (const path of stringPaths(body)) {
    const current = at(body, path) as string;
    if (looksLikeId(current)) continue;
    for (const text of CANDIDATES) {
      const candidate = replaced(body, path, text);
      const parsed = endpoint.body.safeParse(candidate);
      // Accepted as is: a schema that trims or rewrites the text would not store what was sent.
      if (parsed.success && at(parsed.data as Json, path) === text) {
        body = candidate;
        fields.add(String(path[0]));
        break;
      }
    }
  }
  return fields.size ? { body: body as Record<string, unknown>, fields: [...fields] } : null;
}

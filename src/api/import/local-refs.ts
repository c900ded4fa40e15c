/**
 * Resolves a document's local `$ref`s (`#/components/…`) in memory, as the OpenAPI parser's
 * dereferencing does: every use of a part becomes that same part (shared, not copied), a `$ref`
 * back into a part being resolved stays a `$ref` (the schema converter reads it as "any value"),
 * and a `$ref`'s sibling keys are laid over what it points to.
 *
 * The build writes an imported document bundled into one file with local `$ref`s only; this turns
 * it back into what the importer reads, without the parser, so it also runs in the browser.
 */
type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A local `$ref`'s tokens, decoded: `#/paths/~1pets%7Bid%7D` → `['paths', '/pets{id}']`. */
function tokensOf(ref: string): string[] {
  return ref
    .slice(1)
    .split('/')
    .slice(1)
    .map((token) => decodeURIComponent(token).replaceAll('~1', '/').replaceAll('~0', '~'));
}

/** The part of `root` at the tokens of `ref`; throws if there is none. */
function partAt(root: unknown, ref: string, tokens: string[]): unknown {
  let part = root;
  for (const token of tokens) {
    if (!isObject(part) && !Array.isArray(part)) throw new Error(`The $ref "${ref}" points to nothing.`);
    part = (part as JsonObject)[token];
  }
  if (part === undefined) throw new Error(`The $ref "${ref}" points to nothing.`);
  return part;
}

const within = (at: string[], target: string[]) => target.length <= at.length && target.every((token, i) => at[i] === token);

export function resolveLocalRefs<T>(document: T): T {
  const resolved = new Map<string, unknown>();
  /** Places being resolved through a `$ref` right now, each as its tokens. */
  const resolving: string[][] = [];

  /** `at`: where `value` sits in the document, so a `$ref` to a part that encloses it is seen as circular. */
  function visit(value: unknown, at: string[]): unknown {
    if (Array.isArray(value)) return value.map((item, i) => visit(item, [...at, String(i)]));
    if (!isObject(value)) return value;
    const ref = value['$ref'];
    if (typeof ref === 'string' && ref.startsWith('#')) {
      const target = tokensOf(ref);
      if (within(at, target) || resolving.some((place) => within(place, target))) return value;
      const key = target.join('\u0000');
      let part = resolved.get(key);
      if (part === undefined) {
        resolving.push(at);
        part = visit(partAt(document, ref, target), target);
        resolving.pop();
        resolved.set(key, part);
      }
      const { $ref: _ref, ...siblings } = value;
      return Object.keys(siblings).length && isObject(part) ? { ...part, ...(visit(siblings, at) as JsonObject) } : part;
    }
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, visit(child, [...at, key])]));
  }

  return visit(document, []) as T;
}

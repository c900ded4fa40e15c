/**
 * Finds key-shaped text in code, so that neither share links nor the saved code carry a key:
 * in the code as written, and in string literals joined back together (`'sk_test_ab' + 'cd…'`,
 * `['sk_test_ab', 'cd…'].join('')`), since splitting a key does not make it less secret.
 */
import { literalRuns, scanCode } from './code-literals.ts';

export const KEY_REMOVED = 'KEY_REMOVED_USE_PROCESS_ENV';

function keyPattern(keyPrefixes: readonly string[]): RegExp {
  const prefixes = keyPrefixes.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  // Real keys have 30 and more characters after the prefix; 20 leaves room for a cut-off paste.
  return new RegExp(`(?:${prefixes})[0-9A-Za-z]{20,}`, 'g');
}

interface Finding {
  key: string;
  /** Ranges of the code that hold the key (one, or one per literal it was split across). */
  ranges: Array<[start: number, end: number]>;
}

function findings(code: string, keyPrefixes: readonly string[]): Finding[] {
  if (!keyPrefixes.length) return [];
  const found: Finding[] = [];
  for (const match of code.matchAll(keyPattern(keyPrefixes)))
    found.push({ key: match[0], ranges: [[match.index, match.index + match[0].length]] });
  for (const run of literalRuns(code, scanCode(code).literals)) {
    if (run.length < 2) continue;
    const joined = run.map((literal) => literal.text).join('');
    for (const match of joined.matchAll(keyPattern(keyPrefixes))) {
      if (found.some((f) => f.key === match[0])) continue;
      // The literals whose text overlaps the match, found by their offsets in the joined text.
      const ranges: Array<[number, number]> = [];
      let offset = 0;
      for (const literal of run) {
        const from = offset;
        offset += literal.text.length;
        if (offset > match.index && from < match.index + match[0].length)
          ranges.push([literal.start + 1, literal.start + 1 + literal.text.length]);
      }
      // A key whole in one literal was found above; joining only runs it into the next string.
      const pieces = run.filter((literal) => ranges.some(([start]) => start === literal.start + 1));
      if (pieces.length < 2 || pieces.some((literal) => keyPattern(keyPrefixes).test(literal.text))) continue;
      found.push({ key: match[0], ranges });
    }
  }
  return found;
}

/** The first key-shaped text in the code, or `null`. */
export function findKey(code: string, keyPrefixes: readonly string[]): string | null {
  return findings(code, keyPrefixes)[0]?.key ?? null;
}

/** The code with every key-shaped text replaced by a note (a split key: each of its pieces). */
export function withoutKeys(code: string, keyPrefixes: readonly string[]): string {
  const ranges = findings(code, keyPrefixes)
    .flatMap((f) => f.ranges)
    .sort((a, b) => b[0] - a[0]);
  let out = code;
  let last = Infinity;
  for (const [start, end] of ranges) {
    if (end > last) continue; // overlaps a range already replaced
    out = out.slice(0, start) + KEY_REMOVED + out.slice(end);
    last = start;
  }
  return out;
}

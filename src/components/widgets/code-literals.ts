/**
 * Where the string literals and comments of JavaScript or TypeScript code are, found with a small
 * scanner rather than a regular expression over the whole text, so that a word inside a string
 * (`'Starting the import'`) is never read as syntax, and a key split into pieces
 * (`'sk_test_…' + '…'`) is still seen whole. Regular-expression literals are not recognised; a
 * quote inside one may start a string early, which only makes the scans more cautious.
 */

export interface Literal {
  /** Index of the opening quote. */
  start: number;
  /** Index just after the closing quote (or the end of the line or code, if unclosed). */
  end: number;
  /** The text between the quotes, escapes left as written. */
  text: string;
}

export interface ScannedCode {
  literals: Literal[];
  /** The code with comments and the inside of every literal blanked (same length and lines). */
  blanked: string;
}

const blank = (text: string) => text.replace(/[^\n]/g, ' ');

export function scanCode(code: string): ScannedCode {
  const literals: Literal[] = [];
  let blanked = '';
  let i = 0;
  while (i < code.length) {
    const c = code[i]!;
    const next = code[i + 1];
    if (c === '/' && next === '/') {
      const end = code.indexOf('\n', i);
      const stop = end === -1 ? code.length : end;
      blanked += blank(code.slice(i, stop));
      i = stop;
    } else if (c === '/' && next === '*') {
      const end = code.indexOf('*/', i + 2);
      const stop = end === -1 ? code.length : end + 2;
      blanked += blank(code.slice(i, stop));
      i = stop;
    } else if (c === "'" || c === '"' || c === '`') {
      let j = i + 1;
      while (j < code.length && code[j] !== c && (c === '`' || code[j] !== '\n')) j += code[j] === '\\' ? 2 : 1;
      const closed = j < code.length && code[j] === c;
      const end = Math.min(code.length, closed ? j + 1 : j);
      literals.push({ start: i, end, text: code.slice(i + 1, closed ? j : end) });
      blanked += c + blank(code.slice(i + 1, closed ? j : end)) + (closed ? c : '');
      i = end;
    } else {
      blanked += c;
      i += 1;
    }
  }
  return { literals, blanked };
}

/** Literals joined by nothing but `+`, `,` or white space: the pieces of one value. */
export function literalRuns(code: string, literals: readonly Literal[]): Literal[][] {
  const runs: Literal[][] = [];
  for (const literal of literals) {
    const run = runs.at(-1);
    const previous = run?.at(-1);
    if (run && previous && /^[\s+,]*$/.test(code.slice(previous.end, literal.start))) run.push(literal);
    else runs.push([literal]);
  }
  return runs;
}

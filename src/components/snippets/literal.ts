/**
 * Writes a JSON value as a literal of a programming language (a dict, hash, map or object), so a
 * snippet sends its body through the language's own JSON encoder instead of a string escaped by
 * hand. Each language gives its syntax; this module does the walking and the layout.
 */

/** Letters, marks, digits, punctuation, symbols and the plain space: what a reader can see. */
const VISIBLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

/**
 * Whether a character may stand as itself in source code. Everything else (control and format
 * characters such as U+202E, line and paragraph separators, unusual spaces, lone surrogates) is
 * written as an escape, so the code shows what it sends.
 */
export function isVisible(char: string): boolean {
  return VISIBLE.test(char);
}

export const hex = (code: number, width: number) => code.toString(16).padStart(width, '0');

/** Calls `escape` for each code point of `text` (a lone surrogate comes as one) and joins the results. */
export function escapeEach(text: string, escape: (char: string, code: number) => string): string {
  let out = '';
  for (const char of text) out += escape(char, char.codePointAt(0)!);
  return out;
}

export interface QuoteOptions {
  /** Characters written with a backslash before them besides the quote and the backslash, e.g. `$` in PHP. */
  escaped?: string;
  /** Which characters stand as themselves. @default isVisible */
  shown?: (char: string, code: number) => boolean;
  /** How the language writes any other character. */
  unicode: (char: string, code: number) => string;
}

/**
 * A string literal in the C family's style, which every snippet language but curl's shell uses:
 * a backslash before the quote, the backslash and `escaped`; `\n`, `\t`, `\r`; characters that
 * are `shown` as they are; the rest as `unicode` writes them.
 */
export function backslashQuoted(text: string, quote: '"' | "'", options: QuoteOptions): string {
  const escaped = `${quote}\\${options.escaped ?? ''}`;
  const shown = options.shown ?? isVisible;
  const body = escapeEach(text, (char, code) => {
    if (escaped.includes(char)) return `\\${char}`;
    if (char === '\n') return '\\n';
    if (char === '\t') return '\\t';
    if (char === '\r') return '\\r';
    if (shown(char, code)) return char;
    return options.unicode(char, code);
  });
  return `${quote}${body}${quote}`;
}

export interface LiteralSyntax {
  string(text: string): string;
  /** @default String(n) */
  number?(n: number): string;
  true: string;
  false: string;
  null: string;
  /** Opening and closing of a list. */
  array: readonly [string, string];
  /** Opening and closing of an object with these keys (PHP and Go need to know). */
  object(keys: string[]): readonly [string, string];
  /** How an empty object is written. */
  emptyObject: string;
  entry(key: string, value: string): string;
  indent: string;
}

/** The value as a literal, laid out one entry per line with a trailing comma (valid in every target language). */
export function literal(value: unknown, syntax: LiteralSyntax, depth = 0): string {
  if (value === null || value === undefined) return syntax.null;
  if (typeof value === 'boolean') return value ? syntax.true : syntax.false;
  if (typeof value === 'number') return syntax.number ? syntax.number(value) : String(value);
  if (typeof value === 'string') return syntax.string(value);
  const inner = syntax.indent.repeat(depth + 1);
  const outer = syntax.indent.repeat(depth);
  const block = ([open, close]: readonly [string, string], lines: string[]) =>
    `${open}\n${lines.map((line) => `${inner}${line},\n`).join('')}${outer}${close}`;
  if (Array.isArray(value)) {
    if (value.length === 0) return syntax.array.join('');
    return block(
      syntax.array,
      value.map((item) => literal(item, syntax, depth + 1)),
    );
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return syntax.emptyObject;
  return block(
    syntax.object(entries.map(([key]) => key)),
    entries.map(([key, item]) => syntax.entry(key, literal(item, syntax, depth + 1))),
  );
}

/**
 * The body as JSON text for languages without a JSON encoder in their standard library (Java,
 * C#) and for the shell: indented like the console shows it, with invisible characters written
 * as JSON `\u` escapes (the same data, visibly).
 */
export function jsonText(value: unknown): string {
  const text = JSON.stringify(value, null, 2);
  return escapeEach(text, (char, code) =>
    char === '\n' || isVisible(char)
      ? char
      : code > 0xffff
        ? char
            .split('')
            .map((unit) => `\\u${hex(unit.charCodeAt(0), 4)}`)
            .join('')
        : `\\u${hex(code, 4)}`,
  );
}

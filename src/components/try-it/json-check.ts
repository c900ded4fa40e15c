/**
 * Checks JSON the reader typed and says where it goes wrong, by line and column, in words.
 * Engines' own `JSON.parse` messages differ between browsers and often give no position at all
 * (V8: `Unexpected token '<', "<script>" is not valid JSON`), so a small scanner finds the spot;
 * `JSON.parse` then builds the value.
 */

export type JsonCheck = { ok: true; value: unknown } | { ok: false; line: number; column: number; message: string };

/** Deeper than any real request body; stops a hostile `[[[[…` from overflowing the stack. */
const MAX_DEPTH = 256;

class JsonProblem extends Error {
  readonly position: number;
  constructor(position: number, message: string) {
    super(message);
    this.position = position;
  }
}

function describe(char: string | undefined): string {
  if (char === undefined) return 'the end of the text';
  const code = char.codePointAt(0)!;
  if (code < 0x20 || code === 0x7f) return `a control character (U+${code.toString(16).toUpperCase().padStart(4, '0')})`;
  return `“${char}”`;
}

function scan(text: string): void {
  let i = 0;
  const fail = (message: string, at = i): never => {
    throw new JsonProblem(at, message);
  };
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };

  const string = () => {
    const start = i;
    i++; // the opening quote
    for (;;) {
      if (i >= text.length) fail('this string is never closed: a closing " is missing', start);
      const char = text[i]!;
      if (char === '"') {
        i++;
        return;
      }
      if (char === '\\') {
        const next = text[i + 1];
        if (next !== undefined && '"\\/bfnrt'.includes(next)) i += 2;
        else if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
        else fail('this backslash does not start a valid escape (use \\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX)');
        continue;
      }
      if (char < ' ') fail(`${describe(char)} cannot appear inside a string; write it escaped, e.g. \\n for a line break`);
      i++;
    }
  };

  const value = (depth: number): void => {
    if (depth > MAX_DEPTH) fail(`the value is nested more than ${MAX_DEPTH} levels deep`);
    space();
    const char = text[i];
    if (char === undefined) fail('the text ended where a value was expected');
    if (char === '{') return container('}', depth);
    if (char === '[') return container(']', depth);
    if (char === '"') return string();
    if (char === '-' || (char! >= '0' && char! <= '9')) {
      const match = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
      match.lastIndex = i;
      const found = match.exec(text);
      if (!found) fail('this is not a valid number');
      i += found![0].length;
      return;
    }
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    if (char === "'") fail('strings need double quotes (") in JSON, not single quotes');
    fail(`unexpected ${describe(char)}: expected a value (an object, array, string, number, true, false or null)`);
  };

  const container = (close: '}' | ']', depth: number) => {
    const object = close === '}';
    i++;
    space();
    if (text[i] === close) {
      i++;
      return;
    }
    for (;;) {
      space();
      if (object) {
        if (text[i] !== '"') {
          fail(
            text[i] === '}'
              ? 'a comma right before } is not allowed in JSON; remove it'
              : text[i] === undefined
                ? 'the text ended inside an object: a } is missing'
                : `expected a property name in double quotes, found ${describe(text[i])}`,
          );
        }
        string();
        space();
        if (text[i] !== ':') fail(`expected ":" after the property name, found ${describe(text[i])}`);
        i++;
      } else if (text[i] === ']') {
        fail('a comma right before ] is not allowed in JSON; remove it');
      }
      value(depth + 1);
      space();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === close) {
        i++;
        return;
      }
      fail(
        text[i] === undefined
          ? `the text ended inside ${object ? 'an object: a } is missing' : 'an array: a ] is missing'}`
          : `expected "," or "${close}", found ${describe(text[i])}`,
      );
    }
  };

  value(0);
  space();
  if (i < text.length) fail(`unexpected ${describe(text[i])} after the end of the JSON value`);
}

function lineAndColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, position);
  const lineStart = before.lastIndexOf('\n') + 1;
  // Columns count characters as people see them, so an emoji is one column.
  return { line: before.split('\n').length, column: Array.from(before.slice(lineStart)).length + 1 };
}

/** Empty text is no body (`undefined`). */
export function checkJson(text: string): JsonCheck {
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    scan(text);
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    if (error instanceof JsonProblem) return { ok: false, ...lineAndColumn(text, error.position), message: error.message };
    return { ok: false, line: 1, column: 1, message: 'the text is not valid JSON' };
  }
}

import { describe, expect, it } from 'vitest';
import { checkJson } from '../../../src/components/try-it/json-check.ts';

const problem = (text: string) => {
  const result = checkJson(text);
  return result.ok ? 'ok' : `${result.line}:${result.column} ${result.message}`;
};

describe('checkJson', () => {
  it('returns the value of valid JSON, and no body for empty text', () => {
    expect(checkJson('{"a": [1, 2.5e3, "x", true, null]}')).toEqual({ ok: true, value: { a: [1, 2500, 'x', true, null] } });
    expect(checkJson('  \n ')).toEqual({ ok: true, value: undefined });
  });

  it('says where JSON goes wrong, by line and column, in words', () => {
    expect(problem('{\n  "name": "CI",\n}')).toMatchInlineSnapshot(`"3:1 a comma right before } is not allowed in JSON; remove it"`);
    expect(problem('[1, 2,]')).toMatchInlineSnapshot(`"1:7 a comma right before ] is not allowed in JSON; remove it"`);
    expect(problem("{'name': 1}")).toMatchInlineSnapshot(`"1:2 expected a property name in double quotes, found “'”"`);
    expect(problem('{"name" 1}')).toMatchInlineSnapshot(`"1:9 expected ":" after the property name, found “1”"`);
    expect(problem('{"a": 1')).toMatchInlineSnapshot(`"1:8 the text ended inside an object: a } is missing"`);
    expect(problem('{"a": "b')).toMatchInlineSnapshot(`"1:7 this string is never closed: a closing " is missing"`);
    expect(problem('<script>alert(1)</script>')).toMatchInlineSnapshot(
      `"1:1 unexpected “<”: expected a value (an object, array, string, number, true, false or null)"`,
    );
    expect(problem('{"a": 1} x')).toMatchInlineSnapshot(`"1:10 unexpected “x” after the end of the JSON value"`);
    expect(problem('{"a": "\\q"}')).toMatchInlineSnapshot(
      `"1:8 this backslash does not start a valid escape (use \\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX)"`,
    );
    expect(problem('{"a": 01}')).toMatchInlineSnapshot(`"1:8 expected "," or "}", found “1”"`);
  });

  it('names control characters instead of printing them, and counts an emoji as one column', () => {
    expect(problem('{"a": "x\u0001"}')).toMatchInlineSnapshot(
      `"1:9 a control character (U+0001) cannot appear inside a string; write it escaped, e.g. \\n for a line break"`,
    );
    expect(problem('["🔑", x]')).toMatchInlineSnapshot(
      `"1:7 unexpected “x”: expected a value (an object, array, string, number, true, false or null)"`,
    );
  });

  it('stops deeply nested input instead of overflowing the stack', () => {
    expect(problem('['.repeat(100_000))).toMatch(/nested more than 256 levels deep/);
  });
});

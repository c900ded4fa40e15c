import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { keyNameSchema } from '../../../src/api/key-name.ts';
import { keyNameProblem } from '../../../src/api/runtime/key-name.ts';
import { loadModel } from '../../../src/api/index.ts';
import { presets } from '../../../src/api/presets/index.ts';
import { describeTextProblem, textProblem } from '../../../src/api/runtime/text.ts';
import { apiBodySchema, singleLine } from '../../../src/api/text-rules.ts';

describe('the text rule', () => {
  test.each([
    ['a NUL', 'a\u0000b', 'control'],
    ['a bell', 'bell\u0007', 'control'],
    ['DEL', 'x\u007f', 'control'],
    ['a C1 control (NEL)', 'x\u0085y', 'control'],
    ['a right-to-left override', 'invoice\u202Egpj.exe', 'bidi'],
    ['a first-strong isolate', 'a\u2068b', 'bidi'],
    ['a lone high surrogate', 'x\ud800', 'lone-surrogate'],
    ['a lone low surrogate', '\udc00x', 'lone-surrogate'],
    ['a surrogate pair in the wrong order', '\ude00\ud83d', 'lone-surrogate'],
  ])('refuses %s', (_, text, kind) => {
    expect(textProblem(text, { multiLine: true })?.kind).toBe(kind);
  });

  test('lets multi-line text keep line breaks and tabs, and single-line text not', () => {
    const text = 'first line\r\n\tsecond line\n';
    expect(textProblem(text, { multiLine: true })).toBeNull();
    expect(textProblem(text, { multiLine: false })).toEqual({ kind: 'line-break', codeUnit: 0x0d, index: 10 });
  });

  test('keeps emoji, other scripts, zero-width characters, quotes and markup', () => {
    const text = `Zoë "O'Brien" \\ 😀 𝄞 ✓ \u200b Ключ مفتاح <script>$HOME %s #{1}`;
    expect(textProblem(text, { multiLine: false })).toBeNull();
  });

  test('says which character and where, in words for the 422', () => {
    expect(describeTextProblem(textProblem('ab\u0007', { multiLine: true })!)).toMatchInlineSnapshot(
      `"contains a control character (U+0007 at character 3), which cannot be displayed; remove it"`,
    );
    expect(describeTextProblem(textProblem('a\u202Eb', { multiLine: true })!)).toMatchInlineSnapshot(
      `"contains an invisible text-direction character (U+202E at character 2), which can disguise what the text says; remove it"`,
    );
    expect(describeTextProblem(textProblem('\ud800', { multiLine: true })!)).toMatchInlineSnapshot(
      `"contains invalid Unicode (an unpaired surrogate, U+D800 at character 1); send the text as UTF-8"`,
    );
    expect(describeTextProblem(textProblem('a\nb', { multiLine: false })!)).toMatchInlineSnapshot(
      `"this field is a single line, but it contains a line break or tab (U+000A at character 2); remove it"`,
    );
  });
});

describe('API bodies', () => {
  const body = apiBodySchema(
    z.object({
      title: singleLine(z.string().trim().max(20)),
      text: z.string().max(50).describe('The message.'),
      tags: z.array(z.string()).max(2).optional(),
      nested: z.object({ note: z.string() }).optional(),
    }),
  );

  test('check every string, at any depth, before any trimming', () => {
    const issue = (value: unknown) => {
      const result = body.safeParse(value);
      return result.success ? null : [result.error.issues[0]!.path.join('.'), result.error.issues[0]!.code];
    };
    expect(issue({ title: 'ok', text: 'two\nlines\ttab' })).toBeNull();
    expect(issue({ title: 'ok\n', text: 'x' })).toEqual(['title', 'custom']);
    expect(issue({ title: 'ok', text: 'x\u0000' })).toEqual(['text', 'custom']);
    expect(issue({ title: 'ok', text: 'x', tags: ['a', 'b\u202E'] })).toEqual(['tags.1', 'custom']);
    expect(issue({ title: 'ok', text: 'x', nested: { note: '\ud800' } })).toEqual(['nested.note', 'custom']);
  });

  test('refuse unknown fields at any depth, and keep the other rules and descriptions', () => {
    const unknown = body.safeParse({ title: 'ok', text: 'x', colour: 'red', nested: { note: 'n', extra: 1 } });
    expect(unknown.success ? [] : unknown.error.issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['unrecognized_keys', 'nested'],
      ['unrecognized_keys', ''],
    ]);
    expect(body.safeParse({ title: 'x'.repeat(21), text: 'x' }).success).toBe(false);
    expect(body.safeParse({ title: 'ok', text: 'x', tags: ['a', 'b', 'c'] }).success).toBe(false);
    const schema = z.toJSONSchema(body, { io: 'input' }) as {
      additionalProperties: boolean;
      properties: Record<string, { description?: string }>;
    };
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties['text']!.description).toBe('The message.');
  });

  test.each(Object.keys(presets))('of %s: every body is strict and every string follows the rule', (name) => {
    for (const endpoint of loadModel(name).endpoints.filter((e) => e.body)) {
      const schema = z.toJSONSchema(endpoint.body!, { io: 'input', unrepresentable: 'any' }) as { additionalProperties?: boolean };
      expect(schema.additionalProperties, endpoint.id).toBe(false);
      const unknown = endpoint.body!.safeParse({ no_such_field: 1 });
      expect(unknown.success ? [] : unknown.error.issues.map((i) => i.code), endpoint.id).toContain('unrecognized_keys');
    }
  });
});

describe('the key-name rule the API and the key manager share', () => {
  test('says what to fix, in the form’s words', () => {
    expect(keyNameProblem('   ', 100)).toMatchInlineSnapshot(`"Give the key a name, e.g. “Production backend”."`);
    expect(keyNameProblem('x'.repeat(101), 100)).toMatchInlineSnapshot(`"Names are at most 100 characters; this one has 101. Shorten it."`);
    expect(keyNameProblem('tab\there', 100)).toMatch(/control characters/);
    expect(keyNameProblem('two\nlines', 100)).toMatch(/control characters/);
    expect(keyNameProblem('bell\u0007', 100)).toMatch(/control characters/);
    expect(keyNameProblem('invoice\u202Egpj.exe', 100)).toMatch(/text-direction/);
    expect(keyNameProblem('half \ud83d', 100)).toMatch(/invalid Unicode/);
    expect(keyNameProblem('  Ключ 🔑 \u200b مفتاح  ', 100)).toBeNull();
    expect(keyNameProblem('<script>alert(1)</script>', 100)).toBeNull();
    expect(keyNameProblem('x'.repeat(100), 100)).toBeNull();
  });

  test('is what the API enforces: the same message, the name stored trimmed', () => {
    const schema = keyNameSchema(100);
    for (const raw of ['', 'a\nb', 'a\u202Eb', '\udc00', 'x'.repeat(101), ' trailing newline\n']) {
      const result = schema.safeParse(raw);
      expect(result.success ? null : result.error.issues[0]!.message, JSON.stringify(raw)).toBe(keyNameProblem(raw, 100));
    }
    expect(schema.parse('  Production backend  ')).toBe('Production backend');
  });

  test.each(Object.keys(presets))('guards the key names of %s on create and update', (name) => {
    const model = loadModel(name);
    for (const id of ['keys.create', 'keys.update']) {
      const body = model.endpoints.find((e) => e.id === id)!.body!;
      const result = body.safeParse({ name: 'CI\r\nX-Injected: 1' });
      expect(result.success ? null : result.error.issues[0]!.message, id).toBe(
        keyNameProblem('CI\r\nX-Injected: 1', model.keyPolicy.nameMaxLength),
      );
    }
  });
});

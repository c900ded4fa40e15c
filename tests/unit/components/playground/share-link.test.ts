import { describe, expect, test } from 'vitest';
import { codeFromFragment, MAX_SHARE_LENGTH, shareFragment, ShareError } from '../../../../src/components/playground/share-link.ts';
import { findKey, withoutKeys } from '../../../../src/components/widgets/key-scan.ts';

const prefixes = ['sk_live_', 'sk_test_'];
const key = `sk_test_${'Ab3'.repeat(12)}x1y2z3`;

describe('share links', () => {
  test('carry the code compressed in the fragment and give it back unchanged', () => {
    const code = `import { createClient } from '@huechat/sdk';\n// ünïcödé and emoji 🔑\nconsole.log("it's fine");\n`;
    const fragment = shareFragment(code, prefixes);
    expect(fragment).toMatch(/^#code=[A-Za-z0-9_-]+$/);
    expect(codeFromFragment(fragment)).toBe(code);
  });

  test('are refused for code that contains a key, and name the key only masked', () => {
    expect(() => shareFragment(`const k = '${key}';`, prefixes)).toThrowError(ShareError);
    expect(() => shareFragment(`const k = '${key}';`, prefixes)).toThrowError(/contains an API key \(sk_test_Ab3A…y2z3\)/);
  });

  test('are refused when too long for a URL', () => {
    // Text that does not compress: a linear congruential generator's characters.
    let random = '';
    for (let i = 0, state = 42; i < 20_000; i++) {
      state = (state * 1_103_515_245 + 12_345) >>> 0;
      random += String.fromCharCode(33 + ((state >>> 16) % 90));
    }
    expect(() => shareFragment(random, prefixes)).toThrowError(new RegExp(`at most ${MAX_SHARE_LENGTH}`));
  });

  test('without code give null, and a cut-off link says so', () => {
    expect(codeFromFragment('#intro')).toBeNull();
    expect(() => codeFromFragment('#code=AAAA')).toThrowError(/could not be read/);
  });
});

describe('key scan', () => {
  test('finds key-shaped text and removes it, but not a prefix alone', () => {
    expect(findKey(`a ${key} b`, prefixes)).toBe(key);
    expect(findKey('process.env.KEY ?? "sk_test_…"', prefixes)).toBeNull();
    expect(withoutKeys(`'${key}'`, prefixes)).toBe(`'KEY_REMOVED_USE_PROCESS_ENV'`);
  });

  test('sees a key split into string pieces, and removes every piece', () => {
    const [a, b, c] = [key.slice(0, 10), key.slice(10, 25), key.slice(25)];
    for (const code of [
      `const k = '${a}' + '${b}' + "${c}";`,
      `const k = ['${a}', \`${b}\`, '${c}'].join('');`,
      `const k = '${a}' +\n  '${b}${c}';`,
    ]) {
      expect(findKey(code, prefixes), code).toBe(key);
      expect(withoutKeys(code, prefixes), code).not.toContain(b);
      expect(() => shareFragment(code, prefixes), code).toThrowError(ShareError);
    }
    expect(withoutKeys(`'${a}' + '${b}${c}'`, prefixes)).toBe(`'KEY_REMOVED_USE_PROCESS_ENV' + 'KEY_REMOVED_USE_PROCESS_ENV'`);
  });

  test('does not join strings that are not pieces of one value', () => {
    expect(findKey(`const prefix = 'sk_test_';\nconsole.log('${'a'.repeat(30)}');`, prefixes)).toBeNull();
  });
});

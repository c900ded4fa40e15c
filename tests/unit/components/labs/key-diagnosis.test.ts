import { expect, test } from 'vitest';
import { loadModel } from '../../../../src/api/index.ts';
import { generateKey } from '../../../../src/api/key-format.ts';
import { keyInspectorData } from '../../../../src/components/widgets/widget-data.ts';
import { diagnoseKey } from '../../../../src/components/labs/key-diagnosis.ts';

// The SDK's key helpers are generated for the default preset.
const model = loadModel('huechat');
const data = keyInspectorData(model);
const key = generateKey('sk_test_', model.keyFormat.randomLength, (n) => new Uint8Array(n).map((_, i) => (i * 37) % 248));
const check = (value: string) => diagnoseKey(value, data);

test('a valid key: its environment, and nothing to clean', () => {
  const d = check(key);
  expect(d.verdict).toBe('valid');
  expect(d.headline).toBe('Looks valid: a HueChat test key, and the checksum holds.');
  expect(d.info?.environment).toBe('test');
});

test('copy errors around a sound key are named, and the key under them is valid', () => {
  expect(check(` ${key}\n`).cleaning).toEqual(['it has spaces or line breaks around it']);
  expect(check(`export HUECHAT_API_KEY="${key}"`).cleaning).toEqual([
    'it was pasted with a variable name (e.g. HUECHAT_API_KEY=)',
    'it is wrapped in quotes',
  ]);
  expect(check(`X-API-Key: ${key}`).cleaning).toEqual(['it was pasted with its header name']);
  expect(check(`Bearer ${key}`).cleaning).toEqual(['it starts with “Bearer ”, which belongs in the header, not in the key']);
  expect(check(`${key.slice(0, 20)}\n${key.slice(20)}`).cleaning).toEqual(['it has a space or line break inside it (a wrapped line?)']);
  expect(check(`\u200B${key}`).cleaning).toEqual(['invisible characters (zero-width or non-breaking spaces) were pasted with it']);
  for (const value of [` ${key}\n`, `'${key}',`, `Bearer ${key}`]) expect(check(value).verdict).toBe('fixable');
});

test('a typo, a cut-off copy, an extra character and another product’s key are invalid, each for its reason', () => {
  const typo = key.slice(0, 12) + (key[12] === 'a' ? 'b' : 'a') + key.slice(13);
  expect(check(typo).headline).toMatch(/^Not a valid key: the checksum does not hold/);
  expect(check(key.slice(0, -3)).headline).toMatch(/^Not a valid key: it is 3 characters too short/);
  expect(check(`${key}x`).headline).toMatch(/^Not a valid key: it is 1 character too long/);
  expect(check(key + key).headline).toMatch(/two keys may have been pasted together/);
  expect(check(`cbp_live_${key.slice(8)}`).headline).toMatch(/starts with cbp_live_, not sk_live_ or sk_test_/);
});

test('the diagnosis never contains the key', () => {
  for (const value of [key, ` ${key} `, key.slice(0, -1)]) {
    expect(JSON.stringify(check(value))).not.toContain(key.slice(8, 30));
  }
});

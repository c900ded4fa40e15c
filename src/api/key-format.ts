/**
 * The key format, shared by the sandbox (which mints keys) and the SDK (which checks them
 * before sending): `<prefix><random base62><CRC-32 of prefix+random, base62, 6 chars>`.
 * Pure functions with no imports, so the SDK can bundle this file on its own.
 */

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export const CHECKSUM_LENGTH = 6;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(text: string): number {
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i++) crc = CRC_TABLE[(crc ^ text.charCodeAt(i)) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function toBase62(value: number, width: number): string {
  let out = '';
  for (let i = 0; i < width; i++) {
    out = BASE62[value % 62] + out;
    value = Math.floor(value / 62);
  }
  return out;
}

export function checksum(body: string): string {
  return toBase62(crc32(body), CHECKSUM_LENGTH);
}

/** Fills a byte array with secure random values; injectable so tests are repeatable. */
export type RandomBytes = (length: number) => Uint8Array;

export const secureRandomBytes: RandomBytes = (length) => crypto.getRandomValues(new Uint8Array(length));

/** Mints a key. Rejection sampling keeps every base62 character equally likely. */
export function generateKey(prefix: string, randomLength: number, random: RandomBytes = secureRandomBytes): string {
  let body = '';
  while (body.length < randomLength) {
    for (const byte of random(randomLength * 2)) {
      if (byte < 248 && body.length < randomLength) body += BASE62[byte % 62];
    }
  }
  return `${prefix}${body}${checksum(prefix + body)}`;
}

export interface KeyShape {
  /** The environment each prefix belongs to, e.g. `{ sk_live_: 'live', sk_test_: 'test' }`. */
  prefixes: Record<string, 'live' | 'test'>;
  randomLength: number;
}

export type KeyProblem =
  'empty' | 'whitespace' | 'quotes' | 'unknown_prefix' | 'too_short' | 'too_long' | 'bad_characters' | 'bad_checksum';

export type ParsedKey =
  | { valid: true; environment: 'live' | 'test'; prefix: string }
  | { valid: false; problem: KeyProblem; environment: 'live' | 'test' | null; prefix: string | null; detail: string };

/**
 * Checks a key offline: prefix, length, alphabet and checksum. Says what looks wrong in words
 * a reader can act on; never echoes the key.
 */
export function parseKey(key: string, shape: KeyShape): ParsedKey {
  const invalid = (problem: KeyProblem, detail: string, prefix: string | null = null): ParsedKey => ({
    valid: false,
    problem,
    detail,
    prefix,
    environment: prefix ? shape.prefixes[prefix]! : null,
  });
  if (key.length === 0) return invalid('empty', 'the key is empty');
  if (key.trim() !== key) return invalid('whitespace', 'the key has spaces or line breaks around it');
  if (/^["'`].*["'`]$/s.test(key)) return invalid('quotes', 'the key is wrapped in quotes');
  const prefix = Object.keys(shape.prefixes).find((p) => key.startsWith(p));
  if (!prefix) {
    const expected = Object.keys(shape.prefixes)
      .map((p) => `"${p}"`)
      .join(' or ');
    return invalid('unknown_prefix', `the key should start with ${expected}`);
  }
  const expectedLength = prefix.length + shape.randomLength + CHECKSUM_LENGTH;
  if (key.length < expectedLength) {
    return invalid('too_short', `the key is ${expectedLength - key.length} character(s) too short; it may be cut off`, prefix);
  }
  if (key.length > expectedLength) {
    return invalid('too_long', `the key is ${key.length - expectedLength} character(s) too long; something was pasted with it`, prefix);
  }
  const rest = key.slice(prefix.length);
  if (!/^[0-9A-Za-z]+$/.test(rest)) return invalid('bad_characters', 'the key contains characters no key has', prefix);
  const body = key.slice(0, -CHECKSUM_LENGTH);
  if (checksum(body) !== key.slice(-CHECKSUM_LENGTH)) {
    return invalid('bad_checksum', 'the checksum does not match: a character was mistyped', prefix);
  }
  return { valid: true, environment: shape.prefixes[prefix]!, prefix };
}

/** `sk_test_AbCd…wxyz`: enough to recognise a key, too little to use it. */
export function maskKey(key: string, prefixes: string[]): string {
  const prefix = prefixes.find((p) => key.startsWith(p)) ?? '';
  if (key.length < prefix.length + 16) return `${prefix}…`;
  const visible = key.slice(prefix.length, prefix.length + 4);
  return `${prefix}${visible}…${key.slice(-4)}`;
}

/**
 * Random ids for keys, records, events and requests (`key_…`, `ct_…`, `req_…`). They come
 * from the injected random source, so a test that fixes the randomness gets repeatable ids.
 */
import type { RandomBytes } from '../src/api/key-format.ts';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A random UUID (version 4) from the injected random source, for APIs whose record ids are UUIDs. */
export function randomUuid(random: RandomBytes): string {
  const bytes = random(16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** `prefix` + `length` base62 characters; rejection sampling keeps every character equally likely. */
export function randomId(prefix: string, random: RandomBytes, length = 16): string {
  let body = '';
  while (body.length < length) {
    for (const byte of random(length * 2)) {
      if (byte < 248 && body.length < length) body += BASE62[byte % 62];
    }
  }
  return prefix + body;
}

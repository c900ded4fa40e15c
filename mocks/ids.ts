/**
 * Random ids for keys, records, events and requests (`key_…`, `ct_…`, `req_…`). They come
 * from the injected random source, so a test that fixes the randomness gets repeatable ids.
 */
import type { RandomBytes } from '../src/api/key-format.ts';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

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

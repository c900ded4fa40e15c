/**
 * Share links carry the code, compressed, in the URL's fragment (`/playground/#code=…`): the
 * fragment never reaches a server, and the link never carries a key — code that contains one is
 * refused. Runs in the browser (the Share button, opening a link) and at build time (the docs'
 * "Open in the playground" links). fflate's raw DEFLATE, then base64url.
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { maskKey } from '../../api/key-format.ts';
import { findKey } from '../widgets/key-scan.ts';

export const SHARE_PARAM = 'code';
/** Longer links are refused: some servers, chat tools and browsers cut URLs near 8 000 characters. */
export const MAX_SHARE_LENGTH = 7000;

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

export class ShareError extends Error {
  override name = 'ShareError';
}

/** The fragment for some code, e.g. `#code=…`. Throws `ShareError` when it holds a key or is too long. */
export function shareFragment(code: string, keyPrefixes: readonly string[]): string {
  const key = findKey(code, keyPrefixes);
  if (key) {
    throw new ShareError(
      `The code contains an API key (${maskKey(key, [...keyPrefixes])}). Links never carry keys: read it from process.env instead, and choose the key in the playground.`,
    );
  }
  const fragment = `#${SHARE_PARAM}=${toBase64Url(deflateSync(strToU8(code), { level: 9 }))}`;
  if (fragment.length > MAX_SHARE_LENGTH) {
    throw new ShareError(`The code is too long for a link (${fragment.length} characters compressed, at most ${MAX_SHARE_LENGTH}).`);
  }
  return fragment;
}

/** The code in a fragment, `null` when there is none; throws `ShareError` when it cannot be read. */
export function codeFromFragment(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const packed = params.get(SHARE_PARAM);
  if (packed === null) return null;
  try {
    return strFromU8(inflateSync(fromBase64Url(packed)));
  } catch {
    throw new ShareError('The link’s code could not be read: it may have been cut off when it was copied.');
  }
}

/**
 * A reader's sandbox key exists only in their browser, so text built at build time (a curl
 * command) holds this in its place and the page puts the key in when the reader copies it.
 * Keys are letters, digits and `_`: no snippet language quotes or escapes this marker.
 */
export const KEY_PLACEHOLDER = '@@KEY@@';

export const withKey = (text: string, secret: string): string => text.replaceAll(KEY_PLACEHOLDER, secret);

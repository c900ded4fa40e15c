/**
 * The digest keys are stored and looked up by. Like a real service, the sandbox keeps only the
 * SHA-256 of a key (the model's `keyFormat.storedHash`), never the key itself.
 */

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

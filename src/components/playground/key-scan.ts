/** Finds key-shaped text in code, so that neither share links nor the saved code carry a key. */

function keyPattern(keyPrefixes: readonly string[]): RegExp {
  const prefixes = keyPrefixes.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  // Real keys have 30 and more characters after the prefix; 20 leaves room for a cut-off paste.
  return new RegExp(`(?:${prefixes})[0-9A-Za-z]{20,}`, 'g');
}

/** The first key-shaped text in the code, or `null`. */
export function findKey(code: string, keyPrefixes: readonly string[]): string | null {
  return keyPrefixes.length ? (keyPattern(keyPrefixes).exec(code)?.[0] ?? null) : null;
}

/** The code with every key-shaped text replaced by a note. */
export function withoutKeys(code: string, keyPrefixes: readonly string[]): string {
  return keyPrefixes.length ? code.replace(keyPattern(keyPrefixes), 'KEY_REMOVED_USE_PROCESS_ENV') : code;
}

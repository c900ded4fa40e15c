/**
 * The reader's last code, kept in localStorage (`keyport:playground:<product id>`) so it survives
 * a reload. Never a secret: key-shaped text is removed before saving.
 */
import { withoutKeys } from '../widgets/key-scan.ts';
import { persistedText } from '../widgets/persisted-store.ts';

const VERSION = 1;
export const codeStorageKey = (productId: string): string => `keyport:playground:${productId}`;

export interface SavedCode {
  code: string;
  /** The example the code started from, if any. */
  exampleId: string | null;
}

export function loadSavedCode(productId: string): SavedCode | null {
  try {
    const data = JSON.parse(persistedText(codeStorageKey(productId)).read() ?? 'null') as Partial<SavedCode> & { version?: number };
    if (data?.version !== VERSION || typeof data.code !== 'string') return null;
    return { code: data.code, exampleId: typeof data.exampleId === 'string' ? data.exampleId : null };
  } catch {
    return null;
  }
}

export function saveCode(productId: string, saved: SavedCode, keyPrefixes: readonly string[]): void {
  // Refused (private window, quota): the code lasts until the page closes.
  persistedText(codeStorageKey(productId)).write(
    JSON.stringify({ version: VERSION, code: withoutKeys(saved.code, keyPrefixes), exampleId: saved.exampleId }),
  );
}

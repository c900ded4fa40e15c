/**
 * The console's request as the reader fills it in, and the two places it travels without its key:
 * a shareable link (in the URL hash, so it never reaches a server) and the session's history.
 */

import { withoutKeys } from '../widgets/key-scan.ts';

export const NO_SCHEME = 'none';

export interface RequestDraft {
  /** Endpoint id, e.g. `contacts.get`. */
  endpoint: string;
  /** The `{id}` path parameter. */
  id: string;
  /** The path's other parameters (those before `{id}`), by name. */
  parents: Record<string, string>;
  query: Record<string, string>;
  /** The body as typed (may be invalid JSON). */
  body: string;
  /** An auth scheme id (`X-API-Key`, `bearer`, …) or `none`. */
  scheme: string;
}

/** How the key was chosen; never the key itself. */
export type KeyChoice = { source: 'wallet'; id: string; name: string } | { source: 'pasted' } | { source: 'none' };

const HASH_PREFIX = '#try-it=';
/** Longer links break in chat tools and address bars; the console says so instead. */
export const MAX_LINK_LENGTH = 8000;
const LIMITS = { id: 500, query: 500, body: 20_000 };

const str = (value: unknown, max: number): string => (typeof value === 'string' ? value.slice(0, max) : '');

/** Up to 20 named texts from untrusted data; anything else is dropped. */
function texts(value: unknown, max: number): Record<string, string> {
  const read: Record<string, string> = {};
  if (typeof value !== 'object' || value === null) return read;
  for (const [name, text] of Object.entries(value as Record<string, unknown>).slice(0, 20)) {
    if (typeof text === 'string') read[name.slice(0, 100)] = text.slice(0, max);
  }
  return read;
}

/** Reads a draft from untrusted data (a link, storage); `null` when it is not one. */
export function readDraft(value: unknown): RequestDraft | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (typeof v['endpoint'] !== 'string') return null;
  return {
    endpoint: v['endpoint'].slice(0, 100),
    id: str(v['id'], LIMITS.id),
    parents: texts(v['parents'], LIMITS.id),
    query: texts(v['query'], LIMITS.query),
    body: str(v['body'], LIMITS.body),
    scheme: str(v['scheme'], 100) || NO_SCHEME,
  };
}

/**
 * The draft with anything key-shaped in its id, query and body replaced by a note: a key pasted
 * into the body must not travel in a link or stay in the history. `removed` says whether it did.
 */
export function draftWithoutKeys(draft: RequestDraft, keyPrefixes: readonly string[]): { draft: RequestDraft; removed: boolean } {
  const clean = (text: string) => withoutKeys(text, keyPrefixes);
  const next: RequestDraft = {
    ...draft,
    id: clean(draft.id),
    parents: Object.fromEntries(Object.entries(draft.parents).map(([name, value]) => [name, clean(value)])),
    query: Object.fromEntries(Object.entries(draft.query).map(([name, value]) => [clean(name), clean(value)])),
    body: clean(draft.body),
  };
  return { draft: next, removed: JSON.stringify(next) !== JSON.stringify(draft) };
}

/**
 * The hash that carries a request (`#try-it=…`). `example` marks the documented example a
 * reference section links to, so the console does not present it as someone's shared request.
 */
export function requestHash(draft: RequestDraft, options: { example?: boolean } = {}): string {
  const data = {
    v: 1,
    endpoint: draft.endpoint,
    id: draft.id,
    ...(Object.keys(draft.parents).length ? { parents: draft.parents } : {}),
    query: draft.query,
    body: draft.body,
    scheme: draft.scheme,
  };
  return HASH_PREFIX + encodeURIComponent(JSON.stringify(options.example ? { ...data, example: true } : data));
}

/** The link to a request: this page with the request in the hash. Pass a draft without keys. */
export function shareLink(pageUrl: string, draft: RequestDraft): string {
  const url = new URL(pageUrl);
  url.hash = requestHash(draft);
  return url.href;
}

export type LinkResult = { found: false } | { found: true; draft: RequestDraft | null; example: boolean };

/** The draft a link's hash carries; `draft: null` when the hash is a console link that cannot be read. */
export function draftFromHash(hash: string): LinkResult {
  if (!hash.startsWith(HASH_PREFIX)) return { found: false };
  try {
    const data = JSON.parse(decodeURIComponent(hash.slice(HASH_PREFIX.length))) as unknown;
    const example = typeof data === 'object' && data !== null && (data as Record<string, unknown>)['example'] === true;
    return { found: true, draft: readDraft(data), example };
  } catch {
    return { found: true, draft: null, example: false };
  }
}

export interface HistoryEntry {
  /** Milliseconds since the epoch. */
  at: number;
  draft: RequestDraft;
  key: KeyChoice;
  /** HTTP status, or `null` when no response came. */
  status: number | null;
  /** e.g. "200 OK" or "Not sent: the key looks wrong". */
  outcome: string;
  ms: number | null;
}

const HISTORY_LIMIT = 20;
export const historyStorageKey = (productId: string): string => `keyport:try-it:history:${productId}`;

function readKeyChoice(value: unknown): KeyChoice {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  if (v['source'] === 'wallet' && typeof v['id'] === 'string' && typeof v['name'] === 'string') {
    return { source: 'wallet', id: v['id'], name: v['name'] };
  }
  return v['source'] === 'pasted' ? { source: 'pasted' } : { source: 'none' };
}

export function loadHistory(productId: string): HistoryEntry[] {
  try {
    const raw = JSON.parse(sessionStorage.getItem(historyStorageKey(productId)) ?? '[]') as unknown;
    if (!Array.isArray(raw)) return [];
    return raw.flatMap((item: Record<string, unknown>): HistoryEntry[] => {
      const draft = readDraft(item?.['draft']);
      if (!draft || typeof item['at'] !== 'number') return [];
      return [
        {
          at: item['at'],
          draft,
          key: readKeyChoice(item['key']),
          status: typeof item['status'] === 'number' ? item['status'] : null,
          outcome: str(item['outcome'], 300),
          ms: typeof item['ms'] === 'number' ? item['ms'] : null,
        },
      ];
    });
  } catch {
    return [];
  }
}

/** Adds an entry (newest first) and returns the new history; storage failures keep it in memory. */
/** Adds an attempt to the session's history; anything key-shaped in its draft is removed first. */
export function addToHistory(
  productId: string,
  history: HistoryEntry[],
  entry: HistoryEntry,
  keyPrefixes: readonly string[],
): HistoryEntry[] {
  const next = [{ ...entry, draft: draftWithoutKeys(entry.draft, keyPrefixes).draft }, ...history].slice(0, HISTORY_LIMIT);
  try {
    sessionStorage.setItem(historyStorageKey(productId), JSON.stringify(next));
  } catch {
    // Storage full or blocked: the history still lasts while the page is open.
  }
  return next;
}

export function clearHistory(productId: string): void {
  try {
    sessionStorage.removeItem(historyStorageKey(productId));
  } catch {
    // Nothing stored, nothing to clear.
  }
}

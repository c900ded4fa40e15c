import { describe, expect, it } from 'vitest';
import {
  addToHistory,
  draftFromHash,
  draftWithoutKeys,
  readDraft,
  shareLink,
  type RequestDraft,
} from '../../../src/components/try-it/request-draft.ts';

const draft: RequestDraft = {
  endpoint: 'contacts.create',
  id: '',
  parents: {},
  query: {},
  body: '{"name": "Ключ 🔑 <b>"}',
  scheme: 'X-API-Key',
};

describe('shared links', () => {
  it('carry the request in the hash and read back the same, unicode included', () => {
    const link = shareLink('https://docs.example.com/quickstart/?x=1#old', draft);
    const url = new URL(link);
    expect(url.pathname + url.search).toBe('/quickstart/?x=1');
    expect(draftFromHash(url.hash)).toEqual({ found: true, draft, example: false });
  });

  it('have no place for a key: only the draft’s fields are written', () => {
    const withExtra = { ...draft, key: 'sk_test_secret' } as RequestDraft;
    expect(shareLink('https://docs.example.com/', withExtra)).not.toContain('sk_test_secret');
  });

  it('lose a key typed into the body, query or id, however it is quoted or split across fields', () => {
    const key = `sk_test_${'Zq9'.repeat(11)}`;
    const typed: RequestDraft = { ...draft, id: key, query: { note: `x${key}` }, body: `{"name": "${key}", "other": "fine"}` };
    const { draft: clean, removed } = draftWithoutKeys(typed, ['sk_live_', 'sk_test_']);
    expect(removed).toBe(true);
    expect(JSON.stringify(clean)).not.toContain(key.slice(8));
    expect(clean.body).toBe('{"name": "KEY_REMOVED_USE_PROCESS_ENV", "other": "fine"}');
    expect(draftWithoutKeys(draft, ['sk_test_'])).toEqual({ draft, removed: false });
    const history = addToHistory('huechat', [], { at: 1, draft: typed, key: { source: 'pasted' }, status: 200, outcome: '200 OK', ms: 3 }, [
      'sk_test_',
    ]);
    expect(JSON.stringify(history)).not.toContain(key.slice(8));
  });

  it('report a console link that cannot be read, and ignore other hashes', () => {
    expect(draftFromHash('#try-it=%7Bbroken')).toEqual({ found: true, draft: null, example: false });
    expect(draftFromHash('#try-it=%E0%A4%A')).toEqual({ found: true, draft: null, example: false });
    expect(draftFromHash('#revoked-api-key')).toEqual({ found: false });
  });

  it('read untrusted drafts defensively: strings only, bounded lengths', () => {
    expect(readDraft({ endpoint: 42 })).toBeNull();
    const read = readDraft({ endpoint: 'x', id: 'i'.repeat(10_000), query: { limit: 5, q: 'ok' }, body: { not: 'text' } })!;
    expect(read.id).toHaveLength(500);
    expect(read.query).toEqual({ q: 'ok' });
    expect(read.body).toBe('');
    expect(read.scheme).toBe('none');
  });
});

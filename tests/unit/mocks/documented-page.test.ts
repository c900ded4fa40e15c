import { describe, expect, test } from 'vitest';
import { documentedPage } from '../../../mocks/paginate.ts';
import { listPagingSchema } from '../../../src/api/schema/endpoints.ts';

const records = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id }));
const paging = (input: Record<string, unknown>) => listPagingSchema.parse(input);

describe('a list in its document’s own paging style', () => {
  test('page and per_page choose the records by page number, and meta.total counts them all', () => {
    const style = paging({
      style: 'page',
      limit: 'per_page',
      position: 'page',
      items: 'droplets',
      envelope: { links: {}, meta: { total: 1 } },
    });
    expect(documentedPage(records, style, { per_page: 2, page: 2 })).toEqual({
      droplets: [{ id: 'c' }, { id: 'd' }],
      links: {},
      meta: { total: 5 },
    });
    expect(documentedPage(records, style, { per_page: 2, page: 3 })).toEqual({ droplets: [{ id: 'e' }], links: {}, meta: { total: 5 } });
  });

  test('limit and offset skip records, and has_more says whether any are left', () => {
    const style = paging({ style: 'offset', limit: 'limit', position: 'offset', items: 'data', envelope: { has_more: true, total: 0 } });
    expect(documentedPage(records, style, { limit: 3, offset: 1 })).toEqual({
      data: [{ id: 'b' }, { id: 'c' }, { id: 'd' }],
      has_more: true,
      total: 5,
    });
    expect(documentedPage(records, style, { limit: 3, offset: 3 })).toEqual({
      data: [{ id: 'd' }, { id: 'e' }],
      has_more: false,
      total: 5,
    });
  });

  test('a cursor continues after the record it names; done and the next cursor follow', () => {
    const style = paging({
      style: 'cursor',
      limit: 'limit',
      position: 'iterator',
      items: 'data',
      envelope: { done: false, iterator: 'x' },
    });
    expect(documentedPage(records, style, { limit: 2 })).toEqual({ data: [{ id: 'a' }, { id: 'b' }], done: false, iterator: 'b' });
    expect(documentedPage(records, style, { limit: 2, iterator: 'c' })).toEqual({
      data: [{ id: 'd' }, { id: 'e' }],
      done: true,
      iterator: null,
    });
    expect(documentedPage(records, style, { limit: 2, iterator: 'nope' })).toBeNull();
  });

  test('a bare array answers every record when the document has no paging parameters', () => {
    expect(documentedPage(records, paging({ style: 'all' }), {})).toEqual(records);
  });
});

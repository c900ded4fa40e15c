/**
 * Cursor pagination shared by every list: `?limit` and `?starting_after=<id>` in,
 * `{data, has_more, next_cursor}` out. `null` when the cursor names no item of the list. Lists of
 * an imported document whose paging was recognised page its way instead (`documentedPage`).
 */
import type { ListPaging } from '../src/api/schema/endpoints.ts';

export interface Page<T> {
  data: T[];
  has_more: boolean;
  next_cursor: string | null;
}

export function paginate<T extends { id: string }>(
  items: readonly T[],
  query: { limit: number; starting_after?: string | undefined },
): Page<T> | null {
  let start = 0;
  if (query.starting_after !== undefined) {
    const index = items.findIndex((item) => item.id === query.starting_after);
    if (index === -1) return null;
    start = index + 1;
  }
  const data = items.slice(start, start + query.limit);
  const has_more = start + query.limit < items.length;
  return { data, has_more, next_cursor: has_more ? data.at(-1)!.id : null };
}

/** Fields the sandbox sets in a document's own list response (see `listPagingSchema`). */
const HAS_MORE = ['has_more', 'hasMore'];
const TOTAL = ['total', 'total_count', 'totalCount'];
const NEXT_CURSOR = ['next_cursor', 'nextCursor', 'iterator', 'next'];

/** A whole number from the query, or `fallback` when the parameter is absent or not one. */
const whole = (value: unknown, fallback: number) => (typeof value === 'number' && Number.isInteger(value) ? value : fallback);

/**
 * One page in the document's own style: the records chosen by its cursor, offset or page number,
 * inside the response it documents, with `has_more`, `done`, the total and the next cursor set
 * where it has them. `null` when the cursor names no item of the list.
 */
export function documentedPage<T extends { id: string }>(items: readonly T[], paging: ListPaging, query: Record<string, unknown>): unknown {
  const limit = paging.style === 'all' ? items.length : Math.max(1, whole(paging.limit && query[paging.limit], 20));
  let start = 0;
  const position = paging.position === undefined ? undefined : query[paging.position];
  if (paging.style === 'offset') start = Math.max(0, whole(position, 0));
  if (paging.style === 'page') start = (Math.max(1, whole(position, 1)) - 1) * limit;
  if (paging.style === 'cursor' && typeof position === 'string' && position !== '') {
    const index = items.findIndex((item) => item.id === position);
    if (index === -1) return null;
    start = index + 1;
  }
  const data = items.slice(start, start + limit);
  if (paging.items === undefined) return data;
  const hasMore = start + limit < items.length;
  const body: Record<string, unknown> = structuredClone(paging.envelope);
  body[paging.items] = data;
  for (const name of Object.keys(body)) {
    if (HAS_MORE.includes(name)) body[name] = hasMore;
    else if (name === 'done') body[name] = !hasMore;
    else if (TOTAL.includes(name)) body[name] = items.length;
    else if (NEXT_CURSOR.includes(name) && paging.style === 'cursor') body[name] = hasMore ? data.at(-1)!.id : null;
  }
  const meta = body['meta'];
  if (typeof meta === 'object' && meta !== null && 'total' in meta) (meta as Record<string, unknown>)['total'] = items.length;
  return body;
}

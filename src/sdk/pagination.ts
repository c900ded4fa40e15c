/** Cursor pagination: yields every record, fetching the next page only when it is needed. */

export interface Page<T> {
  data: T[];
  has_more: boolean;
  next_cursor: string | null;
}

export async function* paginate<T, Q extends { starting_after?: string }>(
  fetchPage: (query: Q) => Promise<Page<T>>,
  query: Q = {} as Q,
): AsyncGenerator<T, void, undefined> {
  let cursor: string | null = null;
  do {
    const page: Page<T> = await fetchPage(cursor ? { ...query, starting_after: cursor } : query);
    yield* page.data;
    cursor = page.has_more ? page.next_cursor : null;
  } while (cursor);
}

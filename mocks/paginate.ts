/**
 * Cursor pagination shared by every list: `?limit` and `?starting_after=<id>` in,
 * `{data, has_more, next_cursor}` out. `null` when the cursor names no item of the list.
 */

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

import { errorDocsPath, type ApiModel } from '../../api/index.ts';

/** Auth errors first (what readers come for), then the rest by status. */
export function errorStatusOrder(model: ApiModel): number[] {
  const statuses = [...new Set(model.errors.map((error) => error.status))].sort((a, b) => a - b);
  const first = [401, 403, 429].filter((status) => statuses.includes(status));
  return [...first, ...statuses.filter((status) => !first.includes(status))];
}

/** The errors page's table of contents: a heading per status and per error. */
export function errorHeadings(model: ApiModel) {
  return errorStatusOrder(model).flatMap((status) => [
    { depth: 2, slug: `status-${status}`, text: `${status} errors` },
    ...model.errors
      .filter((error) => error.status === status)
      .map((error) => ({ depth: 3, slug: errorDocsPath(error.id).split('#')[1]!, text: error.title })),
  ]);
}

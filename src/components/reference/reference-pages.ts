/** The API reference is one page per endpoint tag, derived from the model. */
import type { ApiModel } from '../../api/index.ts';
import type { Endpoint } from '../../api/schema/endpoints.ts';

export interface ReferencePage {
  tag: string;
  slug: string;
  endpoints: Endpoint[];
}

export function referencePages(model: ApiModel): ReferencePage[] {
  const tags = [...new Set(model.endpoints.map((endpoint) => endpoint.tag))];
  const slugs = new Set<string>();
  return tags.map((tag) => ({
    tag,
    slug: uniqueSlug(tag, slugs),
    endpoints: model.endpoints.filter((endpoint) => endpoint.tag === tag),
  }));
}

/** The tag as a URL slug that no other page has: "Pets" and "pets" may both be tags. */
function uniqueSlug(tag: string, taken: Set<string>): string {
  const base =
    tag
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'endpoints';
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  taken.add(slug);
  return slug;
}

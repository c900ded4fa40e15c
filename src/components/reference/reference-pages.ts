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
  return tags.map((tag) => ({
    tag,
    slug: tag
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, ''),
    endpoints: model.endpoints.filter((endpoint) => endpoint.tag === tag),
  }));
}

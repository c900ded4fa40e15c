/** The error statuses an endpoint can answer, read from the OpenAPI document (built once). */
import { model } from '../../api/index.ts';
import { openApiDocument } from '../../api/openapi.ts';
import type { Endpoint } from '../../api/schema/endpoints.ts';

type Paths = Record<string, Record<string, { responses: Record<string, unknown> }>>;
let paths: Paths | undefined;

export function errorStatuses(endpoint: Endpoint): number[] {
  paths ??= openApiDocument(model)['paths'] as Paths;
  const responses = paths[endpoint.path]?.[endpoint.method.toLowerCase()]?.responses ?? {};
  return Object.keys(responses)
    .map(Number)
    .filter((status) => status >= 400)
    .sort((a, b) => a - b);
}

/** The OpenAPI 3.1 document of the selected preset, generated from the model at build time. */
import { model } from '../api/index.ts';
import { openApiDocument } from '../api/openapi.ts';

export function GET(): Response {
  return new Response(JSON.stringify(openApiDocument(model), null, 2), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
}

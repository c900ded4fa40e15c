/**
 * An API that takes its key in the query string: the huechat preset's own OpenAPI document with
 * its security schemes replaced by `apiKey in: query` (and, when asked, a header scheme after it),
 * imported back. Tests of the sandbox, the importer and the snippets share it.
 */
import { importOpenApiObject } from '../../src/api/import/index.ts';
import { loadModel, type ApiModel } from '../../src/api/index.ts';
import { openApiDocument } from '../../src/api/openapi.ts';

export const QUERY_KEY_PARAM = 'api_key';
export const ALSO_HEADER = 'X-API-Key';

type Json = Record<string, any>;

/** The document; `alsoHeader` declares `X-API-Key` as a second, equivalent scheme. */
export function queryKeyDocument({ alsoHeader = false } = {}): Json {
  const document = JSON.parse(JSON.stringify(openApiDocument(loadModel('huechat')))) as Json;
  document['components'].securitySchemes = {
    KeyInQuery: { type: 'apiKey', in: 'query', name: QUERY_KEY_PARAM },
    ...(alsoHeader ? { KeyInHeader: { type: 'apiKey', in: 'header', name: ALSO_HEADER } } : {}),
  };
  const requirements = (scopes: unknown) => [{ KeyInQuery: scopes }, ...(alsoHeader ? [{ KeyInHeader: scopes }] : [])];
  document['security'] = requirements([]);
  for (const item of Object.values(document['paths'] as Json)) {
    for (const operation of Object.values(item as Json)) {
      if (operation.security) operation.security = requirements(Object.values(operation.security[0] as Json)[0]);
    }
  }
  return document;
}

export async function queryKeyModel(options: { alsoHeader?: boolean } = {}): Promise<ApiModel> {
  const { model, warnings } = await importOpenApiObject(queryKeyDocument(options), 'query-key-api.json');
  if (warnings.length) throw new Error(`The query-key document imports with warnings: ${JSON.stringify(warnings)}`);
  return model;
}

/**
 * The snippets of portals built from the public OpenAPI documents under tests/fixtures/openapi/,
 * run as printed in every language against a sandbox server serving each document
 * (`KEYPORT_SPEC`): one REST collection's endpoints (list, create, read, change, delete), an
 * operation answered from the document with the body it documents, and one it answers to a
 * plain GET. The SDK is left out: its bundle is built for the default preset.
 */
import { importOpenApiFile } from '../../../src/api/import/index.ts';
import type { ApiModel } from '../../../src/api/model.ts';
import type { Endpoint } from '../../../src/api/schema/endpoints.ts';
import { SNIPPET_LANGUAGES } from '../../../src/components/snippets/languages.ts';
import { documentFixtures } from '../../fixtures/openapi/documents.ts';
import { describeSnippets } from './run-snippets.ts';

/** Runs as printed: no path parameter and no required query parameter to fill in. */
const plain = (e: Endpoint) => !e.path.includes('{') && (!e.query || e.query.safeParse({}).success);

/** The endpoints run for a document: a whole collection and two operations answered from the document. */
function chosen(model: ApiModel): (endpoint: Endpoint) => boolean {
  const list = model.endpoints.find((e) => e.action.type === 'list' && 'collection' in e.action);
  const collection = list && 'collection' in list.action ? list.action.collection : undefined;
  const answered = model.endpoints.filter((e) => e.action.type === 'example' && plain(e));
  const withBody = answered.find((e) => e.body && e.requestExample);
  const plainGet = answered.find((e) => e.method === 'GET');
  return (e) => ('collection' in e.action && e.action.collection === collection) || e === withBody || e === plainGet;
}

for (const fixture of documentFixtures()) {
  const { model } = await importOpenApiFile(fixture.file);
  for (const { id } of SNIPPET_LANGUAGES) {
    if (id === 'sdk') continue;
    describeSnippets(id, {
      model,
      label: `the ${fixture.name} document's sandbox`,
      sandboxEnv: { KEYPORT_SPEC: fixture.file },
      endpoints: chosen(model),
      hostile: false,
    });
  }
}

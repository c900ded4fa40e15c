/**
 * The snippets of portals built from the public OpenAPI documents under tests/fixtures/openapi/,
 * run as printed against a sandbox server serving each document
 * (`KEYPORT_SPEC`): one REST collection's endpoints (list, create, read, change, delete), an
 * operation answered from the document with the body it documents, and one it answers to a
 * plain GET. The SDK is left out: its bundle is built for the default preset.
 */
import { importOpenApiFile } from '../../../src/api/import/index.ts';
import type { ApiModel } from '../../../src/api/model.ts';
import type { Endpoint } from '../../../src/api/schema/endpoints.ts';
import type { SnippetLanguage } from '../../../src/components/snippets/languages.ts';
import { callableAsIs } from '../../fixtures/openapi/callable.ts';
import { testedDocuments } from '../../fixtures/openapi/documents.ts';
import { describeSnippets } from './run-snippets.ts';

/** The endpoints run for a document: a whole collection and two operations answered from the document. */
function chosen(model: ApiModel): (endpoint: Endpoint) => boolean {
  const list = model.endpoints.find((e) => e.action.type === 'list' && 'collection' in e.action);
  const collection = list && 'collection' in list.action ? list.action.collection : undefined;
  const answered = model.endpoints.filter((e) => e.action.type === 'example' && callableAsIs(e));
  const withBody = answered.find((e) => e.body && e.requestExample);
  const plainGet = answered.find((e) => e.method === 'GET');
  return (e) => ('collection' in e.action && e.action.collection === collection) || e === withBody || e === plainGet;
}

const documents = await Promise.all(
  testedDocuments().map(async (fixture) => ({ fixture, model: (await importOpenApiFile(fixture.file)).model })),
);

/**
 * Each document runs in half the languages, alternating, so every language runs against half the
 * documents (three of six) and the suite stays within CI's time; the preset suites run every
 * language on every endpoint. One document alone (`KEYPORT_SPEC=… npm test`) runs in all of them.
 */
export function describeDocumentSnippets(language: Exclude<SnippetLanguage, 'sdk'>, half: 0 | 1): void {
  for (const [index, { fixture, model }] of documents.entries()) {
    if (documents.length > 1 && index % 2 !== half) continue;
    describeSnippets(language, {
      model,
      label: `the ${fixture.name} document's sandbox`,
      sandboxEnv: { KEYPORT_SPEC: fixture.file },
      endpoints: chosen(model),
      hostile: false,
      // The preset suites check the generators; these check what each document's API makes of them.
      generatorChecks: false,
    });
  }
}

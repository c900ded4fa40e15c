/**
 * The snippets of an API that takes its key only in the query string (`?api_key=`), run for real
 * against a sandbox server serving that API (`KEYPORT_SPEC`): the key goes in the URL beside the
 * endpoint's own parameters, read from the environment variable and URL-encoded by each
 * language. The SDK is left out: its bundle is built for the preset (its query scheme is tested
 * in tests/unit/sdk/query-key.test.ts).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { importOpenApiObject } from '../../../src/api/import/index.ts';
import { SNIPPET_LANGUAGES } from '../../../src/components/snippets/languages.ts';
import { queryKeyDocument } from '../../helpers/query-key-api.ts';
import { describeSnippets } from './run-snippets.ts';

const document = queryKeyDocument();
const dir = mkdtempSync(join(tmpdir(), 'keyport-query-key-'));
const spec = join(dir, 'query-key-api.json');
writeFileSync(spec, JSON.stringify(document));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const { model } = await importOpenApiObject(document, spec);
const collection = model.endpoints.find((e) => e.action.type === 'list' && 'collection' in e.action)!.action as { collection: string };

for (const { id } of SNIPPET_LANGUAGES) {
  if (id === 'sdk') continue;
  describeSnippets(id, {
    model,
    label: 'a sandbox of an API that takes the key in the query string',
    sandboxEnv: { KEYPORT_SPEC: spec },
    // One collection's endpoints: every method, a path id and a body, without running all of them twice.
    endpoints: (e) => 'collection' in e.action && e.action.collection === collection.collection,
    hostile: false,
  });
}

/**
 * A build carries the imported document to the browser's sandbox as one bundled JSON object
 * (`scripts/generate-spec.ts`) and imports it there without the OpenAPI parser. That must give the
 * very model the parser's import gives, for documents split across files too.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { bundleOpenApiFile, importOpenApi, importOpenApiFile } from '../../../../src/api/import/index.ts';
import { resolveLocalRefs } from '../../../../src/api/import/local-refs.ts';
import type { OpenApiDocument } from '../../../../src/api/import/document.ts';
import { openApiDocument } from '../../../../src/api/openapi.ts';
import { importedDocumentSource } from '../../../../scripts/generate-spec.ts';
import { documentFixtures } from '../../../fixtures/openapi/documents.ts';

/** What the build carries: the bundle as JSON text, parsed again, resolved without the parser. */
async function carried(file: string) {
  const bundled = JSON.parse(JSON.stringify(await bundleOpenApiFile(file))) as OpenApiDocument;
  return importOpenApi(resolveLocalRefs(bundled), file);
}

describe.each(documentFixtures().map((d) => d.file))('%s', (file) => {
  test('carried as a bundle, it imports to the same model and the same warnings', async () => {
    const direct = await importOpenApiFile(file);
    const viaBundle = await carried(file);
    expect(openApiDocument(viaBundle.model)).toEqual(openApiDocument(direct.model));
    expect(viaBundle.warnings).toEqual(direct.warnings);
    // DigitalOcean's 2,907 files are read, bundled and imported twice: about 5 s alone, more beside other suites.
  }, 60_000);
});

test('a document split across files is carried whole, a circular schema staying a reference', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'keyport-carried-'));
  try {
    writeFileSync(
      join(folder, 'schemas.yaml'),
      [
        'Note:',
        '  type: object',
        '  required: [text]',
        '  properties:',
        '    id: { type: string }',
        '    text: { type: string, maxLength: 20 }',
        "    replies: { type: array, items: { $ref: '#/Note' } }",
      ].join('\n'),
    );
    const file = join(folder, 'openapi.yaml');
    writeFileSync(
      file,
      [
        'openapi: 3.1.0',
        'info: { title: Notes, version: "1" }',
        'servers: [{ url: "https://api.notes.test/v1" }]',
        'components:',
        '  securitySchemes: { key: { type: apiKey, in: header, name: X-Notes-Key } }',
        'security: [{ key: [] }]',
        'paths:',
        '  /notes:',
        '    get: { responses: { "200": { description: ok, content: { application/json: { schema: { type: array, items: { $ref: "schemas.yaml#/Note" } } } } } } }',
        '    post:',
        '      requestBody: { content: { application/json: { schema: { $ref: "schemas.yaml#/Note" } } } }',
        '      responses: { "201": { description: made, content: { application/json: { schema: { $ref: "schemas.yaml#/Note" } } } } }',
        '  /notes/{id}:',
        '    parameters: [{ name: id, in: path, required: true, schema: { type: string } }]',
        '    get: { responses: { "200": { description: ok, content: { application/json: { schema: { $ref: "schemas.yaml#/Note" } } } } } }',
        '    delete: { responses: { "204": { description: gone } } }',
      ].join('\n'),
    );
    const direct = await importOpenApiFile(file);
    const viaBundle = await carried(file);
    expect(openApiDocument(viaBundle.model)).toEqual(openApiDocument(direct.model));
    const create = viaBundle.model.endpoints.find((e) => e.method === 'POST' && e.path === '/notes')!;
    expect(create.body!.safeParse({ text: 'short', replies: [{ anything: true }] }).success).toBe(true);
    expect(create.body!.safeParse({ text: 'x'.repeat(21) }).success).toBe(false);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('the generated module holds the document as JSON text, or null when the build uses a preset', () => {
  expect(importedDocumentSource(null)).toContain('export const importedDocument: ImportedDocumentFile | null = null;');
  const source = importedDocumentSource({ file: 'api.yaml', document: { openapi: '3.1.0', info: { title: 'It\'s "quoted"' } } });
  const json = /JSON\.parse\(("(?:[^"\\]|\\.)*")\)/.exec(source)![1]!;
  expect(JSON.parse(JSON.parse(json) as string)).toEqual({ openapi: '3.1.0', info: { title: 'It\'s "quoted"' } });
  expect(source).toContain('file: "api.yaml"');
});

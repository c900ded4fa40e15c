/**
 * Bring your own OpenAPI: an OpenAPI 3.0/3.1 document (JSON or YAML) becomes the same model a
 * preset declares, validated by the same schema with the same friendly errors, each placed at the
 * JSON pointer it comes from. `x-keyport` overrides what is derived from the document; what
 * Keyport cannot represent is returned as warnings. Build-time only (Node): it reads files.
 *
 * One module per job: `read-document` (parse, resolve, validate), `auth`, `scopes`, `operations`,
 * `collections`, `error-format`, `defaults`, `extension` (the `x-keyport` objects), `json-schema`
 * (JSON Schema → zod) and `problems` (errors and warnings).
 */
import { importOpenApi, type ImportResult } from './import-document.ts';
import { readOpenApiFile, readOpenApiObject } from './read-document.ts';

export { bundleOpenApiFile } from './read-document.ts';

export { importOpenApi, type ImportResult } from './import-document.ts';
export { OpenApiImportError, type ImportProblem, type ImportWarning } from './problems.ts';

/** Reads, validates and imports the document at `file` (JSON or YAML, `$ref`s to local files resolved). */
export async function importOpenApiFile(file: string): Promise<ImportResult> {
  return importOpenApi(await readOpenApiFile(file), file);
}

/** Validates and imports a document held in memory, e.g. one Keyport wrote. */
export async function importOpenApiObject(document: object, label = 'document'): Promise<ImportResult> {
  return importOpenApi(await readOpenApiObject(document, label), label);
}

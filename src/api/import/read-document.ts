/**
 * Reads an OpenAPI document, JSON or YAML, from a file or from memory; resolves its `$ref`s (also
 * those to other local files) and checks it against the OpenAPI schema. Anything unreadable or
 * invalid stops here with the file, the JSON pointer and what to fix.
 */
import SwaggerParser from '@apidevtools/swagger-parser';
import type { OpenApiDocument } from './document.ts';
import { resolveLocalRefs } from './local-refs.ts';
import { OpenApiImportError, pointer, type ImportProblem } from './problems.ts';

interface ValidationDetail {
  instancePath?: string;
  message?: string;
  params?: Record<string, unknown>;
}

/** The problems of a failed read or validation, each at the place it concerns. */
function problemsOf(error: unknown): ImportProblem[] {
  const details = (error as { details?: ValidationDetail[] }).details;
  if (Array.isArray(details) && details.length > 0) {
    return details.map((detail) => {
      const extra = detail.params?.['additionalProperty'];
      return {
        pointer: `#${detail.instancePath ?? ''}`,
        message: `${detail.message ?? 'is not valid'}${typeof extra === 'string' ? ` (\`${extra}\`)` : ''}. Correct it so the document is valid OpenAPI.`,
      };
    });
  }
  const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
  const name = error instanceof Error ? error.name : '';
  const fix =
    name === 'MissingPointerError'
      ? 'Point the `$ref` at a part that exists, or add the part.'
      : name === 'ResolverError'
        ? 'Check the path of the document and of every file its `$ref`s name.'
        : name === 'ParserError'
          ? 'Fix the JSON or YAML syntax at that line.'
          : 'Correct it so the document is valid OpenAPI.';
  return [{ pointer: '#', message: `${message.replace(/[.:]?$/, '.')} ${fix}` }];
}

/** OpenAPI 2.0 (Swagger) and other versions are refused before validation, with a way forward. */
function checkVersion(file: string, document: Record<string, unknown>): void {
  const version = document['openapi'] ?? document['swagger'];
  if (typeof document['openapi'] === 'string' && /^3\.[01]\.\d+$/.test(document['openapi'])) return;
  throw new OpenApiImportError(file, [
    {
      pointer: pointer(document['openapi'] === undefined ? 'swagger' : 'openapi'),
      message: `Keyport reads OpenAPI 3.0.x and 3.1.x; this document says ${JSON.stringify(version ?? null)}. Convert it to OpenAPI 3 first (e.g. with swagger2openapi).`,
    },
  ]);
}

async function validated(file: string, source: string | Record<string, unknown>): Promise<OpenApiDocument> {
  let parsed: Record<string, unknown>;
  try {
    parsed = (await SwaggerParser.parse(source as never)) as unknown as Record<string, unknown>;
  } catch (error) {
    throw new OpenApiImportError(file, problemsOf(error));
  }
  checkVersion(file, parsed);
  try {
    // Bundling first brings other files' parts in, so that an operation written as a `$ref` to
    // another file (DigitalOcean's layout) is validated as the operation it names, even where the
    // files' `$ref`s go round in a circle.
    const bundled = (await SwaggerParser.bundle(structuredCopy(source) as never)) as unknown as Record<string, unknown>;
    await SwaggerParser.validate(structuredClone(bundled) as never, { dereference: { circular: 'ignore' } });
    // Resolved the way a build's carried document is (see `local-refs.ts`): the parser leaves every
    // `$ref` into a circular schema unresolved, this only the one that closes the circle.
    return resolveLocalRefs(bundled as unknown as OpenApiDocument);
  } catch (error) {
    throw new OpenApiImportError(file, problemsOf(error));
  }
}

/** The parser changes a document object it is given; each step gets its own copy. */
const structuredCopy = (source: string | Record<string, unknown>) => (typeof source === 'string' ? source : structuredClone(source));

/** Reads and validates the document at `file` (JSON or YAML). */
export function readOpenApiFile(file: string): Promise<OpenApiDocument> {
  return validated(file, file);
}

/** Validates a document already in memory; `label` names it in errors. The input is not changed. */
export function readOpenApiObject(document: object, label = 'document'): Promise<OpenApiDocument> {
  return validated(label, structuredClone(document) as Record<string, unknown>);
}

/**
 * The document at `file` as one JSON object whose `$ref`s are all local (`#/…`): parts of other
 * files are moved in. What a build carries; `resolveLocalRefs` turns it back into what the
 * importer reads. Read `file` with `readOpenApiFile` first: this assumes it is valid.
 */
export async function bundleOpenApiFile(file: string): Promise<OpenApiDocument> {
  try {
    return (await SwaggerParser.bundle(file)) as unknown as OpenApiDocument;
  } catch (error) {
    throw new OpenApiImportError(file, problemsOf(error));
  }
}

/**
 * Reads an OpenAPI document, JSON or YAML, from a file or from memory; resolves its `$ref`s (also
 * those to other local files) and checks it against the OpenAPI schema. Anything unreadable or
 * invalid stops here with the file, the JSON pointer and what to fix.
 */
import SwaggerParser from '@apidevtools/swagger-parser';
import type { OpenApiDocument } from './document.ts';
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

const OPERATION_KEYS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** What a local `$ref` (`#/a/b`) points at in `document`, or undefined. */
function target(document: Record<string, unknown>, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  return ref
    .slice(2)
    .split('/')
    .map((part) => decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), document);
}

/**
 * OpenAPI has no `$ref` for an operation, but split documents use one; bundling turns a second
 * use of the same file into a local `$ref`, which is replaced here by the operation it names.
 */
function inlineOperationRefs(document: Record<string, unknown>): Record<string, unknown> {
  for (const item of Object.values((document['paths'] ?? {}) as Record<string, Record<string, unknown>>)) {
    for (const key of OPERATION_KEYS) {
      let operation = item[key] as { $ref?: unknown } | undefined;
      for (let hops = 0; typeof operation?.$ref === 'string' && hops < 10; hops++)
        operation = target(document, operation.$ref) as typeof operation;
      if (operation !== undefined && operation !== item[key]) item[key] = operation;
    }
  }
  return document;
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
    // another file (DigitalOcean's layout) is validated as the operation it names.
    const bundled = inlineOperationRefs((await SwaggerParser.bundle(source as never)) as unknown as Record<string, unknown>);
    // Circular schemas keep their `$ref`; the schema converter reads them as "any value".
    return (await SwaggerParser.validate(bundled as never, { dereference: { circular: 'ignore' } })) as unknown as OpenApiDocument;
  } catch (error) {
    throw new OpenApiImportError(file, problemsOf(error));
  }
}

/** Reads and validates the document at `file` (JSON or YAML). */
export function readOpenApiFile(file: string): Promise<OpenApiDocument> {
  return validated(file, file);
}

/** Validates a document already in memory; `label` names it in errors. The input is not changed. */
export function readOpenApiObject(document: object, label = 'document'): Promise<OpenApiDocument> {
  return validated(label, structuredClone(document) as Record<string, unknown>);
}

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
import type { z } from 'zod';
import { buildModel, type ApiModel } from '../model.ts';
import { keyQueryParams } from '../runtime/auth-schemes.ts';
import { presetSchema, type PresetInput } from '../schema/index.ts';
import { importAuth } from './auth.ts';
import { recogniseCollections } from './collections.ts';
import { defaultEnvironments, defaultManagement, defaultProduct, defaultSettings } from './defaults.ts';
import { isOpenApi30, type OpenApiDocument } from './document.ts';
import { importErrorFormat } from './error-format.ts';
import { readRootExtension, type RootExtension } from './extension.ts';
import { importEndpoints, routeOperations, type ImportedEndpoint } from './operations.ts';
import { OpenApiImportError, pointer, type ImportWarning } from './problems.ts';
import { readOpenApiFile, readOpenApiObject } from './read-document.ts';
import { importScopes, keptScopes } from './scopes.ts';

export { OpenApiImportError, type ImportProblem, type ImportWarning } from './problems.ts';

export interface ImportResult {
  /** The preset the document amounts to, as one would write it by hand. */
  preset: PresetInput;
  /** The model built from it, exactly as `buildModel` builds a preset's. */
  model: ApiModel;
  /** What the document says that Keyport skipped. */
  warnings: ImportWarning[];
}

/** Settings that are objects: `x-keyport` sets some of their fields and the rest keep their default. */
const MERGED = ['keyFormat', 'keyPolicy', 'rateLimits', 'webhooks', 'monitoring'] as const;

function settings(document: OpenApiDocument, productName: string, root: RootExtension) {
  const defaults = defaultSettings(document, productName);
  const merged = Object.fromEntries(MERGED.map((key) => [key, { ...defaults[key], ...root[key] }]));
  return {
    ...defaults,
    ...merged,
    ...(root.access ? { access: root.access } : {}),
    ...(root.keyTemplates ? { keyTemplates: root.keyTemplates } : {}),
    ...(root.errors ? { errors: root.errors } : {}),
  } as ReturnType<typeof defaultSettings>;
}

/** Where a problem the preset schema found lies in the document. */
function placeOf(path: PropertyKey[], root: RootExtension, endpoints: ImportedEndpoint[]): string {
  const [head, ...rest] = path.map(String);
  if (head === 'endpoints') {
    const endpoint = rest[0] === undefined ? undefined : endpoints[Number(rest[0])];
    return endpoint ? `${endpoint.where}${rest.length > 1 ? ` (${rest.slice(1).join('.')})` : ''}` : pointer('paths');
  }
  // Declared collections come first; the rest were recognised in the paths.
  if (head === 'collections' && Number(rest[0]) >= (root.collections?.length ?? 0)) return pointer('paths');
  if (head === 'auth') return pointer('components', 'securitySchemes');
  if (head && head in root) return pointer('x-keyport', head, ...rest);
  return `${pointer('x-keyport', ...(head ? [head, ...rest] : []))} (derived from the document; set it there to override)`;
}

function validate(file: string, preset: PresetInput, root: RootExtension, endpoints: ImportedEndpoint[]): void {
  const result = presetSchema.safeParse(preset);
  if (result.success) return;
  throw new OpenApiImportError(
    file,
    result.error.issues.map((issue: z.core.$ZodIssue) => ({
      pointer: placeOf(issue.path, root, endpoints),
      message:
        issue.code === 'unrecognized_keys'
          ? `unknown setting ${issue.keys.map((key) => `\`${key}\``).join(', ')}: check the spelling, or remove it.`
          : issue.message,
    })),
  );
}

/** Imports a document that is already read and validated (see `readOpenApiFile`). */
export function importOpenApi(document: OpenApiDocument, file = 'document'): ImportResult {
  const warnings: ImportWarning[] = [];
  const context = { openApi30: isOpenApi30(document), warnings };
  const root = readRootExtension(file, document['x-keyport'], context);
  const auth = importAuth(file, document, warnings);
  const routes = routeOperations(document, warnings);
  const product = { ...defaultProduct(document), ...root.product };
  const management = root.management ?? defaultManagement(routes.map((route) => route.modelPath));
  const declared = root.collections ?? [];
  const recognised = recogniseCollections(
    routes.filter((route) => (route.operation['x-keyport'] as { action?: unknown } | undefined)?.action === undefined),
    new Set(declared.map((collection) => collection.id)),
    context,
  );
  const keyHeaders = ['authorization', ...auth.schemes.flatMap((s) => (s.type === 'header' ? [s.name.toLowerCase()] : []))];
  const keyParams = keyQueryParams(auth.schemes);
  const endpoints = importEndpoints(
    routes,
    recognised.actions,
    [...declared, ...recognised.collections],
    { ...context, file, document, auth, keyHeaders, keyParams },
    [management.keysPath, management.whoamiPath],
  );
  if (endpoints.length === 0) {
    throw new OpenApiImportError(file, [
      {
        pointer: pointer('paths'),
        message: `No operation could be imported. ${warnings.map((w) => `${w.pointer}: ${w.message}`).join(' ')}`,
      },
    ]);
  }
  let scopes = root.scopes;
  if (!scopes) {
    scopes = importScopes(
      document,
      endpoints.map((e) => ({ scopes: e.endpoint.scopes, where: e.where })),
      warnings,
    );
    for (const imported of endpoints) imported.endpoint.scopes = keptScopes(imported.endpoint.scopes, scopes);
  }
  const preset: PresetInput = {
    product,
    environments: root.environments ?? defaultEnvironments(document, product.id, warnings),
    auth: { schemes: auth.schemes },
    ...settings(document, product.name, root),
    scopes,
    collections: [...declared, ...recognised.collections],
    endpoints: endpoints.map((e) => e.endpoint),
    management,
    errorFormat: root.errorFormat ?? importErrorFormat(document).format,
  };
  validate(file, preset, root, endpoints);
  return { preset, model: buildModel(preset, `OpenAPI document ${file}`), warnings };
}

/** Reads, validates and imports the document at `file` (JSON or YAML, `$ref`s to local files resolved). */
export async function importOpenApiFile(file: string): Promise<ImportResult> {
  return importOpenApi(await readOpenApiFile(file), file);
}

/** Validates and imports a document held in memory, e.g. one Keyport wrote. */
export async function importOpenApiObject(document: object, label = 'document'): Promise<ImportResult> {
  return importOpenApi(await readOpenApiObject(document, label), label);
}

/**
 * A document already read, resolved and validated becomes the model: the part of the importer that
 * needs no file system or OpenAPI parser, so a build can carry an imported document into the
 * browser's sandbox and import it there the same way (see `src/api/index.ts`).
 */
import type { z } from 'zod';
import { builtinEndpoints } from '../builtins.ts';
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
import { importScopes, keptScopes } from './scopes.ts';

export interface ImportResult {
  /** The preset the document amounts to, as one would write it by hand. */
  preset: PresetInput;
  /** The model built from it, exactly as `buildModel` builds a preset's. */
  model: ApiModel;
  /** What the document says that Keyport skipped. */
  warnings: ImportWarning[];
}

/** An imported document as a build carries it (see scripts/generate-spec.ts): bundled, local `$ref`s only. */
export interface ImportedDocumentFile {
  /** The path given as `KEYPORT_SPEC`, relative to the project. */
  file: string;
  document: unknown;
}

/** Settings that are objects: `x-keyport` sets some of their fields and the rest keep their default. */
const MERGED = ['keyFormat', 'keyPolicy', 'rateLimits', 'webhooks', 'monitoring'] as const;

function settings(document: OpenApiDocument, productName: string, root: RootExtension, scopes: PresetInput['scopes']) {
  const defaults = defaultSettings(document, productName, { scopes });
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

/**
 * Keyport adds its own endpoints to every model (`keys` for key management, `whoami`). A
 * document's operation that would take one of their resource names gets the product's in front,
 * e.g. Typesense's own `/keys` become `typesenseKeys.list`, beside Keyport's `keys.list`; and a
 * tag that reads like one of Keyport's ("API Keys" beside "API keys") gets the product's name in
 * front, so the reference does not show two pages of one name.
 */
function avoidBuiltinNames(
  endpoints: ImportedEndpoint[],
  management: PresetInput['management'],
  product: { id: string; name: string },
): void {
  const builtin = builtinEndpoints(management, 1);
  const resources = new Set(builtin.map((endpoint) => endpoint.id.split('.')[0]!));
  const tags = new Set(builtin.map((endpoint) => endpoint.tag.toLowerCase()));
  const prefix = product.id.replace(/[^a-zA-Z0-9]+([a-zA-Z0-9])/g, (_, c: string) => c.toUpperCase()).replace(/^[^a-z]+/, '') || 'api';
  for (const { endpoint } of endpoints) {
    const [resource, method] = endpoint.id.split('.') as [string, string];
    if (resources.has(resource)) endpoint.id = `${prefix}${resource.charAt(0).toUpperCase()}${resource.slice(1)}.${method}`;
    if (tags.has(endpoint.tag.toLowerCase())) endpoint.tag = `${product.name} ${endpoint.tag}`;
  }
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
  avoidBuiltinNames(endpoints, management, product);
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
    ...settings(document, product.name, root, scopes),
    scopes,
    collections: [...declared, ...recognised.collections],
    endpoints: endpoints.map((e) => e.endpoint),
    management,
    errorFormat: root.errorFormat ?? importErrorFormat(document).format,
  };
  validate(file, preset, root, endpoints);
  return { preset, model: buildModel(preset, `OpenAPI document ${file}`), warnings };
}

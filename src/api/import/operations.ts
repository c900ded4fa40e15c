/**
 * The document's operations as the model's endpoints: path, method, parameters, body, success
 * response, every documented response, scopes, and what the sandbox does (`x-keyport.action`, a
 * recognised REST collection, or else the documented example). Constructs the model cannot
 * represent are skipped with a warning.
 */
import { z } from 'zod';
import { listOf, listQuerySchema, recordSchema } from '../builtins.ts';
import type { Collection, EndpointAction, EndpointInput, ListPaging } from '../schema/endpoints.ts';
import type { ImportedAuth } from './auth.ts';
import type { RoutedOperation } from './collections.ts';
import { jsonMediaType, type JsonSchema, type MediaType, type OpenApiDocument, type Operation, type Parameter } from './document.ts';
import { readOperationExtension, type OperationExtension } from './extension.ts';
import { flattenAllOf, zodFromJsonSchema, zodObjectFromJsonSchema, zodQueryParameter, type SchemaContext } from './json-schema.ts';
import { pathExample, queryExample } from './parameter-examples.ts';
import { pointer, type ImportWarning } from './problems.ts';
import { documentedExample, documentedResponses, successStatusOf } from './responses.ts';
import { sampleValue } from './sample-value.ts';
import { requiredScopes } from './scopes.ts';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const IGNORED_METHODS = ['head', 'options', 'trace'];

/** Every operation with its model path; operations the model cannot route are skipped with a warning. */
export function routeOperations(document: OpenApiDocument, warnings: ImportWarning[]): RoutedOperation[] {
  const routes: RoutedOperation[] = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const [key, value] of Object.entries(item)) {
      const method = key.toLowerCase();
      const where = pointer('paths', path, key);
      if (IGNORED_METHODS.includes(method)) {
        warnings.push({ pointer: where, message: `\`${key.toUpperCase()}\` operations are not supported yet; skipped.` });
        continue;
      }
      if (!METHODS.includes(method)) continue;
      const modelPath = modelPathOf(path);
      if (!/^(\/[a-z0-9_{}-]+)+$/.test(modelPath)) {
        warnings.push({ pointer: where, message: 'Keyport paths are lowercase letters, digits, `_` and `-` between slashes; skipped.' });
        continue;
      }
      routes.push({
        path,
        modelPath,
        method: method.toUpperCase(),
        operation: { ...(value as Operation), parameters: mergedParameters(item.parameters, (value as Operation).parameters) },
      });
    }
  }
  return routes;
}

/** `{domain_name}` → `domain_name`: parameter names as the model writes them. */
const snake = (name: string) =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '') || 'param';

/**
 * The model's path: the last parameter is `{id}` (the record a collection's operations name),
 * those before it keep their (snake_case) names, e.g. `/domains/{domain}/records/{record_id}` →
 * `/domains/{domain}/records/{id}`.
 */
function modelPathOf(path: string): string {
  const params = path.match(/\{[^}]+\}/g) ?? [];
  let index = 0;
  return path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    index += 1;
    if (index === params.length) return '{id}';
    const renamed = snake(name);
    return `{${renamed === 'id' ? 'parent_id' : renamed}}`;
  });
}

/** Document parameter name → model name, for every path parameter of `path`. */
export function pathParameterNames(path: string): Map<string, string> {
  const names = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
  const model = [...modelPathOf(path).matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
  return new Map(names.map((name, i) => [name, model[i]!]));
}

/** Operation parameters override path-level ones of the same name and place. */
function mergedParameters(shared: Parameter[] = [], own: Parameter[] = []): Parameter[] {
  return [...shared.filter((p) => !own.some((o) => o.name === p.name && o.in === p.in)), ...own];
}

const camel = (text: string) =>
  text.replace(/[-_ ]+([a-zA-Z0-9])/g, (_, c: string) => c.toUpperCase()).replace(/^[A-Z]/, (c) => c.toLowerCase());

const ENDPOINT_ID = /^[a-z][a-zA-Z]*\.[a-z][a-zA-Z]*$/;

/**
 * `resource.method` from the operationId when it has that shape, or from its last two dotted
 * parts (`v1.message-attempt.list-by-endpoint` → `messageAttempt.listByEndpoint`); else from the
 * path and verb.
 */
function endpointId(route: RoutedOperation, action: EndpointAction | undefined): string {
  const operationId = route.operation.operationId;
  if (operationId && ENDPOINT_ID.test(operationId)) return operationId;
  const dotted = operationId?.split('.').filter(Boolean) ?? [];
  if (dotted.length >= 2) {
    const letters = (part: string) => camel(part).replace(/[^A-Za-z]/g, '');
    const id = `${letters(dotted.at(-2)!)}.${action && 'collection' in action ? action.type : letters(dotted.at(-1)!)}`;
    if (ENDPOINT_ID.test(id)) return id;
  }
  const segments = route.modelPath.split('/').filter((s) => s && !s.startsWith('{'));
  const resource = camel(segments.join('-').replace(/[^a-zA-Z_-]/g, '')).replace(/[^A-Za-z]/g, '') || 'api';
  const verb =
    action && 'collection' in action
      ? action.type
      : operationId
        ? camel(operationId.replace(/[^A-Za-z0-9]+/g, '-')).replace(/[^A-Za-z]/g, '') || 'call'
        : { GET: 'get', POST: 'create', PUT: 'replace', PATCH: 'update', DELETE: 'delete' }[route.method]!;
  return `${resource}.${verb}`;
}

/**
 * `id`, or a variant no other endpoint has: `/status` and `/status/{id}` both derive
 * `status.get`, and ids name SDK methods, so they must differ.
 */
function unusedId(id: string, route: RoutedOperation, used: Set<string>): string {
  const candidates = [
    id,
    ...(route.modelPath.includes('{id}') ? [`${id}ById`] : []),
    `${id}${route.method.charAt(0)}${route.method.slice(1).toLowerCase()}`,
  ];
  let free = candidates.find((candidate) => !used.has(candidate));
  for (let n = 0; free === undefined; n++) if (!used.has(`${id}${'Other'.repeat(n + 1)}`)) free = `${id}${'Other'.repeat(n + 1)}`;
  used.add(free);
  return free;
}

export interface ImportedEndpoint {
  endpoint: EndpointInput;
  /** Where it comes from, for error messages. */
  where: string;
  order: number;
}

interface Context extends SchemaContext {
  file: string;
  document: OpenApiDocument;
  auth: ImportedAuth;
  keyHeaders: string[];
  /** Query parameters that carry the key: an operation that also lists them as parameters does not get them as its own. */
  keyParams: string[];
}

/**
 * The operation's parameters, with each object-valued query parameter sent the default way
 * (`style: form`, `explode: true`) replaced by its properties, as clients send them:
 * `?q=shoes&query_by=name`, not `?searchParameters=…`. Each keeps the index it has in the document.
 */
function exploded(parameters: Parameter[] = []): Array<{ parameter: Parameter; index: number }> {
  return parameters.flatMap((parameter, index): Array<{ parameter: Parameter; index: number }> => {
    const schema = flattenAllOf(parameter.schema);
    const properties = schema?.['properties'] as Record<string, JsonSchema> | undefined;
    const spread = parameter.in === 'query' && properties && (parameter.style ?? 'form') === 'form' && parameter.explode !== false;
    if (!spread) return [{ parameter, index }];
    const required = (schema!['required'] ?? []) as string[];
    return Object.entries(properties).map(([name, property]) => ({
      parameter: {
        name,
        in: 'query',
        required: Boolean(parameter.required) && required.includes(name),
        schema: property,
        ...(typeof property['description'] === 'string' ? { description: property['description'] } : {}),
      },
      index,
    }));
  });
}

function query(
  parameters: Array<{ parameter: Parameter; index: number }>,
  where: string,
  context: Context,
  action: EndpointAction | undefined,
): z.ZodObject | undefined {
  const shape: Record<string, z.ZodType> = {};
  for (const { parameter, index } of parameters) {
    const at = `${where}/parameters/${index}`;
    if (parameter.in === 'query' && context.keyParams.includes(parameter.name)) continue;
    if (parameter.in === 'query') {
      const schema = zodQueryParameter(parameter.schema, at, context);
      const described = parameter.description ? schema.describe(parameter.description) : schema;
      shape[parameter.name] = parameter.required || parameter.schema?.['default'] !== undefined ? described : described.optional();
    } else if (parameter.in === 'cookie' || (parameter.in === 'header' && !context.keyHeaders.includes(parameter.name.toLowerCase()))) {
      context.warnings.push({
        pointer: at,
        message: `${parameter.in === 'cookie' ? 'Cookie' : 'Header'} parameter \`${parameter.name}\` is not supported yet; the sandbox ignores it.`,
      });
    }
  }
  // A list without its own paging pages Keyport's way: `limit` and `starting_after`.
  if (action?.type === 'list' && !action.paging) Object.assign(shape, listQuerySchema.shape);
  return Object.keys(shape).length ? z.object(shape) : undefined;
}

/** What a request body amounts to: its validator, and the example samples show and send. */
interface ImportedBody {
  schema: z.ZodObject;
  example?: Record<string, unknown>;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The documented example when the body's validator accepts it, else a value generated from the
 * schema when that passes: a sample the sandbox would refuse is no sample.
 */
function bodyExample(media: MediaType, schema: z.ZodObject): Record<string, unknown> | undefined {
  return [documentedExample(media), sampleValue(media.schema)].find(
    (candidate): candidate is Record<string, unknown> => isRecord(candidate) && schema.safeParse(candidate).success,
  );
}

/**
 * The documented path parameters, by their model names; one the document leaves undeclared takes
 * any text. Values arrive as text, so numbers and booleans are read from it as in a query.
 */
function pathParams(route: RoutedOperation, where: string, context: Context): z.ZodObject | undefined {
  const names = pathParameterNames(route.path);
  if (names.size === 0) return undefined;
  const shape: Record<string, z.ZodType> = {};
  for (const [name, modelName] of names) {
    const index = route.operation.parameters?.findIndex((p) => p.in === 'path' && p.name === name) ?? -1;
    const parameter = index === -1 ? undefined : route.operation.parameters![index]!;
    const schema = parameter ? zodQueryParameter(parameter.schema, `${where}/parameters/${index}`, context) : z.string();
    shape[modelName] = parameter?.description ? schema.describe(parameter.description) : schema;
  }
  return z.object(shape);
}

function body(route: RoutedOperation, where: string, context: Context): ImportedBody | undefined {
  const content = route.operation.requestBody?.content;
  if (!content) return undefined;
  const json = jsonMediaType(content);
  if (!json) {
    context.warnings.push({
      pointer: `${where}/requestBody`,
      message: `Only JSON bodies are supported; ${Object.keys(content)
        .map((t) => `\`${t}\``)
        .join(', ')} is not checked.`,
    });
    return undefined;
  }
  const schema = zodObjectFromJsonSchema(json.schema, `${where}/requestBody`, context);
  if (!schema) return undefined;
  const example = bodyExample(json, schema);
  return example ? { schema, example } : { schema };
}

function success(route: RoutedOperation, where: string, context: Context): { status: number; schema: z.ZodType } {
  const status = successStatusOf(route.operation);
  const key = String(status);
  const schema = jsonMediaType(route.operation.responses?.[key]?.content)?.schema;
  return { status, schema: zodFromJsonSchema(schema, `${where}/responses/${key}`, context) };
}

/**
 * What a list answers: the document's own list response with the collection's records in it when
 * its paging was recognised, else Keyport's `{ data, has_more, next_cursor }`. Undefined paging
 * comes back when the document's response cannot hold the records after all (it is not an object,
 * or the values it shows do not fit it).
 */
function listResponse(
  route: RoutedOperation,
  action: Extract<EndpointAction, { type: 'list' }>,
  collections: Collection[],
  context: Context,
): { schema: z.ZodType | undefined; paging: ListPaging | undefined } {
  const collection = collections.find((c) => c.id === action.collection);
  if (!collection) return { schema: undefined, paging: undefined };
  const records = z.array(recordSchema(collection));
  const paging = action.paging;
  if (!paging) return { schema: listOf(recordSchema(collection)), paging };
  if (!paging.items) return { schema: records, paging };
  const documented = jsonMediaType(route.operation.responses?.[String(successStatusOf(route.operation))]?.content)?.schema;
  const wrapper = zodFromJsonSchema(flattenAllOf(documented), '', { ...context, warnings: [] });
  if (!(wrapper instanceof z.ZodObject)) return { schema: listOf(recordSchema(collection)), paging: undefined };
  const schema = wrapper.extend({ [paging.items]: records });
  if (!schema.safeParse({ ...paging.envelope, [paging.items]: [] }).success)
    return { schema: listOf(recordSchema(collection)), paging: undefined };
  return { schema, paging };
}

function scopesOf(route: RoutedOperation, where: string, context: Context): string[] {
  const requirements = route.operation.security ?? context.document.security;
  const scopes = requiredScopes(requirements, context.auth);
  if (scopes === undefined && requirements !== undefined) {
    context.warnings.push({
      pointer: `${where}/security`,
      message: 'This operation needs no API key (or none Keyport supports); the sandbox asks for a key all the same.',
    });
  }
  return scopes ?? [];
}

/** One endpoint per supported operation; `actions` holds the recognised REST collections' actions. */
export function importEndpoints(
  routes: RoutedOperation[],
  actions: Map<string, EndpointAction>,
  collections: Collection[],
  context: Context,
  reserved: string[],
): ImportedEndpoint[] {
  const endpoints: ImportedEndpoint[] = [];
  const used = new Set<string>();
  routes.forEach((route, index) => {
    const parts = ['paths', route.path, route.method.toLowerCase()];
    const where = pointer(...parts);
    const extension: OperationExtension = readOperationExtension(context.file, route.operation['x-keyport'], parts);
    const known = extension.action ?? actions.get(`${route.method} ${route.path}`);
    // Key management and "who am I" are Keyport's own; it adds them to every model.
    if (known?.type === 'keys' || known?.type === 'whoami') return;
    if (reserved.some((path) => route.modelPath === path || route.modelPath.startsWith(`${path}/`))) {
      context.warnings.push({
        pointer: where,
        message: `\`${route.path}\` is where Keyport serves key management; skipped. Set \`x-keyport.management\` to move it.`,
      });
      return;
    }
    // Outside a REST collection the sandbox keeps no state: it answers what the document shows.
    let action: EndpointAction = known ?? ({ type: 'example' } as const);
    const list = action.type === 'list' ? listResponse(route, action, collections, context) : undefined;
    if (action.type === 'list' && !list?.paging) action = { type: 'list', collection: action.collection };
    if (route.operation.callbacks)
      context.warnings.push({ pointer: `${where}/callbacks`, message: 'Callbacks are not supported yet; skipped.' });
    const answer = success(route, where, context);
    const documentedSchema = answer.schema;
    if (list?.schema) answer.schema = list.schema;
    const successStatus = extension.successStatus ?? answer.status;
    const requestBody = body(route, where, context);
    const queryParameters = exploded(route.operation.parameters);
    const queryObject = query(queryParameters, where, context, action);
    const paramsObject = action.type === 'example' ? pathParams(route, where, context) : undefined;
    // A collection's `{id}` is one of its records: samples take a seeded one.
    const pathValues = pathExample(pathParameterNames(route.path), route.operation.parameters, paramsObject, paramsObject ? [] : ['id']);
    const queryValues = queryExample(
      queryParameters.map(({ parameter }) => parameter),
      queryObject,
    );
    const description = 'description' in extension ? (extension.description ?? undefined) : route.operation.description;
    const segments = route.modelPath.split('/').filter((s) => s && !s.startsWith('{'));
    const fallbackTag = (segments[0] ?? 'API').replace(/[-_]/g, ' ');
    endpoints.push({
      where,
      order: extension.order ?? routes.length + index,
      endpoint: {
        id: extension.id ?? unusedId(endpointId(route, action), route, used),
        method: route.method as EndpointInput['method'],
        path: route.modelPath,
        summary: extension.summary ?? route.operation.summary ?? `${route.method} ${route.path}`,
        ...(description === undefined ? {} : { description }),
        tag: extension.tag ?? route.operation.tags?.[0] ?? fallbackTag.charAt(0).toUpperCase() + fallbackTag.slice(1),
        scopes: extension.scopes ?? scopesOf(route, where, context),
        action,
        ...(paramsObject ? { params: paramsObject } : {}),
        ...(queryObject ? { query: queryObject } : {}),
        ...(pathValues ? { pathExample: pathValues } : {}),
        ...(queryValues ? { queryExample: queryValues } : {}),
        ...(requestBody ? { body: requestBody.schema } : {}),
        ...(requestBody?.example ? { requestExample: requestBody.example } : {}),
        response: answer.schema,
        successStatus,
        responses: documentedResponses(route.operation, successStatus, documentedSchema, where, context),
      },
    });
  });
  return endpoints.sort((a, b) => a.order - b.order);
}

/**
 * The OpenAPI 3.1 document of the model: one security scheme per accepted auth scheme, the
 * scopes each operation needs, and the auth and rate-limit responses with their headers.
 */
import { errorBody, exampleParams } from './error-body.ts';
import type { ApiModel } from './model.ts';
import { errorDefinition, fullAccessOnly, fullAccessScope, keyLine, RATE_LIMIT_HEADERS, REQUEST_ID_HEADER } from './runtime/index.ts';
import type { AuthScheme } from './schema/auth.ts';
import type { DocumentedResponse, Endpoint } from './schema/endpoints.ts';
import { jsonSchemaOf, operationExtension, rootExtension, X_KEYPORT } from './x-keyport.ts';

type Json = Record<string, unknown>;

export function securitySchemeName(scheme: AuthScheme): string {
  if (scheme.type === 'bearer') return 'BearerAuth';
  return `${scheme.name.replace(/[^A-Za-z0-9]/g, '')}${scheme.type === 'header' ? 'Header' : 'Query'}`;
}

function securityScheme(scheme: AuthScheme, scopes: string[]): Json {
  switch (scheme.type) {
    case 'bearer':
      return { type: 'http', scheme: 'bearer', description: `\`Authorization: Bearer <key>\`. Scopes: ${scopes.join(', ')}.` };
    case 'header':
      return { type: 'apiKey', in: 'header', name: scheme.name, description: `The key as the whole value of \`${scheme.name}\`.` };
    case 'query':
      return {
        type: 'apiKey',
        in: 'query',
        name: scheme.name,
        description: `The key as the value of the \`${scheme.name}\` query parameter, URL-encoded. URLs end up in logs and history: keep them private.`,
      };
  }
}

const jsonSchema = jsonSchemaOf;

const headerRef = (name: string) => ({ $ref: `#/components/headers/${name}` });

function rateLimitHeaders(): Json {
  return {
    [REQUEST_ID_HEADER]: headerRef('RequestId'),
    [RATE_LIMIT_HEADERS.limit]: headerRef('RateLimitLimit'),
    [RATE_LIMIT_HEADERS.remaining]: headerRef('RateLimitRemaining'),
    [RATE_LIMIT_HEADERS.reset]: headerRef('RateLimitReset'),
    [RATE_LIMIT_HEADERS.ietf]: headerRef('RateLimit'),
    [RATE_LIMIT_HEADERS.ietfPolicy]: headerRef('RateLimitPolicy'),
  };
}

/**
 * On a 429 the key's rate-limit headers come only with `rate_limited`: a request refused for its
 * address's failed authentications was never counted against a key.
 */
function keyRateLimitHeaders(): Json {
  const optional = (description: string) => ({
    description: `With \`rate_limited\`: ${description}`,
    required: false,
    schema: { type: 'integer' },
  });
  return {
    [RATE_LIMIT_HEADERS.limit]: optional('requests allowed per window.'),
    [RATE_LIMIT_HEADERS.remaining]: optional('requests left in the current window.'),
    [RATE_LIMIT_HEADERS.reset]: optional('seconds until the window resets.'),
    [RATE_LIMIT_HEADERS.ietf]: {
      description: 'With `rate_limited`: `"default";r=<remaining>;t=<seconds to reset>`.',
      required: false,
      schema: { type: 'string' },
    },
    [RATE_LIMIT_HEADERS.ietfPolicy]: {
      description: 'With `rate_limited`: `"default";q=<limit>;w=<window seconds>`.',
      required: false,
      schema: { type: 'string' },
    },
  };
}

function errorExamples(model: ApiModel, status: number): Json {
  const params = exampleParams(model);
  const examples: Json = {};
  for (const error of model.errors.filter((e) => e.status === status)) {
    examples[error.id] = {
      summary: error.title,
      value: errorBody(model, error.id, params, error.id === 'insufficient_scope' ? ['contacts:write'] : []),
    };
  }
  return examples;
}

function errorResponse(model: ApiModel, status: number, description: string, extraHeaders: Json = {}): Json {
  return {
    description,
    headers: { [REQUEST_ID_HEADER]: headerRef('RequestId'), ...extraHeaders },
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' }, examples: errorExamples(model, status) } },
  };
}

/** A response an imported document describes: an error status in the API's error format, else as documented. */
function documentedResponse(model: ApiModel, documented: DocumentedResponse): Json {
  const description = documented.description ?? 'Documented response.';
  if (documented.status >= 400 && model.errors.some((e) => e.status === documented.status)) {
    return errorResponse(model, documented.status, description);
  }
  if (documented.example === undefined && documented.schema === undefined) return { description };
  return {
    description,
    content: {
      'application/json': {
        schema: documented.schema ?? {},
        ...(documented.example === undefined ? {} : { example: documented.example }),
      },
    },
  };
}

/**
 * The 403 an operation may answer. A full-access-only API's keys never lack a scope, so there
 * it is only the IP allowlist's, and none at all without one.
 */
function forbidden(model: ApiModel): Json {
  if (!fullAccessOnly(model))
    return { '403': errorResponse(model, 403, 'The key lacks a scope this endpoint requires, or the caller’s IP is not allowed.') };
  return model.errors.some((error) => error.status === 403) ? { '403': errorResponse(model, 403, 'The caller’s IP is not allowed.') } : {};
}

function operation(model: ApiModel, endpoint: Endpoint, order: number): Json {
  const security = model.auth.schemes.map((scheme) => ({ [securitySchemeName(scheme)]: endpoint.scopes }));
  const parameters: Json[] = [];
  const documented = endpoint.params
    ? (jsonSchema(endpoint.params, 'input') as { properties?: Record<string, Json> }).properties
    : undefined;
  for (const [, name] of endpoint.path.matchAll(/\{([^}]+)\}/g)) {
    const schema = documented?.[name!] ?? { type: 'string' };
    const description = schema['description'] ?? (name === 'id' ? 'Id of the record.' : `Id of the parent \`${name!}\`.`);
    const example = endpoint.pathExample?.[name!];
    parameters.push({ name, in: 'path', required: true, schema, description, ...(example === undefined ? {} : { example }) });
  }
  if (endpoint.query) {
    const query = jsonSchema(endpoint.query, 'input') as { properties?: Record<string, Json>; required?: string[] };
    for (const [name, schema] of Object.entries(query.properties ?? {})) {
      parameters.push({
        name,
        in: 'query',
        required: query.required?.includes(name) ?? false,
        schema,
        ...(schema['description'] ? { description: schema['description'] } : {}),
        ...(endpoint.queryExample?.[name] === undefined ? {} : { example: endpoint.queryExample[name] }),
      });
    }
  }
  // Every key of a full-access-only API holds the one scope an endpoint may name.
  const scopeNote = fullAccessOnly(model)
    ? 'Any valid key may call it.'
    : endpoint.scopes.length
      ? `Requires ${endpoint.scopes.map((s) => `\`${s}\``).join(' and ')} (or \`${fullAccessScope(model).id}\`).`
      : 'Any valid key may call it.';
  const responses: Json = {
    [String(endpoint.successStatus)]: {
      description: 'Success',
      headers: rateLimitHeaders(),
      content: { 'application/json': { schema: jsonSchema(endpoint.response, 'output') } },
    },
    '401': errorResponse(
      model,
      401,
      'The key is missing, invalid, revoked, expired, disabled, not active yet, or from the other environment.',
      {
        [RATE_LIMIT_HEADERS.retryAfter]: {
          description: 'Only with `key_not_yet_active`: seconds until the key works.',
          required: false,
          schema: { type: 'integer' },
        },
      },
    ),
    ...forbidden(model),
    '429': errorResponse(
      model,
      429,
      'Too many requests: the key used up its rate limit (`rate_limited`, with the rate-limit headers), or too many requests from this address failed authentication (`too_many_auth_failures`). Retry after the number of seconds in Retry-After.',
      { ...keyRateLimitHeaders(), [RATE_LIMIT_HEADERS.retryAfter]: headerRef('RetryAfter') },
    ),
  };
  if (endpoint.body) {
    responses['400'] = errorResponse(model, 400, 'The body is not valid JSON.');
    responses['413'] = errorResponse(model, 413, 'The body is too large; the connection is closed after this answer.');
    responses['415'] = errorResponse(model, 415, 'The body was not sent with a JSON Content-Type.');
  }
  // Query parameters are validated too (e.g. `limit` out of range), so lists can answer 422.
  if (endpoint.body || endpoint.query)
    responses['422'] = errorResponse(
      model,
      422,
      'A field or query parameter is missing or invalid, or the body has a field the endpoint does not define.',
    );
  if (endpoint.path.includes('{id}')) responses['404'] = errorResponse(model, 404, 'No record with this id.');
  if (endpoint.responses) {
    responses['422'] ??= errorResponse(model, 422, 'A `Prefer: code=…` asked for a response this operation does not document.');
    for (const documented of endpoint.responses) responses[String(documented.status)] ??= documentedResponse(model, documented);
  }
  return {
    operationId: endpoint.id,
    summary: endpoint.summary,
    description: [endpoint.description, scopeNote].filter(Boolean).join('\n\n'),
    tags: [endpoint.tag],
    security,
    'x-required-scopes': endpoint.scopes,
    ...(parameters.length ? { parameters } : {}),
    ...(endpoint.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(endpoint.body, 'input') } } } }
      : {}),
    responses,
    [X_KEYPORT]: operationExtension(endpoint, order),
  };
}

export function openApiDocument(model: ApiModel): Json {
  const scopes = Object.fromEntries(model.scopes.map((scope) => [scope.id, scope.description]));
  const securitySchemes: Json = {};
  for (const scheme of model.auth.schemes) {
    securitySchemes[securitySchemeName(scheme)] = securityScheme(scheme, Object.keys(scopes));
  }
  const paths: Record<string, Json> = {};
  model.endpoints.forEach((endpoint, order) => {
    const entry = (paths[endpoint.path] ??= {});
    entry[endpoint.method.toLowerCase()] = operation(model, endpoint, order);
  });
  const { fields, envelope } = model.errorFormat;
  const errorFields: Json = {
    [fields.message]: { type: 'string' },
    [fields.id]: { type: 'string', enum: model.errors.map((e) => e.id) },
    [fields.docs]: { type: 'string', format: 'uri' },
    [fields.missingScopes]: { type: 'array', items: { type: 'string' } },
    ...(fields.kind ? { [fields.kind]: { type: 'string' } } : {}),
    ...(fields.status ? { [fields.status]: { type: 'integer' } } : {}),
  };
  const required = [
    fields.message,
    fields.id,
    fields.docs,
    ...(fields.kind ? [fields.kind] : []),
    ...(fields.status ? [fields.status] : []),
  ];
  const inner = { type: 'object', properties: errorFields, required };
  const limited = errorDefinition(model, 'rate_limited');
  return {
    openapi: '3.1.0',
    info: {
      title: model.product.docsTitle,
      version: '1.0.0',
      description: `${model.product.tagline}\n\nAuthenticate with an API key in ${model.auth.schemes
        .map((s) => `\`${keyLine(s, '<key>')}\``)
        .join(' or ')}.`,
    },
    servers: model.environments.map((env) => ({ url: env.baseUrl, description: `${env.name} (${env.keyPrefix}… keys)` })),
    security: model.auth.schemes.map((scheme) => ({ [securitySchemeName(scheme)]: [] })),
    tags: [...new Set(model.endpoints.map((e) => e.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes,
      schemas: { Error: envelope ? { type: 'object', properties: { [envelope]: inner }, required: [envelope] } : inner },
      headers: {
        RequestId: { required: true, description: 'Id of this request; quote it to support.', schema: { type: 'string' } },
        RateLimitLimit: { required: true, description: 'Requests allowed per window.', schema: { type: 'integer' } },
        RateLimitRemaining: { required: true, description: 'Requests left in the current window.', schema: { type: 'integer' } },
        RateLimitReset: { required: true, description: 'Seconds until the window resets.', schema: { type: 'integer' } },
        RateLimit: {
          required: true,
          description: 'IETF structured field: `"default";r=<remaining>;t=<seconds to reset>`.',
          schema: { type: 'string' },
        },
        RateLimitPolicy: {
          required: true,
          description: 'IETF structured field: `"default";q=<limit>;w=<window seconds>`.',
          schema: { type: 'string' },
        },
        RetryAfter: {
          required: true,
          description: `Seconds to wait before retrying (${limited.title.toLowerCase()}).`,
          schema: { type: 'integer' },
        },
      },
    },
    [X_KEYPORT]: rootExtension(model),
  };
}

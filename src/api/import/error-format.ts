/**
 * The API's own error format, read from the schema of its documented 401 (else 403, 429, `4XX` or
 * `default`) response, so the sandbox's error bodies look like the real API's. Without one, errors
 * follow RFC 9457 problem details.
 */
import type { ErrorFormat } from '../schema/errors.ts';
import { jsonMediaType, type JsonSchema, type OpenApiDocument } from './document.ts';

/** RFC 9457: `type` is a URI (the docs anchor), `title` the kind, `detail` the message. */
export const PROBLEM_DETAILS_FORMAT: ErrorFormat = {
  envelope: null,
  fields: { kind: 'title', message: 'detail', status: 'status', id: 'code', docs: 'type', missingScopes: 'missing_scopes' },
};

const CANDIDATES = {
  message: ['message', 'detail', 'error_description', 'description', 'msg'],
  id: ['code', 'error_code', 'errorCode', 'type', 'error', 'id'],
  kind: ['error', 'title', 'kind', 'name'],
  status: ['status', 'statusCode', 'status_code', 'http_status'],
  docs: ['docs', 'doc_url', 'docs_url', 'documentation_url', 'more_info', 'help', 'url', 'type'],
  missingScopes: ['missing_scopes', 'missingScopes', 'required_scopes'],
} as const;

const ERROR_STATUSES = ['401', '403', '429', '4XX', 'default'];

/** The first described error schema among the operations' error responses. */
function describedErrorSchema(document: OpenApiDocument): JsonSchema | undefined {
  for (const status of ERROR_STATUSES) {
    for (const item of Object.values(document.paths ?? {})) {
      for (const operation of Object.values(item)) {
        const responses = (operation as { responses?: Record<string, { content?: Record<string, { schema?: JsonSchema }> }> }).responses;
        const schema = jsonMediaType(responses?.[status]?.content)?.schema;
        if (schema && typeof schema['properties'] === 'object') return schema;
      }
    }
  }
  return undefined;
}

const propertiesOf = (schema: JsonSchema) => (schema['properties'] ?? {}) as Record<string, JsonSchema>;

/** Fields of one object: a message is needed; the rest take what is left. */
function fieldsOf(properties: Record<string, JsonSchema>): ErrorFormat['fields'] | undefined {
  const names = Object.keys(properties);
  const taken = new Set<string>();
  const pick = (candidates: readonly string[], type?: string) => {
    const name = candidates.find((c) => names.includes(c) && !taken.has(c) && (!type || properties[c]?.['type'] === type));
    if (name) taken.add(name);
    return name;
  };
  const message = pick(CANDIDATES.message, 'string');
  if (!message) return undefined;
  // The stable id is text; a numeric `code` (as in many documents) is the status instead, and the
  // id goes in a field of its own.
  const id = pick(CANDIDATES.id, 'string') ?? 'error_id';
  const status = pick([...CANDIDATES.status, 'code'], 'integer');
  const kind = pick(CANDIDATES.kind, 'string');
  const docs = pick(CANDIDATES.docs) ?? (names.includes('docs_url') ? undefined : 'docs_url');
  const missingScopes = pick(CANDIDATES.missingScopes) ?? 'missing_scopes';
  return { message, id, docs: docs ?? 'docs_url', missingScopes, ...(kind ? { kind } : {}), ...(status ? { status } : {}) };
}

/** The document's error format, or problem details when it describes none Keyport can recognise. */
export function importErrorFormat(document: OpenApiDocument): { format: ErrorFormat; recognised: boolean } {
  const schema = describedErrorSchema(document);
  if (!schema) return { format: PROBLEM_DETAILS_FORMAT, recognised: false };
  const properties = propertiesOf(schema);
  const top = fieldsOf(properties);
  if (top) return { format: { envelope: null, fields: top }, recognised: true };
  // `{"error": {…}}`: one object property holding the parts.
  for (const [envelope, inner] of Object.entries(properties)) {
    const fields = inner['type'] === 'object' || inner['properties'] ? fieldsOf(propertiesOf(inner)) : undefined;
    if (fields) return { format: { envelope, fields }, recognised: true };
  }
  return { format: PROBLEM_DETAILS_FORMAT, recognised: false };
}

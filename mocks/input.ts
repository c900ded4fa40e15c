/**
 * Reads an endpoint's query and JSON body and validates them with the endpoint's zod schemas from
 * the model (which also refuse unknown body fields and text the API does not accept):
 * - query: each parameter at most once, percent-encoding that decodes to UTF-8; else a 422 naming it;
 * - body: 413 `body_too_large` over the size limit; 415 `unsupported_media_type` unless the
 *   Content-Type is JSON; 400 `invalid_request` when it is not UTF-8 JSON; 422 `validation_failed`
 *   naming the first field that is wrong.
 * An empty body stands for `{}` whatever its Content-Type. Parse errors are described by position
 * only, because the engine's own message quotes the body, and a body may hold a secret.
 */
import type { z } from 'zod';
import { MAX_BODY_BYTES } from '../src/api/runtime/request-limits.ts';
import { takesSeveralValues, type Endpoint } from '../src/api/schema/endpoints.ts';
import { fail, invalid, type ActionResult } from './action-result.ts';

export type Input = { ok: true; query: unknown; body: unknown } | { ok: false; result: ActionResult };

const MAX_NAME_SHOWN = 40;

/** A name from the request, safe to put in a message: invisible characters escaped, long ones cut. */
function shown(name: string): string {
  const escaped = name.replace(
    // eslint-disable-next-line no-control-regex -- control characters are what this escapes
    /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069`]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return escaped.length > MAX_NAME_SHOWN ? `${escaped.slice(0, MAX_NAME_SHOWN)}…` : escaped;
}

const orList = (items: string[]) => (items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : (items[0] ?? 'nothing'));

function firstIssue(error: z.ZodError, root: string, schema: z.ZodObject): ActionResult {
  const issue = error.issues[0]!;
  const where = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') {
    const names = issue.keys.map((key) => shown([...where, key].join('.')));
    const accepted = where.length === 0 ? `; it accepts ${orList(Object.keys(schema.shape))}` : '';
    // Several names read as "`a`, `b`" inside the message's own backticks.
    return invalid(
      names.join('`, `'),
      `${names.length > 1 ? 'these fields are' : 'this field is'} not part of this endpoint’s ${root}${accepted}`,
    );
  }
  return invalid(where.join('.') || root, issue.message);
}

function jsonProblem(error: unknown): string {
  const position = /position (\d+)/.exec(String(error))?.[1];
  return position === undefined ? 'check quotes, commas and brackets' : `unexpected character at position ${position}`;
}

/** `application/json` or any `…+json` type; a charset, if given, must be UTF-8 (as JSON is). */
export function isJsonContentType(value: string | null): boolean {
  if (!value) return false;
  const [essence = '', ...parameters] = value.split(';');
  const type = essence.trim().toLowerCase();
  if (type !== 'application/json' && !/^[a-z0-9!#$&^_.-]+\/[a-z0-9!#$&^_.+-]+\+json$/.test(type)) return false;
  return parameters.every((parameter) => {
    const [name = '', charset = ''] = parameter.split('=');
    return name.trim().toLowerCase() !== 'charset' || /^"?utf-?8"?$/i.test(charset.trim());
  });
}

/** Percent-decoded text, or `null` when a `%` is not followed by two hex digits or the bytes are not UTF-8. */
function decodeComponent(text: string): string | null {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/** The query as name → value (an array only where the schema takes one), or the 422 naming what is wrong. */
function readQuery(
  schema: z.ZodObject,
  search: string,
  keyParams: readonly string[],
): { ok: true; value: Record<string, unknown> } | { ok: false; result: ActionResult } {
  const values = new Map<string, string[]>();
  for (const part of search.replace(/^\?/, '').split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const rawName = eq < 0 ? part : part.slice(0, eq);
    const name = decodeComponent(rawName);
    const value = decodeComponent(eq < 0 ? '' : part.slice(eq + 1));
    if (name === null || value === null) {
      const detail = 'the percent-encoding is broken: each "%" needs two hex digits, and the bytes must be UTF-8 text';
      return { ok: false, result: invalid(shown(name ?? rawName), detail) };
    }
    // The key's own parameter was read by authentication; it is no parameter of the endpoint.
    if (keyParams.includes(name)) continue;
    values.set(name, [...(values.get(name) ?? []), value]);
  }
  const query: Record<string, unknown> = {};
  for (const [name, list] of values) {
    const takesMany = takesSeveralValues(schema.shape[name] as z.ZodType | undefined);
    if (list.length > 1 && !takesMany) return { ok: false, result: invalid(shown(name), `given ${list.length} times; give it once`) };
    query[name] = takesMany ? list : list[0];
  }
  return { ok: true, value: query };
}

const isBlank = (bytes: Uint8Array) => bytes.every((byte) => byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d);

const utf8 = new TextDecoder('utf-8', { fatal: true });

async function readBody(
  schema: z.ZodObject,
  request: Request,
): Promise<{ ok: true; value: unknown } | { ok: false; result: ActionResult }> {
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.length > MAX_BODY_BYTES) return { ok: false, result: fail('body_too_large') };
  // An empty body stands for `{}`, so POSTs whose fields are all optional need none.
  let raw: unknown = {};
  if (!isBlank(bytes)) {
    if (!isJsonContentType(request.headers.get('content-type'))) return { ok: false, result: fail('unsupported_media_type') };
    let text: string;
    try {
      text = utf8.decode(bytes);
    } catch {
      return { ok: false, result: fail('invalid_request', { detail: 'the body is not UTF-8 text' }) };
    }
    try {
      raw = JSON.parse(text);
    } catch (error) {
      return { ok: false, result: fail('invalid_request', { detail: jsonProblem(error) }) };
    }
  }
  const parsed = schema.safeParse(raw);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, result: firstIssue(parsed.error, 'body', schema) };
}

/**
 * `params`: the path's parameters by name, checked against the endpoint's; `keyParams`: the query
 * parameters that carry keys (`api_key`), left out of the endpoint's query.
 */
export async function readInput(
  endpoint: Endpoint,
  request: Request,
  params: Record<string, string> = {},
  keyParams: readonly string[] = [],
): Promise<Input> {
  if (endpoint.params) {
    const parsed = endpoint.params.safeParse(params);
    if (!parsed.success) return { ok: false, result: firstIssue(parsed.error, 'path', endpoint.params) };
  }
  let query: unknown;
  if (endpoint.query) {
    const read = readQuery(endpoint.query, new URL(request.url).search, keyParams);
    if (!read.ok) return read;
    const parsed = endpoint.query.safeParse(read.value);
    if (!parsed.success) return { ok: false, result: firstIssue(parsed.error, 'query', endpoint.query) };
    query = parsed.data;
  }
  let body: unknown;
  if (endpoint.body) {
    const read = await readBody(endpoint.body, request);
    if (!read.ok) return read;
    body = read.value;
  }
  return { ok: true, query, body };
}

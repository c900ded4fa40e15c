/**
 * Reads an endpoint's query and JSON body and validates them with the endpoint's zod schemas
 * from the model: 400 `invalid_request` when the body is not JSON, 422 `validation_failed`
 * naming the first field that is wrong. Parse errors are described by position only, because
 * the engine's own message quotes the body, and a body may hold a secret.
 */
import type { z } from 'zod';
import type { Endpoint } from '../src/api/schema/endpoints.ts';
import { fail, invalid, type ActionResult } from './action-result.ts';

export type Input = { ok: true; query: unknown; body: unknown } | { ok: false; result: ActionResult };

function firstIssue(error: z.ZodError, root: string): ActionResult {
  const issue = error.issues[0]!;
  return invalid(issue.path.map(String).join('.') || root, issue.message);
}

function jsonProblem(error: unknown): string {
  const position = /position (\d+)/.exec(String(error))?.[1];
  return position === undefined ? 'check quotes, commas and brackets' : `unexpected character at position ${position}`;
}

export async function readInput(endpoint: Endpoint, request: Request): Promise<Input> {
  let query: unknown;
  if (endpoint.query) {
    const parsed = endpoint.query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsed.success) return { ok: false, result: firstIssue(parsed.error, 'query') };
    query = parsed.data;
  }
  let body: unknown;
  if (endpoint.body) {
    const text = await request.text();
    let raw: unknown = {};
    // An empty body stands for `{}`, so POSTs whose fields are all optional need none.
    if (text.trim() !== '') {
      try {
        raw = JSON.parse(text);
      } catch (error) {
        return { ok: false, result: fail('invalid_request', { detail: jsonProblem(error) }) };
      }
    }
    const parsed = endpoint.body.safeParse(raw);
    if (!parsed.success) return { ok: false, result: firstIssue(parsed.error, 'body') };
    body = parsed.data;
  }
  return { ok: true, query, body };
}

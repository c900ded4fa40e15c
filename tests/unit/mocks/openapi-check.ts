/**
 * Checks a sandbox response against the preset's OpenAPI document with a real JSON Schema
 * validator (ajv, draft 2020-12 as OpenAPI 3.1 uses): the status must be documented for the
 * operation, the documented headers present, and the body valid against the schema for that status.
 * Responses no operation can document (unknown paths, 405, preflights) are checked against the
 * document's Error schema.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import { expect } from 'vitest';
import type { ApiModel } from '../../../src/api/model.ts';
import { openApiDocument } from '../../../src/api/openapi.ts';
import type { Endpoint } from '../../../src/api/schema/endpoints.ts';

type Json = Record<string, any>;

function inlineRefs(node: unknown, document: Json): unknown {
  if (Array.isArray(node)) return node.map((item) => inlineRefs(item, document));
  if (typeof node !== 'object' || node === null) return node;
  const ref = (node as Json)['$ref'];
  if (typeof ref === 'string' && ref.startsWith('#/components/')) {
    const target = ref
      .slice(2)
      .split('/')
      .reduce((at: Json, part) => at[part], document);
    return inlineRefs(target, document);
  }
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, inlineRefs(value, document)]));
}

export interface OpenApiCheck {
  /** Asserts the response is documented for `endpoint` (or, without one, has the Error shape). */
  expectDocumented(endpoint: Endpoint | undefined, status: number, headers: Headers, body: unknown): void;
}

const cache = new Map<ApiModel, OpenApiCheck>();

export function openApiCheck(model: ApiModel): OpenApiCheck {
  const cached = cache.get(model);
  if (cached) return cached;
  const raw = openApiDocument(model);
  const resolved = inlineRefs(raw, raw) as Json;
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const validators = new Map<unknown, ValidateFunction>();
  const validatorFor = (schema: unknown) => {
    let validate = validators.get(schema);
    if (!validate) validators.set(schema, (validate = ajv.compile(schema as Json)));
    return validate;
  };
  const expectValid = (schema: unknown, body: unknown, where: string) => {
    const validate = validatorFor(schema);
    const valid = validate(body);
    expect(valid, `${where}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body)}`).toBe(true);
  };
  const check: OpenApiCheck = {
    expectDocumented(endpoint, status, headers, body) {
      if (!endpoint) {
        if (status !== 204) expectValid(resolved['components']['schemas']['Error'], body, `unrouted ${status}`);
        return;
      }
      const operation = resolved['paths'][endpoint.path][endpoint.method.toLowerCase()];
      const where = `${endpoint.method} ${endpoint.path} → ${status}`;
      const documented = operation['responses'][String(status)];
      expect(documented, `${where} is not documented`).toBeDefined();
      for (const [name, header] of Object.entries<Json>(documented['headers'] ?? {})) {
        if (header['required']) expect(headers.has(name), `${where}: header ${name} is required but missing`).toBe(true);
      }
      const schema = documented['content']?.['application/json']?.['schema'];
      if (schema) expectValid(schema, body, where);
      else expect(body, `${where} has no documented body`).toBeNull();
    },
  };
  cache.set(model, check);
  return check;
}

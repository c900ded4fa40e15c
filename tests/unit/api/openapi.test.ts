import SwaggerParser from '@apidevtools/swagger-parser';
import { describe, expect, test } from 'vitest';
import { loadModel } from '../../../src/api/index.ts';
import { openApiDocument } from '../../../src/api/openapi.ts';
import { presets } from '../../../src/api/presets/index.ts';

type Operation = {
  operationId: string;
  security: Array<Record<string, string[]>>;
  responses: Record<
    string,
    { headers?: Record<string, unknown>; content?: { 'application/json': { examples?: Record<string, unknown> } } }
  >;
};

function operations(document: Record<string, unknown>): Array<Operation & { method: string; path: string }> {
  return Object.entries(document['paths'] as Record<string, Record<string, Operation>>).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ ...operation, method: method.toUpperCase(), path })),
  );
}

describe.each(Object.keys(presets))('the OpenAPI document of %s', (name) => {
  const model = loadModel(name);
  const document = openApiDocument(model);

  test('passes a real OpenAPI 3.1 validator', async () => {
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeTruthy();
  });

  test('lists every endpoint of the model, each with the scopes it requires under every auth scheme', () => {
    const byId = new Map(operations(document).map((operation) => [operation.operationId, operation]));
    expect([...byId.keys()].sort()).toEqual(model.endpoints.map((endpoint) => endpoint.id).sort());
    for (const endpoint of model.endpoints) {
      const operation = byId.get(endpoint.id)!;
      expect(operation.method).toBe(endpoint.method);
      expect(operation.path).toBe(endpoint.path);
      expect(operation.security).toHaveLength(model.auth.schemes.length);
      for (const requirement of operation.security) expect(Object.values(requirement)[0]).toEqual(endpoint.scopes);
    }
  });

  test('has one security scheme per accepted auth scheme', () => {
    const schemes = (document['components'] as { securitySchemes: Record<string, { type: string; name?: string }> }).securitySchemes;
    expect(Object.values(schemes).map((s) => s.name ?? s.type)).toEqual(
      model.auth.schemes.map((scheme) => (scheme.type === 'bearer' ? 'http' : scheme.name)),
    );
  });

  test('documents 401, 403 and 429 with example bodies, and Retry-After on 429', () => {
    for (const operation of operations(document)) {
      for (const status of ['401', '403', '429']) {
        const examples = operation.responses[status]?.content?.['application/json'].examples ?? {};
        expect(Object.keys(examples).length, `${operation.operationId} ${status}`).toBeGreaterThan(0);
      }
      expect(Object.keys(operation.responses['429']!.headers ?? {})).toContain('Retry-After');
    }
  });

  test('carries under x-keyport what OpenAPI cannot say: the settings at the root, the sandbox action per operation', () => {
    const root = JSON.parse(JSON.stringify(document))['x-keyport'];
    expect(root.environments.map((env: { keyPrefix: string }) => env.keyPrefix)).toEqual(model.environments.map((env) => env.keyPrefix));
    expect(root.keyTemplates).toEqual(model.keyTemplates);
    expect(root.rateLimits).toEqual(model.rateLimits);
    expect(root.keyPolicy).toEqual(model.keyPolicy);
    expect(root.webhooks).toEqual(model.webhooks);
    expect(root.errors).toEqual(model.errors);
    expect(root.collections.map((c: { id: string; seed: unknown[] }) => [c.id, c.seed])).toEqual(
      model.collections.map((c) => [c.id, c.seed]),
    );
    const byId = new Map(operations(document).map((operation) => [operation.operationId, operation]));
    model.endpoints.forEach((endpoint, order) => {
      expect((byId.get(endpoint.id) as unknown as Record<string, unknown>)['x-keyport']).toMatchObject({ action: endpoint.action, order });
    });
  });
});

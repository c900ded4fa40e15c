/**
 * Round trip: each preset's own `/openapi.json`, imported back, gives the same model in every fact
 * the sandbox uses, and a sandbox built from the imported model answers the same requests with
 * the same statuses, error bodies and rate-limit headers as the preset's. One known difference:
 * validation messages a preset words itself in zod are not carried (see the 422 step).
 */
import { afterEach, describe, expect, test } from 'vitest';
import { importOpenApiObject } from '../../../../src/api/import/index.ts';
import { loadModel, type ApiModel } from '../../../../src/api/index.ts';
import { openApiDocument } from '../../../../src/api/openapi.ts';
import { presets } from '../../../../src/api/presets/index.ts';
import { requestExample } from '../../../../src/api/examples.ts';
import { keyLackingScope, ownerMayCall, scopedListEndpoint, startHarness, type Harness } from '../../mocks/harness.ts';

/** The document as a client downloads it: JSON text, parsed again. */
const downloaded = (model: ApiModel) => JSON.parse(JSON.stringify(openApiDocument(model))) as object;

const endpointFacts = (model: ApiModel) =>
  model.endpoints.map(({ id, method, path, summary, description, tag, scopes, action, successStatus, query, body }) => ({
    id,
    method,
    path,
    summary,
    description,
    tag,
    scopes,
    action,
    successStatus,
    query: query ? Object.keys(query.shape) : null,
    body: body ? Object.keys(body.shape) : null,
  }));

describe.each(Object.keys(presets))('%s imported from its own /openapi.json', (name) => {
  const preset = loadModel(name);
  // One msw server intercepts at a time, so the two sandboxes run one after the other.
  let running: Harness | undefined;
  afterEach(() => running?.close());

  test('gives the same model in every fact the sandbox uses, with no warning', async () => {
    const { model, warnings } = await importOpenApiObject(downloaded(preset), `${name}/openapi.json`);
    expect(warnings).toEqual([]);
    expect(endpointFacts(model)).toEqual(endpointFacts(preset));
    for (const key of [
      'product',
      'environments',
      'auth',
      'keyFormat',
      'keyPolicy',
      'scopes',
      'access',
      'keyTemplates',
      'management',
      'errorFormat',
      'errors',
      'rateLimits',
      'webhooks',
      'monitoring',
    ] as const) {
      expect(model[key], key).toEqual(preset[key]);
    }
    expect(
      model.collections.map(({ id, name, idPrefix, seed, testModeOverrides }) => ({ id, name, idPrefix, seed, testModeOverrides })),
    ).toEqual(
      preset.collections.map(({ id, name, idPrefix, seed, testModeOverrides }) => ({ id, name, idPrefix, seed, testModeOverrides })),
    );
  });

  test('answers like the preset’s sandbox: 401, 403, records, 422 and 429 with the same bodies and headers', async () => {
    const { model } = await importOpenApiObject(downloaded(preset), `${name}/openapi.json`);
    const answers = async (h: Harness) => {
      running = h;
      const seen: unknown[] = [];
      const ids = new Map<string, string>();
      // Keys, record ids and request ids are random: each becomes a placeholder numbered by first appearance.
      const normal = (text: string) =>
        text.replace(/\b(req_|[a-z]+_(?:live_|test_)?)[0-9A-Za-z]{14,}\b/g, (id, prefix: string) => {
          if (!ids.has(id)) ids.set(id, `${prefix}<${ids.size}>`);
          return ids.get(id)!;
        });
      const note = (reply: Awaited<ReturnType<Harness['call']>>) =>
        seen.push({
          status: reply.status,
          error: reply.error,
          body: normal(JSON.stringify(reply.body)),
          headers: ['Content-Type', 'X-RateLimit-Limit', 'X-RateLimit-Remaining', 'RateLimit-Policy', 'Retry-After'].map((header) =>
            reply.headers.get(header),
          ),
        });
      const list = scopedListEndpoint(h.model);
      note(await h.call('GET', list.path, { key: null }));
      note(await h.call('GET', list.path, { key: `${h.model.environments[1]!.keyPrefix}nope` }));
      const narrow = await keyLackingScope(h);
      note(await h.call(narrow.endpoint.method, narrow.endpoint.path, { key: narrow.key }));
      note(await h.call('GET', list.path));
      for (const endpoint of h.model.endpoints.filter((e) => e.action.type === 'create' && ownerMayCall(h.model, e))) {
        note(await h.call('POST', endpoint.path, { body: requestExample(h.model, endpoint) }));
        // Status and error id only: a message a preset words itself in zod (`error: "Webhook URLs
        // must use https."`) has no place in JSON Schema, so the imported sandbox words it as zod does.
        const empty = await h.call('POST', endpoint.path, { body: {} });
        seen.push({ status: empty.status, error: empty.error });
        note(await h.call('POST', endpoint.path, { body: { ...requestExample(h.model, endpoint), not_a_field: 1 } }));
      }
      h.sandbox.settings.update({ rateLimitMode: 'demo' });
      for (let i = 0; i <= h.model.rateLimits.demo.limit; i++) note(await h.call('GET', h.model.management.whoamiPath));
      h.close();
      running = undefined;
      return seen;
    };
    const imported = await answers(await startHarness(model));
    expect(imported).toEqual(await answers(await startHarness(name)));
  });
});

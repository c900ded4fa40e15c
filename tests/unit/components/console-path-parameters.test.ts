/**
 * The console of a portal built from an OpenAPI document whose paths have several parameters
 * (Svix: `/api/v1/app/{app_id}/endpoint/{id}`): it starts with values the sandbox accepts for
 * each, shows code with all of them filled in, and calls the SDK with each in path order.
 */
import { expect, test } from 'vitest';
import { importOpenApiFile } from '../../../src/api/import/index.ts';
import type { KeyportClient } from '../../../src/sdk/index.ts';
import { defaultDraft } from '../../../src/components/try-it/console-send.ts';
import { renderConsoleSnippet } from '../../../src/components/try-it/snippet-code.ts';
import { callEndpoint } from '../../../src/components/widgets/sdk-call.ts';
import { consoleData } from '../../../src/components/widgets/widget-data.ts';

const { model } = await importOpenApiFile('tests/fixtures/openapi/svix/openapi.json');
const data = consoleData(model);
const nested = data.endpoints.find((e) => e.method === 'GET' && e.parents.length > 0 && e.hasId)!;

test('a request under a parent starts with a value for every path parameter', () => {
  expect(nested.parents).toEqual(['app_id']);
  const draft = defaultDraft(nested, data.schemes[0]!.id);
  expect(draft.id).not.toBe('');
  expect(Object.keys(draft.parents)).toEqual(nested.parents);
  for (const value of Object.values(draft.parents)) expect(value).toMatch(/^[a-zA-Z0-9\-_.]+$/);
});

test('its code has every path parameter filled in, encoded', () => {
  const code = renderConsoleSnippet(
    'curl',
    {
      endpoint: { id: nested.id, method: nested.method, path: nested.path, hasBody: false },
      id: 'ep 1',
      parents: { app_id: 'app_2' },
      query: {},
      body: undefined,
      auth: null,
      environment: 'test',
      target: 'local',
    },
    data.snippets,
  );
  const expected = nested.path.replace('{app_id}', 'app_2').replace('{id}', 'ep%201');
  expect(code).toContain(expected);
  expect(code).not.toMatch(/\{(app_)?id\}/);
});

test('the SDK is called with the parents first, then the id', async () => {
  const [resource, method] = nested.id.split('.') as [string, string];
  const client = { [resource]: { [method]: (...args: unknown[]) => Promise.resolve(args) } } as unknown as KeyportClient;
  const args = (await callEndpoint(client, nested, { recordId: 'ep_1', parents: { app_id: 'app_2' } })) as unknown[];
  // Then the query (none given) and the request options.
  expect(args.slice(0, 2)).toEqual(['app_2', 'ep_1']);
});

/**
 * Operations outside a REST collection: imported with the `example` action, their success status
 * as documented (any 2xx), and every documented response kept for `Prefer: code=…`.
 */
import { expect, test } from 'vitest';
import { importOpenApiObject } from '../../../../src/api/import/index.ts';
import { openApiDocument } from '../../../../src/api/openapi.ts';
import { forecastApi } from './forecast-api.ts';

test('operations outside a REST collection answer their documented example, with the documented success status', async () => {
  const { model, warnings } = await importOpenApiObject(forecastApi());
  expect(warnings).toEqual([]);
  const own = model.endpoints.filter((e) => e.action.type !== 'keys' && e.action.type !== 'whoami');
  expect(own.map((e) => [e.id, e.method, e.path, e.action.type, e.successStatus])).toEqual([
    ['forecast.getForecast', 'GET', '/forecast', 'example', 200],
    ['reports.requestReport', 'POST', '/reports', 'example', 202],
    ['status.get', 'GET', '/status', 'example', 204],
    ['status.getById', 'GET', '/status/{id}', 'example', 200],
  ]);
  const forecast = own[0]!;
  expect(forecast.responses?.map((r) => [r.status, r.example])).toEqual([
    [200, { city: 'Oslo', temperature_c: 4.5 }],
    [401, { error: { code: 'example', message: 'example' } }],
    [409, { error: { code: 'busy', message: 'Try again in a minute.' } }],
  ]);
  // Without an example, one is generated from the schema.
  expect(own[1]!.responses).toEqual([
    expect.objectContaining({ status: 202, example: { job_id: '123e4567-e89b-12d3-a456-426614174000' } }),
  ]);
});

test('a documented example that does not match its schema is replaced by a generated one, with a warning', async () => {
  const { model, warnings } = await importOpenApiObject(
    forecastApi((d) => {
      d['paths']['/forecast'].get.responses['200'].content['application/json'].example = { city: 'Oslo' };
    }),
  );
  expect(model.endpoints.find((e) => e.path === '/forecast')!.responses![0]!.example).toEqual({ city: 'example', temperature_c: 1 });
  expect(warnings.map((w) => [w.pointer, w.message])).toEqual([
    [
      '#/paths/~1forecast/get/responses/200',
      'The documented example does not match its schema; the sandbox answers a value generated from the schema.',
    ],
  ]);
});

test('/openapi.json of an imported model documents every kept response, and 422 for an undocumented `Prefer: code`', async () => {
  const { model } = await importOpenApiObject(forecastApi());
  const paths = openApiDocument(model)['paths'] as Record<string, any>;
  const responses = paths['/forecast'].get.responses;
  // No 403: the document names no scopes and keys cannot be locked to addresses, so none can be refused.
  expect(Object.keys(responses).sort()).toEqual(['200', '401', '409', '422', '429']);
  expect(responses['409'].content['application/json'].example).toEqual({ error: { code: 'busy', message: 'Try again in a minute.' } });
  expect(paths['/reports'].post.responses['202'].content['application/json'].schema.required).toEqual(['job_id']);
});

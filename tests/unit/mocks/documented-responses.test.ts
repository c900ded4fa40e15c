/**
 * The sandbox of an imported document answers operations outside a REST collection as the
 * document shows them, after the same key, scope and rate-limit checks as every endpoint, and
 * `Prefer: code=NNN` reproduces any documented response.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { importOpenApiObject } from '../../../src/api/import/index.ts';
import { forecastApi } from '../api/import/forecast-api.ts';
import { startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeEach(async () => {
  h = await startHarness((await importOpenApiObject(forecastApi())).model);
});
afterEach(() => h.close());

describe('an operation outside a REST collection', () => {
  test('refuses a request without a key, in the API’s error format', async () => {
    const reply = await h.call('GET', '/forecast?city=Oslo', { key: null });
    expect([reply.status, reply.error]).toEqual([401, 'missing_api_key']);
  });

  test('answers its documented example to a key created in the key manager', async () => {
    const key = await h.createKey({ name: 'Weather widget' });
    const reply = await h.call('GET', '/forecast?city=Oslo', { key: key.secret });
    expect([reply.status, reply.body]).toEqual([200, { city: 'Oslo', temperature_c: 4.5 }]);
  });

  test('answers the documented success status: 202 with a body generated from the schema, 204 with none', async () => {
    const accepted = await h.call('POST', '/reports', { body: { city: 'Oslo' } });
    expect([accepted.status, accepted.body]).toEqual([202, { job_id: '123e4567-e89b-12d3-a456-426614174000' }]);
    expect((await h.call('GET', '/status')).status).toBe(204);
  });

  test('still checks the body against the documented schema', async () => {
    const reply = await h.call('POST', '/reports', { body: { town: 'Oslo' } });
    expect([reply.status, reply.error]).toEqual([422, 'validation_failed']);
  });
});

describe('Prefer: code=NNN', () => {
  test('answers a documented status with its documented example', async () => {
    const reply = await h.call('GET', '/forecast?city=Oslo', { headers: { Prefer: 'code=409' } });
    expect([reply.status, reply.body]).toEqual([409, { error: { code: 'busy', message: 'Try again in a minute.' } }]);
  });

  test('answers a documented error status that the sandbox itself uses with its error, in the API’s format', async () => {
    const reply = await h.call('GET', '/forecast?city=Oslo', { headers: { Prefer: 'code=401' } });
    expect(reply.status).toBe(401);
    expect(reply.body.error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
  });

  test('refuses an undocumented status with a 422 that lists the documented ones', async () => {
    const reply = await h.call('GET', '/forecast?city=Oslo', { headers: { Prefer: 'code=418' } });
    expect([reply.status, reply.error]).toEqual([422, 'validation_failed']);
    expect(reply.body.error.message).toMatchInlineSnapshot(
      `"Invalid value for \`Prefer\`: code=418 is not a documented response of \`GET /forecast\`; ask for one of 200, 401, 409."`,
    );
  });

  test('does not skip authentication', async () => {
    const reply = await h.call('GET', '/forecast?city=Oslo', { key: null, headers: { Prefer: 'code=200' } });
    expect(reply.status).toBe(401);
  });
});

test('asking a REST collection for its success status runs it: the list comes back with the sandbox’s records, as the document lists them', async () => {
  const { model } = await importOpenApiObject(
    forecastApi((d) => {
      const city = { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } }, required: ['id', 'name'] };
      const json = (schema: object, example?: unknown) => ({ 'application/json': { schema, ...(example ? { example } : {}) } });
      d['paths']['/cities'] = {
        get: {
          responses: { '200': { description: 'All cities.', content: json({ type: 'array', items: city }, [{ id: 'c1', name: 'Oslo' }]) } },
        },
      };
      d['paths']['/cities/{cityId}'] = {
        get: {
          parameters: [{ name: 'cityId', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': { description: 'A city.', content: json(city, { id: 'c1', name: 'Oslo' }) } },
        },
      };
    }),
  );
  const cities = await startHarness(model);
  try {
    const reply = await cities.call('GET', '/cities', { headers: { Prefer: 'code=200' } });
    expect(reply.status).toBe(200);
    // The document lists cities as a bare array, so the sandbox does too.
    expect(reply.body).toMatchObject([{ id: 'city_seed_1', name: 'Oslo' }]);
  } finally {
    cities.close();
  }
});

test('a preset’s sandbox ignores Prefer: its endpoints keep no documented responses', async () => {
  const preset = await startHarness('huechat');
  try {
    const endpoint = preset.model.endpoints.find((e) => e.method === 'GET' && e.action.type === 'list')!;
    const reply = await preset.call('GET', endpoint.path, { headers: { Prefer: 'code=418' } });
    expect(reply.status).toBe(200);
  } finally {
    preset.close();
  }
});

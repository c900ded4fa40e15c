/**
 * Keys in the query string (`{ type: 'query', name }`): what the schema accepts, where every
 * runtime puts the key, and how OpenAPI's `apiKey in: query` maps to it and back.
 */
import { describe, expect, test } from 'vitest';
import { importOpenApiObject } from '../../../src/api/import/index.ts';
import { buildModel } from '../../../src/api/model.ts';
import { presets } from '../../../src/api/presets/index.ts';
import { openApiDocument } from '../../../src/api/openapi.ts';
import { defaultScheme, findScheme, keyLine, keyPlacement, schemeId, schemeLabel } from '../../../src/api/runtime/index.ts';
import { authSchemeSchema } from '../../../src/api/schema/auth.ts';
import { queryKeyDocument, queryKeyModel } from '../../helpers/query-key-api.ts';
import { forecastApi } from './import/forecast-api.ts';

describe('the query scheme in the model', () => {
  test('takes a parameter name that needs no encoding', () => {
    for (const name of ['api_key', 'key', 'X-Api-Key', 'api.key', 'k~1']) {
      expect(authSchemeSchema.safeParse({ type: 'query', name }).success, name).toBe(true);
    }
  });

  test('refuses any other name, saying what a name may hold', () => {
    for (const name of ['', 'api key', 'key[]', 'a&b', 'a=b', 'clé']) {
      const parsed = authSchemeSchema.safeParse({ type: 'query', name });
      expect(parsed.success, name).toBe(false);
      expect(parsed.error!.issues[0]!.message).toMatchInlineSnapshot(
        `"A query parameter name is letters, digits, ".", "_", "~" and "-", e.g. "api_key"."`,
      );
    }
  });

  test('puts the key in the URL: its id, label and line say so', () => {
    const scheme = { type: 'query', name: 'api_key' } as const;
    expect(keyPlacement(scheme)).toEqual({ in: 'query', scheme: '?api_key', param: 'api_key' });
    expect(schemeId(scheme)).toBe('?api_key');
    expect(schemeLabel(scheme)).toBe('api_key query parameter');
    expect(keyLine(scheme, '$KEY')).toBe('?api_key=$KEY');
    expect(findScheme([{ type: 'header', name: 'api_key' }, scheme], '?api_key')).toBe(scheme);
  });

  test('is the default only when the API accepts no header', () => {
    const query = { type: 'query', name: 'api_key' } as const;
    const header = { type: 'header', name: 'X-Key' } as const;
    expect(defaultScheme([query])).toBe(query);
    expect(defaultScheme([query, header])).toBe(header);
    expect(defaultScheme([{ type: 'bearer' }, query])).toEqual({ type: 'bearer' });
  });
});

describe('apiKey in: query in OpenAPI', () => {
  test('is imported as the query scheme, without a warning, and the API is served', async () => {
    const { model, warnings } = await importOpenApiObject(
      forecastApi((d) => {
        d['components'].securitySchemes = { Key: { type: 'apiKey', in: 'query', name: 'appid' } };
      }),
      'forecast.json',
    );
    expect(warnings).toEqual([]);
    expect(model.auth.schemes).toEqual([{ type: 'query', name: 'appid' }]);
  });

  test('an operation that also lists the key as a parameter does not get it as its own', async () => {
    const { model } = await importOpenApiObject(
      forecastApi((d) => {
        d['components'].securitySchemes = { Key: { type: 'apiKey', in: 'query', name: 'appid' } };
        d['paths']['/forecast'].get.parameters.push({ name: 'appid', in: 'query', required: true, schema: { type: 'string' } });
      }),
      'forecast.json',
    );
    const forecast = model.endpoints.find((e) => e.path === '/forecast')!;
    expect(Object.keys(forecast.query!.shape)).toEqual(['city']);
  });

  test('a header and a query scheme of the same name are two schemes', async () => {
    const { model } = await importOpenApiObject(
      forecastApi((d) => {
        d['components'].securitySchemes = {
          Key: { type: 'apiKey', in: 'header', name: 'key' },
          KeyInQuery: { type: 'apiKey', in: 'query', name: 'key' },
        };
      }),
      'forecast.json',
    );
    expect(model.auth.schemes).toEqual([
      { type: 'header', name: 'key' },
      { type: 'query', name: 'key' },
    ]);
  });

  test('is what the portal publishes for the query scheme', async () => {
    const model = await queryKeyModel({ alsoHeader: true });
    const document = openApiDocument(model) as Record<string, any>;
    expect(document['components'].securitySchemes).toMatchObject({
      apikeyQuery: { type: 'apiKey', in: 'query', name: 'api_key' },
      XAPIKeyHeader: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
    });
    expect(document['security']).toEqual([{ apikeyQuery: [] }, { XAPIKeyHeader: [] }]);
    const whoami = document['paths'][model.management.whoamiPath].get;
    expect(whoami.security.map((r: object) => Object.keys(r)[0])).toEqual(['apikeyQuery', 'XAPIKeyHeader']);
  });

  test('round trip: the published document imports back to the same schemes', async () => {
    for (const alsoHeader of [false, true]) {
      const model = await queryKeyModel({ alsoHeader });
      const { model: again, warnings } = await importOpenApiObject(JSON.parse(JSON.stringify(openApiDocument(model))), 'again.json');
      // (A model imported twice gets warnings about response examples, as any imported model does; none is about auth.)
      expect(warnings.filter((w) => w.pointer.includes('security'))).toEqual([]);
      expect(again.auth).toEqual(model.auth);
      expect(again.auth.schemes[0]).toEqual({ type: 'query', name: 'api_key' });
    }
    expect(queryKeyDocument()['components'].securitySchemes).toEqual({ KeyInQuery: { type: 'apiKey', in: 'query', name: 'api_key' } });
  });
});

test('a key parameter that an endpoint also takes is refused, naming both', () => {
  const preset = { ...presets['huechat']!, auth: { schemes: [{ type: 'query' as const, name: 'limit' }] } };
  expect(() => buildModel(preset, 'preset "huechat"')).toThrowErrorMatchingInlineSnapshot(`
    [PresetConfigError: The Keyport preset "huechat" is not valid:
    - auth.schemes: the query parameter \`limit\` carries the API key, but endpoints \`GET /contacts\`, \`GET /conversations\`, \`GET /messages\`, \`GET /channels\`, \`GET /webhooks\`, \`GET /admin/users\`, \`GET /api-keys\` take a parameter of that name too. Rename the key's parameter.]
  `);
});

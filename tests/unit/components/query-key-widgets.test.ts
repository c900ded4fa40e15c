/**
 * The widgets' data for an API that takes its key in the query string: the console's schemes,
 * the code it shows, "Copy curl" of the key manager, the error lab and the key inspector work
 * without a key header, and the labs' recorder never shows a whole key in a URL.
 */
import { describe, expect, test } from 'vitest';
import { diagnoseKey } from '../../../src/components/labs/key-diagnosis.ts';
import { errorLabData } from '../../../src/components/labs/error-cases.ts';
import { maskUrl, withoutKey } from '../../../src/components/labs/exchange.ts';
import { renderConsoleSnippet } from '../../../src/components/try-it/snippet-code.ts';
import { withKey } from '../../../src/components/widgets/key-placeholder.ts';
import { consoleData, firstRequestInfo, keyInspectorData } from '../../../src/components/widgets/widget-data.ts';
import { ALSO_HEADER, queryKeyModel } from '../../helpers/query-key-api.ts';

const only = await queryKeyModel();
const both = await queryKeyModel({ alsoHeader: true });
const key = `${only.environments.find((env) => env.id === 'test')!.keyPrefix}${'A'.repeat(only.keyFormat.randomLength + only.keyFormat.checksumLength)}`;

describe('the try-it console', () => {
  test('offers the query parameter as a scheme, and the header first when the API also takes one', () => {
    expect(consoleData(only).schemes).toEqual([
      { in: 'query', scheme: '?api_key', param: 'api_key', id: '?api_key', label: 'api_key query parameter' },
    ]);
    expect(consoleData(both).schemes.map((s) => s.id)).toEqual([ALSO_HEADER, '?api_key']);
  });

  test('shows code that adds the key to the URL beside the request’s own query', () => {
    const data = consoleData(only);
    const list = data.endpoints.find((e) => e.id === 'contacts.list')!;
    const scheme = data.schemes[0]!;
    const code = renderConsoleSnippet(
      'node',
      {
        endpoint: { id: list.id, method: list.method, path: list.path, hasBody: false },
        id: '',
        query: { limit: '5' },
        body: undefined,
        auth: scheme.in === 'query' ? { in: 'query', scheme: scheme.id, param: scheme.param } : null,
        environment: 'test',
        target: 'local',
      },
      data.snippets,
    );
    expect(code).toContain("/contacts?limit=5&api_key=' + encodeURIComponent(apiKey)");
  });
});

test('"Copy curl with this key" puts the key in --url-query', () => {
  const curl = withKey(firstRequestInfo(only).curl.test, key);
  expect(curl).toContain(`--url-query 'api_key=${key}'`);
  expect(curl).not.toContain('--header');
});

test('the error lab provokes two different keys in the query parameter and the header', () => {
  expect(errorLabData(only).unreachable.find((e) => e.id === 'conflicting_api_keys')?.why).toBe(
    'This API accepts the key in one query parameter only, so a request cannot carry two different keys.',
  );
  const conflict = errorLabData(both).cases.find((c) => c.id === 'conflicting_api_keys')!;
  expect(conflict.setup).toBe('Sends one key in the api_key query parameter and another in the X-API-Key header.');
});

test('the key inspector knows no key header, and still reads a pasted key', () => {
  const data = keyInspectorData(only);
  expect(data.headerNames).toEqual([]);
  // With no header name to recognise, a leading colon is not taken for one.
  expect(diagnoseKey(`: ${key}`, data).cleaning).not.toContain('it was pasted with its header name');
  expect(diagnoseKey(` ${key}\n`, data).cleaning).toEqual(['it has spaces or line breaks around it']);
});

describe('the labs’ recorder', () => {
  const url = `https://sandbox.example/v2/me?limit=2&api_key=${key}`;

  test('masks the key in a recorded URL and leaves the rest', () => {
    const masked = new URL(maskUrl(url, ['api_key']));
    expect(masked.searchParams.get('limit')).toBe('2');
    expect(masked.href).not.toContain(key);
    expect(masked.searchParams.get('api_key')).toMatch(/…/);
    expect(maskUrl(url, [])).toBe(url);
  });

  test('takes the key parameter off when a request is to carry no key', () => {
    const request = withoutKey(new Request(url, { headers: { [ALSO_HEADER]: key } }), { headers: [ALSO_HEADER], params: ['api_key'] });
    expect(request.url).toBe('https://sandbox.example/v2/me?limit=2');
    expect(request.headers.has(ALSO_HEADER)).toBe(false);
  });
});

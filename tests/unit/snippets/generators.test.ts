import { describe, expect, test } from 'vitest';
import { targetBaseUrl, targetSentence, type CodeTarget } from '../../../src/api/code-targets.ts';
import { buildRequest } from '../../../src/api/example-request.ts';
import { loadModel } from '../../../src/api/index.ts';
import { SNIPPET_LANGUAGES } from '../../../src/components/snippets/languages.ts';
import { renderOptions, renderSnippet } from '../../../src/components/snippets/render.ts';

const model = loadModel();
const create = model.endpoints.find((e) => e.action.type === 'create')!;
const whoami = model.endpoints.find((e) => e.action.type === 'whoami')!;
const key = `${model.environments.find((env) => env.id === 'test')!.keyPrefix}${'A'.repeat(40)}`;

describe.each(SNIPPET_LANGUAGES.map((l) => l.id))('the %s snippet', (language) => {
  test('writes invisible characters as escapes, so the code shows what it sends', () => {
    const body = { name: 'invoice\u202Egpj.exe\u0007\u200B\u2028' };
    const code = renderSnippet(language, buildRequest(model, create, { body }), renderOptions(model, 'local', 'test'));
    for (const invisible of ['\u202E', '\u0007', '\u200B', '\u2028']) expect(code).not.toContain(invisible);
    expect(code).toMatch(/202e/i);
  });

  test('reads the key from the environment variable unless the reader asks to see it', () => {
    const hidden = renderSnippet(language, buildRequest(model, whoami), renderOptions(model, 'api', 'test'));
    expect(hidden).toContain(model.product.envVar);
    expect(hidden).not.toContain(key);
    const shown = renderSnippet(language, buildRequest(model, whoami), renderOptions(model, 'api', 'test', key));
    expect(shown).toContain(key);
    expect(shown).toContain('keep it out of version control');
  });

  test.each(['local', 'browser', 'api'] as CodeTarget[])('sent to the %s target, says so and uses its base URL', (target) => {
    const code = renderSnippet(
      language,
      buildRequest(model, whoami, { baseUrl: targetBaseUrl(model, target, 'live') }),
      renderOptions(model, target, 'live'),
    );
    expect(code).toContain(targetSentence(model, target, 'live'));
    expect(code).toContain(targetBaseUrl(model, target, 'live'));
  });
});

test('the local sandbox stands for the live environment under /live', () => {
  const live = new URL(model.environments.find((env) => env.id === 'live')!.baseUrl);
  expect(targetBaseUrl(model, 'local', 'live')).toBe(`http://127.0.0.1:8787/live${live.pathname}`);
});

describe('for an API that takes the key in the query string', async () => {
  const { queryKeyModel, QUERY_KEY_PARAM, ALSO_HEADER } = await import('../../helpers/query-key-api.ts');
  const only = await queryKeyModel();
  const both = await queryKeyModel({ alsoHeader: true });
  const list = only.endpoints.find((e) => e.id === 'contacts.list')!;

  test.each(SNIPPET_LANGUAGES.map((l) => l.id).filter((id) => id !== 'sdk'))(
    'the %s snippet adds the key from the environment variable to the URL, warns about it, and never inlines it by default',
    (language) => {
      const code = renderSnippet(language, buildRequest(only, list, { query: { limit: '1' } }), renderOptions(only, 'api', 'test'));
      expect(code).toContain(only.product.envVar);
      expect(code).toContain(QUERY_KEY_PARAM);
      expect(code).toContain('limit=1');
      expect(code).toMatch(/URLs end up in server logs/);
      expect(code).not.toContain(key);
      const shown = renderSnippet(language, buildRequest(only, list), renderOptions(only, 'api', 'test', key));
      expect(shown).toContain(key);
    },
  );

  test.each(SNIPPET_LANGUAGES.map((l) => l.id))('the %s snippet sends the key in the header when the API also takes one', (language) => {
    const code = renderSnippet(language, buildRequest(both, list), renderOptions(both, 'api', 'test'));
    // The parameter's name as the code would send it (Python and Ruby name their variable `api_key`).
    expect(code).not.toMatch(new RegExp(`${QUERY_KEY_PARAM}=|["']${QUERY_KEY_PARAM}["']`));
    if (language !== 'sdk') expect(code).toContain(ALSO_HEADER);
  });
});

import { afterEach, expect, test, vi } from 'vitest';
import { createClient, KeyFormatError } from '../../../src/sdk/index.ts';
import { fakeFetch, generic, json, makeKey, model, sentKey } from './fake-api.ts';

afterEach(() => vi.unstubAllEnvs());

test(`without a key the client reads the API’s environment variable`, async () => {
  const key = makeKey('test', 7);
  vi.stubEnv(model.product.envVar, key);
  const { fetch, sent } = fakeFetch(json(200, {}));
  await createClient({ fetch }).whoami.get();
  expect(sent.map(sentKey)).toEqual([key]);
});

test('an explicit undefined apiKey (an unset variable) also falls back to it', async () => {
  const key = makeKey('test', 8);
  vi.stubEnv(model.product.envVar, key);
  const { fetch, sent } = fakeFetch(json(200, {}));
  await createClient({ apiKey: undefined, fetch }).whoami.get();
  expect(sent.map(sentKey)).toEqual([key]);
});

test('a missing key is a clear error naming the variable', () => {
  vi.stubEnv(model.product.envVar, undefined);
  const { fetch } = fakeFetch(json(200, {}));
  let error: KeyFormatError | undefined;
  try {
    createClient({ fetch });
  } catch (caught) {
    error = caught as KeyFormatError;
  }
  expect(error).toBeInstanceOf(KeyFormatError);
  expect(error?.problem).toBe('missing');
  expect(generic(error!.message)).toMatchInlineSnapshot(
    `"No <Product> API key: pass \`apiKey\` or set the <ENV_VAR> environment variable."`,
  );
  expect(fetch).not.toHaveBeenCalled();
});

test('an empty variable counts as missing', () => {
  vi.stubEnv(model.product.envVar, '');
  expect(() => createClient()).toThrow(/environment variable/);
});

test('a malformed key in the variable is refused like any other', () => {
  vi.stubEnv(model.product.envVar, makeKey().slice(0, -3));
  expect(() => createClient()).toThrow(/too short/);
});

test('without `process` (a browser) the same error explains what to pass', () => {
  vi.stubGlobal('process', undefined);
  try {
    expect(() => createClient()).toThrow(KeyFormatError);
  } finally {
    vi.unstubAllGlobals();
  }
});

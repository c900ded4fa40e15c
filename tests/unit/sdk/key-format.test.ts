import { describe, expect, test } from 'vitest';
import { createClient, isKeyFormatError, KeyFormatError, maskApiKey, parseApiKey } from '../../../src/sdk/index.ts';
import { fakeFetch, generic, json, liveBaseUrl, makeKey, model, testBaseUrl } from './fake-api.ts';

const key = makeKey('test');
const prefix = model.environments.find((e) => e.id === 'test')!.keyPrefix;
const flip = (text: string, at: number) => text.slice(0, at) + (text[at] === 'a' ? 'b' : 'a') + text.slice(at + 1);

/** createClient's error for a key, and whether anything was sent. */
function refuse(apiKey: string) {
  const { fetch } = fakeFetch(json(200, {}));
  let error: unknown;
  try {
    createClient({ apiKey, fetch });
  } catch (caught) {
    error = caught;
  }
  return { error: error as KeyFormatError, requests: fetch.mock.calls.length };
}

describe('a key that looks wrong is refused before any request', () => {
  test.each([
    ['a typo', flip(key, prefix.length + 5), 'bad_checksum'],
    ['a missing last character', key.slice(0, -1), 'too_short'],
    ['something pasted after it', `${key}x`, 'too_long'],
    ['a trailing newline', `${key}\n`, 'whitespace'],
    ['quotes around it', `"${key}"`, 'quotes'],
    ['a foreign prefix', `xx_${key.slice(prefix.length)}`, 'unknown_prefix'],
    ['a character no key has', key.slice(0, prefix.length) + '-' + key.slice(prefix.length + 1), 'bad_characters'],
    ['an empty string', '', 'empty'],
  ])('%s', (_, apiKey, problem) => {
    const { error, requests } = refuse(apiKey);
    expect(error).toBeInstanceOf(KeyFormatError);
    expect(isKeyFormatError(error)).toBe(true);
    expect(error.problem).toBe(problem);
    expect(requests).toBe(0);
    if (apiKey.length > 12) expect(error.message).not.toContain(apiKey.trim().slice(prefix.length + 4, -4));
  });
});

test('the message says what looks wrong and that nothing was sent', () => {
  expect(generic(refuse(flip(key, prefix.length + 5)).error.message)).toMatchInlineSnapshot(
    `"The <Product> API key looks wrong: the checksum does not match: a character was mistyped. No request was sent."`,
  );
  expect(generic(refuse(key.slice(0, -2)).error.message)).toMatchInlineSnapshot(
    `"The <Product> API key looks wrong: the key is 2 character(s) too short; it may be cut off. No request was sent."`,
  );
});

test('with several keys the message says which one', () => {
  const { fetch } = fakeFetch(json(200, {}));
  let message = '';
  try {
    createClient({ apiKeys: [key, key.slice(0, -1)], fetch });
  } catch (error) {
    message = generic((error as Error).message);
  }
  expect(message).toMatchInlineSnapshot(
    `"The <Product> API key #2 looks wrong: the key is 1 character(s) too short; it may be cut off. No request was sent."`,
  );
  expect(fetch).not.toHaveBeenCalled();
});

test('live and test keys cannot be mixed for rotation', () => {
  const { fetch } = fakeFetch(json(200, {}));
  let error: KeyFormatError | undefined;
  try {
    createClient({ apiKeys: [makeKey('live'), makeKey('test')], fetch });
  } catch (caught) {
    error = caught as KeyFormatError;
  }
  expect(error?.problem).toBe('mixed_environments');
  expect(error?.message).toMatchInlineSnapshot(`"The API keys mix live and test keys; rotate between keys of one environment."`);
});

test('checkKeyFormat: false sends a malformed key as given, to see the API’s answer', async () => {
  const { fetch, sent } = fakeFetch(json(200, {}));
  await createClient({ apiKey: 'not-a-key', fetch, checkKeyFormat: false }).whoami.get();
  expect(sent).toHaveLength(1);
  expect(sent[0]!.url.origin).toBe(new URL(testBaseUrl).origin);
});

test('parseApiKey tells environment, prefix, base URL and checksum without a request', () => {
  expect(parseApiKey(makeKey('live'))).toEqual({
    valid: true,
    environment: 'live',
    prefix: model.environments.find((e) => e.id === 'live')!.keyPrefix,
    baseUrl: liveBaseUrl,
    checksumValid: true,
    problem: null,
    detail: null,
  });
  expect(parseApiKey(flip(key, prefix.length + 5))).toEqual({
    valid: false,
    environment: 'test',
    prefix,
    baseUrl: testBaseUrl,
    checksumValid: false,
    problem: 'bad_checksum',
    detail: 'the checksum does not match: a character was mistyped',
  });
});

test('maskApiKey keeps the prefix, four characters and the last four', () => {
  const masked = maskApiKey(key);
  expect(masked).toBe(`${prefix}${key.slice(prefix.length, prefix.length + 4)}…${key.slice(-4)}`);
  expect(maskApiKey('short')).toBe('…');
});

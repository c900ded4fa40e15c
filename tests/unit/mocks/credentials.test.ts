import { describe, expect, test } from 'vitest';
import { presets } from '../../../src/api/presets/index.ts';
import { startHarness, withHarness, type Harness } from './harness.ts';

describe.each(Object.keys(presets))('credentials for %s', (preset) => {
  let h: Harness;
  let me: string;
  withHarness(preset, (started) => {
    h = started;
    me = started.model.management.whoamiPath;
  });

  const scheme = () => h.model.auth.schemes[0]!;
  const headerName = () => (scheme().type === 'bearer' ? 'Authorization' : (scheme() as { name: string }).name);
  const carry = (key: string) => (scheme().type === 'bearer' ? `Bearer ${key}` : key);
  const malformedDetail = async (key: string) => {
    const reply = await h.call('GET', me, { key: null, headers: { [headerName()]: carry(key) } });
    expect(reply.status).toBe(401);
    expect(reply.error).toBe('malformed_api_key');
    return reply;
  };

  test('a request without a key is refused as missing', async () => {
    const reply = await h.call('GET', me, { key: null });
    expect([reply.status, reply.error]).toEqual([401, 'missing_api_key']);
  });

  test('an empty key, such as an unset environment variable sends, counts as missing', async () => {
    const reply = await h.call('GET', me, { key: null, headers: { [headerName()]: scheme().type === 'bearer' ? 'Bearer ' : '' } });
    expect([reply.status, reply.error]).toEqual([401, 'missing_api_key']);
  });

  test('every accepted scheme works, whatever the case of the header name', async () => {
    for (const accepted of h.model.auth.schemes) {
      const headers = accepted.type === 'bearer' ? { authorization: `bearer ${h.owner}` } : { [accepted.name.toUpperCase()]: h.owner };
      expect((await h.call('GET', me, { key: null, headers })).status).toBe(200);
    }
  });

  test('an Authorization header without "Bearer" is malformed where Bearer is accepted, and ignored elsewhere', async () => {
    const reply = await h.call('GET', me, { key: null, headers: { Authorization: `Basic ${h.owner}` } });
    if (h.model.auth.schemes.some((s) => s.type === 'bearer')) {
      expect([reply.status, reply.error]).toEqual([401, 'malformed_api_key']);
      expect(JSON.stringify(reply.body)).not.toContain(h.owner);
    } else {
      expect([reply.status, reply.error]).toEqual([401, 'missing_api_key']);
    }
  });

  test('a key with a prefix of no environment is malformed', async () => {
    const reply = await malformedDetail(`xx_${h.owner}`);
    const prefixes = h.model.environments.map((e) => e.keyPrefix);
    for (const prefix of prefixes) expect(JSON.stringify(reply.body)).toContain(prefix);
  });

  test('a key that is cut short or has something pasted after it is malformed', async () => {
    await malformedDetail(h.owner.slice(0, -1));
    await malformedDetail(`${h.owner}x`);
  });

  test('a key with one mistyped character fails the checksum without a lookup', async () => {
    const at = h.model.environments[0]!.keyPrefix.length + 8;
    const typo = h.owner.slice(0, at) + (h.owner[at] === 'a' ? 'b' : 'a') + h.owner.slice(at + 1);
    const reply = await malformedDetail(typo);
    expect(JSON.stringify(reply.body)).toContain('checksum');
  });

  test('stray whitespace or non-ASCII characters in a key are malformed, never a crash', async () => {
    await malformedDetail(`${h.owner.slice(0, 12)} ${h.owner.slice(13)}`);
    await malformedDetail(`${h.owner.slice(0, -1)}é`);
    if (scheme().type === 'bearer') {
      const reply = await h.call('GET', me, { key: null, headers: { Authorization: `Bearer  ${h.owner}` } });
      expect(reply.error).toBe('malformed_api_key');
    }
  });

  test('a well-formed key that was never issued is invalid', async () => {
    const { generateKey } = await import('../../../src/api/key-format.ts');
    const test = h.model.environments.find((e) => e.id === 'test')!;
    const reply = await h.call('GET', me, { key: generateKey(test.keyPrefix, h.model.keyFormat.randomLength) });
    expect([reply.status, reply.error]).toEqual([401, 'invalid_api_key']);
  });

  test('two different keys in one request conflict; the same key twice is fine', async () => {
    const other = (await h.createKey({ name: 'Second key' })).secret;
    if (h.model.auth.schemes.length < 2) {
      // One accepted header, sent twice: the two values arrive joined ("a, b").
      const headers = new Headers({ [headerName()]: carry(h.owner) });
      headers.append(headerName(), carry(other));
      const reply = await h.call('GET', me, { key: null, headers: Object.fromEntries(headers) });
      expect([reply.status, reply.error]).toEqual([401, 'conflicting_api_keys']);
      expect(JSON.stringify(reply.body)).not.toContain(other);
      return;
    }
    const [first, second] = h.model.auth.schemes;
    const headersFor = (a: string, b: string) => ({
      [first!.type === 'bearer' ? 'Authorization' : first!.name]: first!.type === 'bearer' ? `Bearer ${a}` : a,
      [second!.type === 'bearer' ? 'Authorization' : second!.name]: second!.type === 'bearer' ? `Bearer ${b}` : b,
    });
    const conflict = await h.call('GET', me, { key: null, headers: headersFor(h.owner, other) });
    expect([conflict.status, conflict.error]).toEqual([401, 'conflicting_api_keys']);
    expect(JSON.stringify(conflict.body)).not.toContain(other);
    expect((await h.call('GET', me, { key: null, headers: headersFor(h.owner, h.owner) })).status).toBe(200);
  });
});

test('malformed keys are explained in words a reader can act on (huechat)', async () => {
  const h = await startHarness('huechat');
  try {
    const message = async (value: string, header = 'X-API-Key') =>
      (await h.call('GET', '/me', { key: null, headers: { [header]: value } })).body.message;
    expect(await message('pk_test_123')).toMatchInlineSnapshot(
      `"API key is malformed: the key should start with "sk_live_" or "sk_test_""`,
    );
    expect(await message(h.owner.slice(0, -3))).toMatchInlineSnapshot(
      `"API key is malformed: the key is 3 character(s) too short; it may be cut off"`,
    );
    expect(await message(`${h.owner.slice(0, 20)}${h.owner[20] === 'Z' ? 'Y' : 'Z'}${h.owner.slice(21)}`)).toMatchInlineSnapshot(
      `"API key is malformed: the checksum does not match: a character was mistyped"`,
    );
    expect(await message(`Token ${h.owner}`, 'Authorization')).toMatchInlineSnapshot(
      `"API key is malformed: the Authorization header must be "Bearer" followed by a space and the key"`,
    );
  } finally {
    h.close();
  }
});

import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { presets } from '../../../src/api/presets/index.ts';
import { CLIENT_IP_HEADER } from '../../../mocks/client-info.ts';
import { allowlistEntryProblem, ipAllowed } from '../../../mocks/ip-address.ts';
import { startHarness, type Harness } from './harness.ts';

describe.each(Object.keys(presets))('IP allowlists for %s', (preset) => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(preset);
  });
  afterEach(() => h.close());

  test('a key locked to addresses refuses other clients with 403, where the policy allows allowlists', async () => {
    const body = { name: 'Office only', ip_allowlist: ['198.51.100.0/24', '2001:db8::1'] };
    if (!h.model.keyPolicy.ipAllowlist) {
      const refused = await h.call('POST', h.model.management.keysPath, { body });
      expect([refused.status, refused.error]).toEqual([422, 'validation_failed']);
      expect(h.model.errors.some((e) => e.id === 'ip_not_allowed')).toBe(false);
      return;
    }
    const key = await h.createKey(body);
    expect(key.ip_allowlist).toEqual(body.ip_allowlist);
    const me = () => h.call('GET', h.model.management.whoamiPath, { key: key.secret });
    const refused = await me();
    expect([refused.status, refused.error]).toEqual([403, 'ip_not_allowed']);
    expect(JSON.stringify(refused.body)).toContain('203.0.113.10');
    h.sandbox.settings.update({ clientIp: '198.51.100.77' });
    expect((await me()).status).toBe(200);
    h.sandbox.settings.update({ clientIp: '2001:0db8:0000::0001' });
    expect((await me()).status).toBe(200);
  });
});

test('invalid allowlist entries are refused with the entry named (huechat)', async () => {
  const h = await startHarness('huechat');
  try {
    const reply = await h.call('POST', '/api-keys', { body: { name: 'Bad list', ip_allowlist: ['10.0.0.1', '10.0.0.300'] } });
    expect(reply.status).toBe(422);
    expect(reply.body.message).toMatchInlineSnapshot(
      `"Invalid value for \`ip_allowlist.1\`: "10.0.0.300" is not an IPv4 or IPv6 address or an IPv4 CIDR range"`,
    );
  } finally {
    h.close();
  }
});

test('the client address the HTTP server passes in takes precedence over the setting (huechat)', async () => {
  const h = await startHarness('huechat');
  try {
    const key = await h.createKey({ name: 'Local only', ip_allowlist: ['127.0.0.1'] });
    const me = (ip: string) => h.call('GET', '/me', { key: key.secret, headers: { [CLIENT_IP_HEADER]: ip } });
    expect((await me('::ffff:127.0.0.1')).status).toBe(200);
    expect((await me('127.0.0.2')).status).toBe(403);
  } finally {
    h.close();
  }
});

describe('allowlist entries', () => {
  test.each([
    ['203.0.113.7', null],
    ['203.0.113.0/24', null],
    ['0.0.0.0/0', null],
    ['2001:db8::8a2e:370:7334', null],
    ['::ffff:192.0.2.1', null],
    ['203.0.113.256', 'not an IPv4 or IPv6 address'],
    ['010.0.0.1', 'not an IPv4 or IPv6 address'],
    ['203.0.113.0/33', 'not a valid IPv4 CIDR range'],
    ['2001:db8::/32', 'IPv6 range'],
    ['2001:db8:::1', 'not an IPv4 or IPv6 address'],
    ['localhost', 'not an IPv4 or IPv6 address'],
  ])('%s is %s', (entry, problem) => {
    const found = allowlistEntryProblem(entry);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toContain(problem);
  });

  test('a CIDR range matches addresses inside it only', () => {
    expect(ipAllowed(['10.1.0.0/16'], '10.1.255.4')).toBe(true);
    expect(ipAllowed(['10.1.0.0/16'], '10.2.0.1')).toBe(false);
    expect(ipAllowed(['10.1.0.0/16'], '::ffff:10.1.0.9')).toBe(true);
  });

  test('IPv6 addresses match however they are written', () => {
    expect(ipAllowed(['2001:db8::1'], '2001:DB8:0:0:0:0:0:1')).toBe(true);
    expect(ipAllowed(['2001:db8::1'], '2001:db8::2')).toBe(false);
    expect(ipAllowed(['2001:db8::1'], '203.0.113.10')).toBe(false);
  });
});

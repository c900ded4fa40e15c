import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { environment } from '../../../src/api/runtime/index.ts';
import { presets } from '../../../src/api/presets/index.ts';
import { errorMessage, startHarness, type Harness } from './harness.ts';

describe.each(Object.keys(presets))('environments for %s', (preset) => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(preset);
  });
  afterEach(() => h.close());

  test('a live key sent to the test base URL is refused, and told where it belongs', async () => {
    const live = await h.createKey({ name: 'Production', environment: 'live' });
    expect(live.secret.startsWith(environment(h.model, 'live').keyPrefix)).toBe(true);
    const reply = await h.call('GET', h.model.management.whoamiPath, { key: live.secret, env: 'test' });
    expect([reply.status, reply.error]).toEqual([401, 'wrong_environment']);
    const message = errorMessage(h.model, reply.body);
    expect(message).toContain('live');
    expect(message).toContain(environment(h.model, 'live').baseUrl);
    expect((await h.call('GET', h.model.management.whoamiPath, { key: live.secret, env: 'live' })).status).toBe(200);
  });

  test('a test key sent to the live base URL is refused, and told where it belongs', async () => {
    const reply = await h.call('GET', h.model.management.whoamiPath, { env: 'live' });
    expect([reply.status, reply.error]).toEqual([401, 'wrong_environment']);
    expect(errorMessage(h.model, reply.body)).toContain(environment(h.model, 'test').baseUrl);
  });
});

test('the wrong-environment message names both environments (huechat)', async () => {
  const h = await startHarness('huechat');
  try {
    const reply = await h.call('GET', '/me', { env: 'live' });
    expect(reply.body.message).toMatchInlineSnapshot(
      `"This is a test key, but the request went to the live environment; send it to https://sandbox.huechat.ai/v2"`,
    );
  } finally {
    h.close();
  }
});

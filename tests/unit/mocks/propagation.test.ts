import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { presets } from '../../../src/api/presets/index.ts';
import { startHarness, type Harness } from './harness.ts';

describe.each(Object.keys(presets))('propagation delay for %s', (preset) => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(preset);
    // The owner key was created at the start; let it propagate so only the new keys are young.
    h.clock.advance(3_600_000);
  });
  afterEach(() => h.close());

  test('is off by default: a new key works at once', async () => {
    expect(h.sandbox.settings.get().propagationDelaySeconds).toBe(0);
    const key = await h.createKey({ name: 'Instant' });
    expect((await h.call('GET', h.model.management.whoamiPath, { key: key.secret })).status).toBe(200);
  });

  test('when set, a new key is refused with Retry-After until exactly the delay has passed', async () => {
    h.sandbox.settings.update({ propagationDelaySeconds: 10 });
    const key = await h.createKey({ name: 'Propagating' });
    const created = h.clock.now();
    const me = () => h.call('GET', h.model.management.whoamiPath, { key: key.secret });

    const first = await me();
    expect([first.status, first.error, first.headers.get('Retry-After')]).toEqual([401, 'key_not_yet_active', '10']);
    h.clock.set(created + 9_001);
    expect((await me()).headers.get('Retry-After')).toBe('1');
    h.clock.set(created + 9_999);
    const last = await me();
    expect([last.status, last.headers.get('Retry-After')]).toEqual([401, '1']);
    h.clock.set(created + 10_000);
    expect((await me()).status).toBe(200);
  });

  test('applies to a rolled key too, while the old key keeps working', async () => {
    const key = await h.createKey({ name: 'Rolling' });
    h.clock.advance(60_000);
    h.sandbox.settings.update({ propagationDelaySeconds: 5 });
    const grace = h.model.keyPolicy.rollGraceSeconds.find((s) => s > 0)!;
    const rolled = await h.call('POST', `${h.model.management.keysPath}/${key.id}/roll`, { body: { grace_seconds: grace } });
    const me = (secret: string) => h.call('GET', h.model.management.whoamiPath, { key: secret });
    expect((await me(rolled.body.key.secret)).error).toBe('key_not_yet_active');
    expect((await me(key.secret)).status).toBe(200);
    h.clock.advance(5_000);
    expect((await me(rolled.body.key.secret)).status).toBe(200);
  });
});

/**
 * The rotation walkthrough's scenarios against the real sandbox (msw/node), with the real
 * simulated app, wallet, lab session and SDK; only the browser's service-worker start
 * (`mocks/browser.ts`) is stood in for. The scripted pauses run four times faster.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startNodeSandbox, type NodeSandbox } from '../../../../mocks/node.ts';
import type { Sandbox } from '../../../../mocks/sandbox.ts';
import { model } from '../../../../src/api/index.ts';
import { openSession } from '../../../../src/components/labs/lab-session.ts';
import { countRequest, describeTraffic, NO_TRAFFIC } from '../../../../src/components/labs/rotation-app.ts';
import {
  createRotationLab,
  graceLeft,
  markerText,
  runningApp,
  stepState,
  type RotationLab,
  type RotationState,
} from '../../../../src/components/labs/rotation-scenarios.ts';
import { createWallet } from '../../../../src/components/wallet/wallet.ts';
import { sleep } from '../../../../src/components/widgets/sleep.ts';
import { rotationData } from '../../../../src/components/widgets/widget-data.ts';
import { createClient } from '../../../../src/sdk/index.ts';

const boundary = vi.hoisted(() => ({ sandbox: null as Sandbox | null }));
vi.mock('../../../../mocks/browser.ts', () => ({ startSandbox: async () => boundary.sandbox! }));

const data = rotationData(model);
const wallet = createWallet(data.api.product.id, { storage: null, events: null });
let node: NodeSandbox;

beforeAll(async () => {
  node = await startNodeSandbox();
  boundary.sandbox = node.sandbox;
  // What `startSandboxFor` checks and uses in a browser; the sandbox itself is the real one.
  vi.stubGlobal('navigator', { serviceWorker: {} });
  vi.stubGlobal('addEventListener', () => undefined);
});
const opened: RotationLab[] = [];
// A failed test must not leave its app sending into the next one.
afterEach(async () => {
  for (const rotation of opened.splice(0)) if (rotation.getState().phase !== 'finished') await rotation.finish();
});
afterAll(() => {
  vi.unstubAllGlobals();
  node.close();
});

interface Lab {
  lab: RotationLab;
  problems: unknown[];
  state: () => RotationState;
  until: (what: (state: RotationState) => boolean, ms?: number) => Promise<RotationState>;
}

function lab(open = () => openSession(wallet, data.api)): Lab {
  const problems: unknown[] = [];
  const rotation = createRotationLab({ data, open, fail: (error) => problems.push(error), sleep: (ms) => sleep(ms / 4) });
  opened.push(rotation);
  const until = (what: (state: RotationState) => boolean, ms = 5000) =>
    new Promise<RotationState>((resolve, reject) => {
      if (what(rotation.getState())) return resolve(rotation.getState());
      const timer = setTimeout(() => (stop(), reject(new Error(`not reached; now: ${rotation.getState().announcement}`))), ms);
      const stop = rotation.subscribe(() => {
        if (!what(rotation.getState())) return;
        clearTimeout(timer);
        stop();
        resolve(rotation.getState());
      });
    });
  return { lab: rotation, problems, state: rotation.getState, until };
}

const owner = () => createClient({ apiKey: node.sandbox.ownerKey! });
const statusOf = async (keyId: string) => (await owner().keys.get(keyId)).status;
const requestsSince = (state: RotationState, total: number) => (s: RotationState) => s.stats.total >= state.stats.total + total;

describe('the five steps in the right order', () => {
  it('move the traffic from key 1 to key 2 without a failed request, then revoke what the lab made', async () => {
    const { lab: rotation, state, until, problems } = lab();
    const modeBefore = node.sandbox.settings.get().rateLimitMode;
    await rotation.begin('steps');
    expect(state()).toMatchObject({ phase: 'running', busy: null, config: ['key 1'], deployed: ['key 1'] });
    expect(state().announcement).toBe(`The app is running with key 1, sending GET ${data.api.whoami.path} every ${data.intervalMs} ms.`);
    expect(runningApp(state())).toBe('key 1');
    expect(node.sandbox.settings.get()).toMatchObject({ rateLimitMode: 'tier', rateLimitTier: data.tier.id });
    expect([1, 2].map((n) => stepState(state(), n))).toEqual(['next', 'later']);
    await until((s) => s.stats.old > 0);

    await rotation.step(1);
    expect(state().announcement).toBe('Step 1 done: created key 2. The app still uses key 1.');
    expect(state().keys.next?.masked).toMatch(/…/);
    await rotation.step(2);
    expect(state().config).toEqual(['key 2', 'key 1']);
    await rotation.step(3);
    expect(state()).toMatchObject({
      deployed: ['key 2', 'key 1'],
      announcement: 'Step 3 done: the app now holds key 2 and key 1, and its requests use key 2.',
    });
    await until(requestsSince(state(), 2));
    await rotation.step(4);
    expect(state().verified).toBe(
      `“Who am I” with key 2 answered ${state().keys.next!.id} (“Rotation lab: key 2 (new)”): the new key works.`,
    );
    const { old, next } = state().keys;
    await rotation.step(5);

    expect(state().announcement).toMatch(/^Rotation done in the right order: \d+ requests, 0 failed\.$/);
    expect(state()).toMatchObject({ phase: 'finished', busy: null, done: 5, revokedIds: [old!.id] });
    expect(state().stats.failed).toBe(0);
    expect(state().stats.next).toBeGreaterThan(0);
    expect(describeTraffic(state().stats)).toMatch(/^\d+ requests: [1-9]\d* answered with key 1, [1-9]\d* with key 2, 0 failed\.$/);
    expect(state().markers.map((m) => markerText(m.label))).toEqual([
      'step 1, create the new key',
      'step 2, update the configuration',
      'step 3, deploy',
      'step 4, verify',
      'step 5, revoke the old key',
    ]);
    expect(runningApp(state())).toBe('stopped');
    expect([await statusOf(old!.id), await statusOf(next!.id)]).toEqual(['revoked', 'revoked']);
    expect(node.sandbox.settings.get().rateLimitMode).toBe(modeBefore);
    expect(problems).toEqual([]);
  });
});

describe('revoking first', () => {
  it('plays by itself: requests fail with revoked_api_key until key 2 is deployed, and the count is told', async () => {
    const { lab: rotation, state } = lab();
    await rotation.begin('wrong');
    const told = /^Wrong order: (\d+) of (\d+) requests failed between revoking key 1 and deploying key 2\.$/.exec(state().announcement);
    expect(told).not.toBeNull();
    expect(Number(told![1])).toBe(state().stats.failed);
    expect(state().stats.failed).toBeGreaterThan(0);
    expect(Object.keys(state().stats.codes)).toEqual(['revoked_api_key']);
    expect(state().stats.next).toBeGreaterThan(0);
    expect(state().markers.map((m) => m.label)).toEqual(['revoked', 'created', 'deployed']);
    expect(state()).toMatchObject({ phase: 'finished', config: ['key 2'], deployed: ['key 2'] });
  });

  it('goes no further once the reader stops the app, and the lab’s key is revoked', async () => {
    const { lab: rotation, state, until } = lab();
    const playing = rotation.begin('wrong');
    await until((s) => s.phase === 'running');
    const old = state().keys.old!;
    await rotation.finish('Stopped the app.');
    await playing;
    await sleep(800);
    expect(state()).toMatchObject({ phase: 'finished', announcement: 'Stopped the app.', markers: [], revokedIds: [] });
    expect(await statusOf(old.id)).toBe('revoked');
  });
});

describe('rolling with a grace period', () => {
  it('counts down on the sandbox’s clock; deployed before the expiry, nothing fails', async () => {
    const { lab: rotation, state, until } = lab();
    await rotation.begin('roll');
    expect(state().grace).toBe(data.graceOptions[0]);
    await rotation.rollOld();
    expect(state().roll).toEqual({ expiresAt: expect.any(Number), grace: data.graceOptions[0] });
    expect(graceLeft(state())).toBeCloseTo(data.graceOptions[0]!, 0);
    expect(state().announcement).toMatch(/^Rolled key 1: key 2 is ready, and key 1 keeps working for .+\. Deploy key 2 before then\.$/);
    rotation.deployNext();
    expect(state()).toMatchObject({ deployed: ['key 2'], announcement: 'Deployed key 2: the app no longer uses key 1.' });
    rotation.fastForward();
    expect(graceLeft(state())).toBe(0);
    expect(state().announcement).toMatch(/: key 1 expired, and nothing noticed\.$/);
    await until(requestsSince(state(), 2));
    expect(state().stats.failed).toBe(0);
    expect(state().stats.next).toBeGreaterThan(0);
    await rotation.finish('Stopped the app.');
    expect(state()).toMatchObject({ phase: 'finished', announcement: 'Stopped the app.' });
  });

  it('shows the failures when the clock passes the expiry before key 2 is deployed', async () => {
    const { lab: rotation, state, until } = lab();
    await rotation.begin('roll');
    rotation.setGrace(data.graceOptions.at(-1)!);
    await rotation.rollOld();
    expect(state().roll?.grace).toBe(data.graceOptions.at(-1));
    rotation.fastForward();
    expect(state().announcement).toMatch(/: key 1 expired while the app still uses it, so its requests fail\.$/);
    await until((s) => s.stats.failed >= 2);
    expect(Object.keys(state().stats.codes)).toEqual(['expired_api_key']);
    await rotation.finish();
    expect(state().announcement).toMatch(/so its requests fail\.$/);
  });
});

it('a lab that cannot open says why and goes back to where it was', async () => {
  const refused = new Error('The sandbox could not start.');
  const { lab: rotation, state, problems } = lab(() => Promise.reject(refused));
  await rotation.begin('steps');
  expect(problems).toEqual([refused]);
  expect(state()).toMatchObject({ phase: 'idle', busy: null, announcement: '', scenario: 'steps' });
  await rotation.step(1);
  expect(state().done).toBe(0);
});

it('counts each request by the key that answered it, failures by error', () => {
  const ids = { old: 'key_old', next: 'key_new' };
  let stats = countRequest(NO_TRAFFIC, { t: 100, keyId: 'key_old', ok: true, status: 200, code: null }, ids);
  stats = countRequest(stats, { t: 900, keyId: 'key_new', ok: true, status: 200, code: null }, ids);
  stats = countRequest(stats, { t: 1200, keyId: 'key_old', ok: false, status: 401, code: 'revoked_api_key' }, ids);
  stats = countRequest(stats, { t: 1300, keyId: null, ok: false, status: null, code: null }, ids);
  expect(stats.buckets).toEqual([
    { second: 0, old: 1, next: 1, failed: 0 },
    { second: 1, old: 0, next: 0, failed: 2 },
  ]);
  expect(describeTraffic(stats)).toBe('4 requests: 1 answered with key 1, 1 with key 2, 2 failed (1 revoked_api_key, 1 no_answer).');
  expect(describeTraffic(NO_TRAFFIC)).toBe('No requests yet: start the app.');
});

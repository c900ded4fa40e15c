/**
 * The rotation walkthrough: a simulated app calls the sandbox at a steady pace with the keys it
 * was deployed with, while the reader rotates its key live — create the new key, update the
 * configuration, deploy, verify with "who am I", revoke the old key — and a chart shows every
 * request by the key that answered it. Done in that order nothing fails; "revoke first" shows the
 * failures; "roll with a grace period" counts down to the old key's expiry (with a fast-forward
 * on the sandbox's clock). The lab's keys are throwaway keys, revoked when the app stops.
 */
import '../../styles/widgets.css';
import './labs.css';
import { useEffect, useId, useRef, useState } from 'react';
import { maskApiKey } from '../../sdk/index.ts';
import { sandboxClient } from '../sandbox/sandbox-session.ts';
import { formatDuration } from '../../api/runtime/durations.ts';
import DataTable from '../widgets/DataTable.tsx';
import Heading, { below, type HeadingLevel } from '../widgets/Heading.tsx';
import { callEndpoint, sdkErrorData } from '../widgets/sdk-call.ts';
import { sleep } from '../widgets/sleep.ts';
import type { RotationData } from '../widgets/widget-data.ts';
import { createThrowaway, keyHeaderNames, manage, revokeQuietly, type LabSession } from './lab-session.ts';
import LabNotice from './LabNotice.tsx';
import RequestsByKeyChart, { WINDOW_SECONDS, type Bucket, type Marker } from './RequestsByKeyChart.tsx';
import { startApp, type AppRequest, type SimulatedApp } from './rotation-app.ts';
import { useLabSession } from './use-lab-session.ts';

interface Props {
  data: RotationData;
  level?: HeadingLevel;
}

type Scenario = 'steps' | 'wrong' | 'roll';
type Phase = 'idle' | 'starting' | 'running' | 'finished';

interface KeyView {
  id: string;
  masked: string;
}

interface Stats {
  buckets: Bucket[];
  total: number;
  old: number;
  next: number;
  failed: number;
  /** Failed requests by error id. */
  codes: Record<string, number>;
}

const EMPTY: Stats = { buckets: [], total: 0, old: 0, next: 0, failed: 0, codes: {} };
/** The app stops by itself after this long, so a forgotten tab does not keep sending. */
const MAX_RUN_MS = 180_000;

const STEPS = [
  ['Create the new key', 'with the same permissions as the old one.'],
  ['Update the configuration', 'put the new key in the secret manager, next to the old one.'],
  ['Deploy', 'the app restarts holding both keys, the new one first.'],
  ['Verify', 'call “who am I” with the new key and check the key id it reports.'],
  ['Revoke the old key', 'only now, once nothing uses it.'],
] as const;

function add(stats: Stats, request: AppRequest, ids: { old: string | null; next: string | null }): Stats {
  const second = Math.floor(request.t / 1000);
  const kind: 'old' | 'next' | 'failed' = !request.ok ? 'failed' : request.keyId === ids.next ? 'next' : 'old';
  const buckets = [...stats.buckets];
  let bucket = buckets.find((b) => b.second === second);
  if (!bucket) {
    bucket = { second, old: 0, next: 0, failed: 0 };
    buckets.push(bucket);
  } else {
    bucket = { ...bucket };
    buckets[buckets.findIndex((b) => b.second === second)] = bucket;
  }
  bucket[kind] += 1;
  const codes = { ...stats.codes };
  if (!request.ok) codes[request.code ?? 'no_answer'] = (codes[request.code ?? 'no_answer'] ?? 0) + 1;
  return {
    buckets: buckets.filter((b) => b.second > second - WINDOW_SECONDS - 1),
    total: stats.total + 1,
    old: stats.old + (kind === 'old' ? 1 : 0),
    next: stats.next + (kind === 'next' ? 1 : 0),
    failed: stats.failed + (kind === 'failed' ? 1 : 0),
    codes,
  };
}

export default function RotationWalkthrough({ data, level = 2 }: Props) {
  const id = useId();
  const lab = useLabSession(data.api);
  const [scenario, setScenario] = useState<Scenario | null>(null);
  const [phase, setPhase] = useState<Phase>('idle');
  const [done, setDone] = useState(0);
  const [busy, setBusy] = useState<string | null>(null);
  const [keys, setKeys] = useState<{ old: KeyView | null; next: KeyView | null }>({ old: null, next: null });
  const [config, setConfig] = useState<string[]>([]);
  const [deployed, setDeployed] = useState<string[]>([]);
  const [verified, setVerified] = useState<string | null>(null);
  const [stats, setStats] = useState<Stats>(EMPTY);
  const statsNow = useRef<Stats>(EMPTY);
  const [revokedIds, setRevokedIds] = useState<string[]>([]);
  const [markers, setMarkers] = useState<Marker[]>([]);
  const [elapsed, setElapsed] = useState(0);
  const [grace, setGrace] = useState(data.graceOptions[0] ?? 0);
  const [roll, setRoll] = useState<{ expiresAt: number; grace: number } | null>(null);
  const [sandboxNow, setSandboxNow] = useState(0);
  const [announcement, setAnnouncement] = useState('');

  const app = useRef<SimulatedApp | null>(null);
  const session = useRef<LabSession | null>(null);
  const secrets = useRef(new Map<string, string>());
  const ids = useRef<{ old: string | null; next: string | null }>({ old: null, next: null });
  const revoked = useRef(new Set<string>());
  const restoreSettings = useRef<(() => void) | null>(null);
  const generation = useRef(0);
  const sub = below(level);
  const names = { old: 'key 1 (old)', next: 'key 2 (new)' };

  const mark = (label: string) => setMarkers((m) => [...m, { t: app.current?.elapsed() ?? 0, label }]);

  /** Stops the app, revokes the lab's keys still working, and gives the sandbox its usual limits back. */
  async function stopApp() {
    generation.current += 1;
    app.current?.stop();
    app.current = null;
    restoreSettings.current?.();
    restoreSettings.current = null;
    const s = session.current;
    const left = [ids.current.old, ids.current.next].filter((k): k is string => k !== null && !revoked.current.has(k));
    ids.current = { old: null, next: null };
    secrets.current.clear();
    if (s) for (const keyId of left) await revokeQuietly(s, keyId);
  }

  // Leaving the page: stop sending and put the sandbox's limits back (no time for revoking).
  useEffect(() => {
    const leave = () => {
      app.current?.stop();
      restoreSettings.current?.();
    };
    addEventListener('pagehide', leave);
    return () => {
      removeEventListener('pagehide', leave);
      leave();
    };
  }, []);

  // The chart's clock and the countdown tick while the app runs.
  useEffect(() => {
    if (phase !== 'running') return;
    const timer = setInterval(() => {
      setElapsed((app.current?.elapsed() ?? 0) / 1000);
      if (session.current) setSandboxNow(session.current.sandbox.time.now());
    }, 250);
    return () => clearInterval(timer);
  }, [phase]);

  const keyView = (keyId: string, secret: string): KeyView => {
    secrets.current.set(keyId, secret);
    return { id: keyId, masked: maskApiKey(secret) };
  };

  const secretOf = (which: 'old' | 'next') => {
    const keyId = ids.current[which];
    return keyId ? (secrets.current.get(keyId) ?? null) : null;
  };

  async function finish(message?: string) {
    const summary = message ?? '';
    await stopApp();
    setPhase('finished');
    setBusy(null);
    if (summary) setAnnouncement(summary);
  }

  async function begin(kind: Scenario) {
    if (busy) return;
    await stopApp();
    const gen = generation.current;
    setScenario(kind);
    setPhase('starting');
    setBusy('start');
    setDone(0);
    setKeys({ old: null, next: null });
    setConfig([]);
    setDeployed([]);
    setVerified(null);
    statsNow.current = EMPTY;
    setStats(EMPTY);
    setRevokedIds([]);
    setMarkers([]);
    setElapsed(0);
    setRoll(null);
    revoked.current.clear();
    setAnnouncement('Starting the app with key 1…');
    try {
      const s = await lab.open();
      session.current = s;
      const old = await createThrowaway(s, { name: 'Rotation lab: key 1 (old)' });
      if (gen !== generation.current) return void revokeQuietly(s, old.id);
      ids.current = { old: old.id, next: null };
      setKeys({ old: keyView(old.id, old.secret), next: null });
      setConfig(['key 1']);
      setDeployed(['key 1']);

      // Steady traffic must stay under the limit: simulate the fastest tier while the app runs.
      const before = s.sandbox.settings.get();
      s.sandbox.settings.update({ rateLimitMode: 'tier', rateLimitTier: data.tier.id });
      restoreSettings.current = () => {
        s.sandbox.settings.update({ rateLimitMode: before.rateLimitMode, rateLimitTier: before.rateLimitTier });
        s.sandbox.flush();
      };

      app.current = startApp({
        secrets: [old.secret],
        intervalMs: data.intervalMs,
        endpoint: data.api.whoami,
        keyHeaders: keyHeaderNames(data.api),
        keyIdOf: (secret) => [...secrets.current].find(([, value]) => value === secret)?.[0] ?? null,
        onRequest: (request) => {
          statsNow.current = add(statsNow.current, request, ids.current);
          setStats(statsNow.current);
        },
      });
      setPhase('running');
      setBusy(null);
      setAnnouncement(`The app is running with key 1, sending ${data.api.whoami.method} ${data.api.whoami.path} every ${data.intervalMs} ms.`);
      setTimeout(() => {
        if (gen === generation.current) void finish('The app stopped by itself after three minutes.');
      }, MAX_RUN_MS);
      if (kind === 'wrong') await wrongOrder(s, gen);
    } catch (error) {
      lab.fail(error);
      await stopApp();
      setPhase('idle');
      setBusy(null);
      setAnnouncement('');
    }
  }

  async function revokeOld(s: LabSession) {
    const oldId = ids.current.old!;
    await manage(s, (client) => client.keys.revoke(oldId));
    revoked.current.add(oldId);
    setRevokedIds((list) => [...list, oldId]);
  }

  async function createNext(s: LabSession) {
    const next = await createThrowaway(s, { name: 'Rotation lab: key 2 (new)' });
    ids.current = { ...ids.current, next: next.id };
    setKeys((k) => ({ ...k, next: keyView(next.id, next.secret) }));
    return next;
  }

  /** Revoke first, deploy later: every request in between fails. */
  async function wrongOrder(s: LabSession, gen: number) {
    setBusy('wrong');
    await sleep(2000);
    if (gen !== generation.current) return;
    await revokeOld(s);
    mark('revoked');
    setAnnouncement('Revoked key 1 while the app still uses it: its requests now fail.');
    await sleep(2500);
    if (gen !== generation.current) return;
    const next = await createNext(s);
    mark('created');
    setConfig(['key 2']);
    await sleep(600);
    if (gen !== generation.current) return;
    app.current?.deploy([next.secret]);
    setDeployed(['key 2']);
    mark('deployed');
    setAnnouncement('Created and deployed key 2: requests succeed again.');
    await sleep(2500);
    if (gen !== generation.current) return;
    const { failed, total } = statsNow.current;
    await finish(`Wrong order: ${failed} of ${total} requests failed between revoking key 1 and deploying key 2.`);
  }

  async function step(n: number) {
    const s = session.current;
    if (!s || busy || phase !== 'running') return;
    const gen = generation.current;
    setBusy(`step${n}`);
    try {
      if (n === 1) {
        await createNext(s);
        setAnnouncement('Step 1 done: created key 2. The app still uses key 1.');
      } else if (n === 2) {
        setConfig(['key 2', 'key 1']);
        setAnnouncement('Step 2 done: the secret manager holds key 2 and key 1. The running app has not seen the change yet.');
      } else if (n === 3) {
        setAnnouncement('Deploying…');
        await sleep(800);
        if (gen !== generation.current) return;
        app.current?.deploy([secretOf('next')!, secretOf('old')!]);
        setDeployed(['key 2', 'key 1']);
        setAnnouncement('Step 3 done: the app now holds key 2 and key 1, and its requests use key 2.');
      } else if (n === 4) {
        const me = (await callEndpoint(sandboxClient({ apiKey: secretOf('next')! }), data.api.whoami, {})) as { key_id: string; name: string };
        const ok = me.key_id === ids.current.next;
        setVerified(ok ? `“Who am I” with key 2 answered ${me.key_id} (“${me.name}”): the new key works.` : `“Who am I” answered ${me.key_id}, not key 2.`);
        setAnnouncement(ok ? 'Step 4 done: the new key works.' : 'Step 4: the answer names another key.');
      } else if (n === 5) {
        await revokeOld(s);
        setAnnouncement('Step 5 done: revoked key 1. The app keeps working with key 2.');
      }
      if (gen !== generation.current) return;
      mark(String(n));
      setDone(n);
      if (n === 5) {
        setBusy('closing');
        await sleep(3000);
        if (gen !== generation.current) return;
        const { failed, total } = statsNow.current;
        await finish(`Rotation done in the right order: ${total} requests, ${failed} failed.`);
        return;
      }
    } catch (error) {
      // A failed "who am I" is a result to show, not a reason to stop the walkthrough.
      if (n === 4) setVerified(`“Who am I” with key 2 failed: ${sdkErrorData(error).message}`);
      else lab.fail(error);
    }
    setBusy(null);
  }

  async function rollOld() {
    const s = session.current;
    if (!s || busy) return;
    setBusy('roll');
    try {
      const oldId = ids.current.old!;
      const rolled = await manage(s, (client) => client.keys.roll(oldId, { grace_seconds: grace }));
      ids.current = { ...ids.current, next: rolled.key.id };
      setKeys((k) => ({ ...k, next: keyView(rolled.key.id, rolled.key.secret) }));
      setConfig(['key 2']);
      setRoll({ expiresAt: Date.parse(rolled.previous.expires_at!), grace });
      setSandboxNow(s.sandbox.time.now());
      mark('rolled');
      setAnnouncement(`Rolled key 1: key 2 is ready, and key 1 keeps working for ${formatDuration(grace)}. Deploy key 2 before then.`);
    } catch (error) {
      lab.fail(error);
    }
    setBusy(null);
  }

  function deployNext() {
    const secret = secretOf('next');
    if (!secret) return;
    app.current?.deploy([secret]);
    setDeployed(['key 2']);
    mark('deployed');
    setAnnouncement('Deployed key 2: the app no longer uses key 1.');
  }

  function fastForward() {
    const s = session.current;
    if (!s || !roll) return;
    const ms = Math.max(0, roll.expiresAt - s.sandbox.time.now()) + 1000;
    s.sandbox.time.advance(ms);
    s.sandbox.flush();
    setSandboxNow(s.sandbox.time.now());
    mark('expired');
    setAnnouncement(
      deployed[0] === 'key 2'
        ? `Moved the sandbox’s clock forward by ${formatDuration(ms / 1000)}: key 1 expired, and nothing noticed.`
        : `Moved the sandbox’s clock forward by ${formatDuration(ms / 1000)}: key 1 expired while the app still uses it, so its requests fail.`,
    );
  }

  const running = phase === 'running';
  const codes = Object.entries(stats.codes);
  const chartLabel =
    stats.total === 0
      ? 'No requests yet: start the app.'
      : `${stats.total} requests: ${stats.old} answered with key 1, ${stats.next} with key 2, ${stats.failed} failed${codes.length ? ` (${codes.map(([c, n]) => `${n} ${c}`).join(', ')})` : ''}.`;
  const left = roll ? Math.max(0, (roll.expiresAt - sandboxNow) / 1000) : 0;

  return (
    <section className="kp-widget kp-lab kp-rotation-lab" aria-labelledby={`${id}-title`}>
      <Heading level={level} id={`${id}-title`}>
        Rotation walkthrough
      </Heading>
      <p>
        A simulated app calls <code>{data.api.whoami.method} {data.api.whoami.path}</code> every {data.intervalMs} ms with the keys it
        was deployed with, through the SDK’s <code>apiKeys</code> (newest first). Rotate its key while it runs and watch which key
        answers each request. While the app runs, the sandbox applies its {data.tier.name} rate limit so steady traffic is not
        throttled; the lab’s keys are throwaway keys, revoked when the app stops.
      </p>
      <LabNotice problem={lab.problem} onReset={lab.reset} />

      <div className="kp-actions kp-actions--start">
        <button type="button" className="kp-button kp-button--primary" disabled={busy !== null} onClick={() => void begin('steps')}>
          Start the app
        </button>
        <button type="button" className="kp-button kp-button--danger" disabled={busy !== null} onClick={() => void begin('wrong')}>
          Try the wrong order: revoke first
        </button>
        {data.graceOptions.length > 0 && (
          <button type="button" className="kp-button" disabled={busy !== null} onClick={() => void begin('roll')}>
            Roll with a grace period
          </button>
        )}
        <button type="button" className="kp-button" disabled={!running || busy === 'start'} onClick={() => void finish('Stopped the app.')}>
          Stop the app
        </button>
      </div>

      <div className="kp-status-line" role="status" aria-live="polite">
        {announcement && <p className="kp-hint">{announcement}</p>}
      </div>

      <div className="kp-lab-rotation">
        <div className="kp-lab-rotation__controls">
          {scenario === 'steps' || scenario === null ? (
            <section aria-labelledby={`${id}-steps`}>
              <Heading level={sub} id={`${id}-steps`}>
                The five steps
              </Heading>
              <ol className="kp-lab-steps">
                {STEPS.map(([title, text], i) => {
                  const n = i + 1;
                  const state = done >= n ? 'done' : done === i && running ? 'next' : 'later';
                  return (
                    <li key={title} className={`kp-lab-step kp-lab-step--${state}`}>
                      <p>
                        <strong>{title}</strong>: {text}
                        {state === 'done' && <span className="kp-lab-mark kp-lab-mark--ok"> ✓ done</span>}
                      </p>
                      {n === 4 && verified && <p className="kp-hint">{verified}</p>}
                      <button
                        type="button"
                        className={`kp-button ${state === 'next' ? 'kp-button--primary' : ''}`}
                        disabled={state !== 'next' || busy !== null || scenario !== 'steps'}
                        onClick={() => void step(n)}
                      >
                        {busy === `step${n}` ? `${title}…` : `${n}. ${title}`}
                      </button>
                    </li>
                  );
                })}
              </ol>
              {!running && phase !== 'finished' && <p className="kp-hint">Start the app first: the steps run while it sends requests.</p>}
            </section>
          ) : scenario === 'wrong' ? (
            <section aria-labelledby={`${id}-wrong`}>
              <Heading level={sub} id={`${id}-wrong`}>
                Revoking first
              </Heading>
              <ol className="kp-events">
                <li>Revoke key 1 while the app still uses it.</li>
                <li>Create key 2 and put it in the configuration.</li>
                <li>Deploy it: requests succeed again.</li>
              </ol>
              <p>Every request between the first and the last step fails with 401: that is the downtime the right order avoids.</p>
            </section>
          ) : (
            <section aria-labelledby={`${id}-roll`}>
              <Heading level={sub} id={`${id}-roll`}>
                Rolling with a grace period
              </Heading>
              <p>Rolling creates key 2 with the same scopes and keeps key 1 working until the grace period ends.</p>
              <div className="kp-inline-form__row">
                <label className="kp-label" htmlFor={`${id}-grace`}>
                  Grace period
                </label>
                <select id={`${id}-grace`} className="kp-input kp-input--auto" value={grace} disabled={roll !== null} onChange={(e) => setGrace(Number(e.target.value))}>
                  {data.graceOptions.map((s) => (
                    <option key={s} value={s}>
                      {formatDuration(s)}
                    </option>
                  ))}
                </select>
                <button type="button" className="kp-button kp-button--primary" disabled={!running || roll !== null || busy !== null} onClick={() => void rollOld()}>
                  Roll key 1
                </button>
              </div>
              {roll && (
                <p>
                  {left > 0 ? (
                    <>
                      Key 1 expires in{' '}
                      <strong role="timer" className="kp-mono">
                        {formatDuration(left)}
                      </strong>{' '}
                      (sandbox clock).
                    </>
                  ) : (
                    <strong>Key 1 has expired (sandbox clock).</strong>
                  )}
                </p>
              )}
              <div className="kp-actions kp-actions--start">
                <button type="button" className="kp-button" disabled={!running || !roll || deployed[0] === 'key 2'} onClick={deployNext}>
                  Deploy key 2
                </button>
                <button type="button" className="kp-button" disabled={!running || !roll || left <= 0} onClick={fastForward}>
                  Fast-forward to key 1’s expiry
                </button>
              </div>
              <p className="kp-hint">Fast-forwarding moves the sandbox’s clock for every widget of this site, as the key manager’s controls do.</p>
            </section>
          )}
        </div>

        <dl className="kp-facts kp-lab-rotation__facts">
          <dt>Key 1</dt>
          <dd className="kp-mono">{keys.old ? `${keys.old.masked}${revokedIds.includes(keys.old.id) ? ' (revoked)' : ''}` : '–'}</dd>
          <dt>Key 2</dt>
          <dd className="kp-mono">{keys.next ? keys.next.masked : '–'}</dd>
          <dt>Secret manager</dt>
          <dd>{config.length ? config.join(', ') : '–'}</dd>
          <dt>Running app</dt>
          <dd>{running ? deployed.join(', ') : phase === 'finished' ? 'stopped' : 'not started'}</dd>
        </dl>
      </div>

      <section className="kp-panel" aria-labelledby={`${id}-traffic`}>
        <Heading level={sub} id={`${id}-traffic`}>
          The app’s requests
        </Heading>
        <RequestsByKeyChart buckets={stats.buckets} markers={markers} now={elapsed} label={chartLabel} names={names} />
        {phase === 'idle' && <p className="kp-hint">No requests yet: start the app, then rotate its key while it runs.</p>}
        <DataTable
          caption="Requests by key"
          className="kp-lab-counts"
          columns={[
            { header: 'Requests', rowHeader: true, cell: (row) => row.label },
            { header: 'Count', cell: (row) => row.count },
          ]}
          rows={[
            { label: 'Answered with key 1', count: stats.old },
            { label: 'Answered with key 2', count: stats.next },
            { label: 'Failed', count: `${stats.failed}${codes.length > 0 ? ` (${codes.map(([c, n]) => `${n} ${c}`).join(', ')})` : ''}` },
          ]}
          rowKey={(row) => row.label}
        />
        {markers.length > 0 && (
          <details className="kp-details">
            <summary>What happened when ({markers.length})</summary>
            <ul className="kp-events">
              {markers.map((m, i) => (
                <li key={i}>
                  {(m.t / 1000).toFixed(1)} s: {/^\d$/.test(m.label) ? `step ${m.label}, ${STEPS[Number(m.label) - 1]![0].toLowerCase()}` : m.label}
                </li>
              ))}
            </ul>
          </details>
        )}
      </section>
    </section>
  );
}

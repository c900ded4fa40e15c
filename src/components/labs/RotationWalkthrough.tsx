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
import { useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import { formatDuration } from '../../api/runtime/durations.ts';
import DataTable from '../widgets/DataTable.tsx';
import Heading, { below, type HeadingLevel } from '../widgets/Heading.tsx';
import type { RotationData } from '../widgets/widget-data.ts';
import LabNotice from './LabNotice.tsx';
import RequestsByKeyChart from './RequestsByKeyChart.tsx';
import { describeCodes, describeTraffic } from './rotation-app.ts';
import { createRotationLab, graceLeft, markerText, runningApp, stepState, STEPS } from './rotation-scenarios.ts';
import { useLabSession } from './use-lab-session.ts';

interface Props {
  data: RotationData;
  level?: HeadingLevel;
}

const names = { old: 'key 1 (old)', next: 'key 2 (new)' };

export default function RotationWalkthrough({ data, level = 2 }: Props) {
  const id = useId();
  const lab = useLabSession(data.api);
  // The scenarios reach the session through the latest hook result; the controller lives as long as the island.
  const latest = useRef(lab);
  latest.current = lab;
  const [rotation] = useState(() =>
    createRotationLab({ data, open: () => latest.current.open(), fail: (error) => latest.current.fail(error) }),
  );
  const state = useSyncExternalStore(rotation.subscribe, rotation.getState, rotation.getState);
  const { scenario, phase, busy, keys, config, deployed, verified, stats, revokedIds, markers, elapsed, grace, roll } = state;
  const sub = below(level);

  // Leaving the page: stop sending and put the sandbox's limits back (no time for revoking).
  useEffect(() => {
    addEventListener('pagehide', rotation.leave);
    return () => {
      removeEventListener('pagehide', rotation.leave);
      rotation.dispose();
    };
  }, [rotation]);

  const running = phase === 'running';
  const codes = describeCodes(stats);
  const left = graceLeft(state);

  return (
    <section className="kp-widget kp-lab kp-rotation-lab" aria-labelledby={`${id}-title`}>
      <Heading level={level} id={`${id}-title`}>
        Rotation walkthrough
      </Heading>
      <p>
        A simulated app calls{' '}
        <code>
          {data.api.whoami.method} {data.api.whoami.path}
        </code>{' '}
        every {data.intervalMs} ms with the keys it was deployed with, through the SDK’s <code>apiKeys</code> (newest first). Rotate its key
        while it runs and watch which key answers each request. While the app runs, the sandbox applies its {data.tier.name} rate limit so
        steady traffic is not throttled; the lab’s keys are throwaway keys, revoked when the app stops.
      </p>
      <LabNotice problem={lab.problem} onReset={lab.reset} />

      <div className="kp-actions kp-actions--start">
        <button
          type="button"
          className="kp-button kp-button--primary"
          disabled={busy !== null}
          onClick={() => void rotation.begin('steps')}
        >
          Start the app
        </button>
        <button type="button" className="kp-button kp-button--danger" disabled={busy !== null} onClick={() => void rotation.begin('wrong')}>
          Try the wrong order: revoke first
        </button>
        {data.graceOptions.length > 0 && (
          <button type="button" className="kp-button" disabled={busy !== null} onClick={() => void rotation.begin('roll')}>
            Roll with a grace period
          </button>
        )}
        <button
          type="button"
          className="kp-button"
          disabled={!running || busy === 'start'}
          onClick={() => void rotation.finish('Stopped the app.')}
        >
          Stop the app
        </button>
      </div>

      <div className="kp-status-line" role="status" aria-live="polite">
        {state.announcement && <p className="kp-hint">{state.announcement}</p>}
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
                  const at = stepState(state, n);
                  return (
                    <li key={title} className={`kp-lab-step kp-lab-step--${at}`}>
                      <p>
                        <strong>{title}</strong>: {text}
                        {at === 'done' && <span className="kp-lab-mark kp-lab-mark--ok"> ✓ done</span>}
                      </p>
                      {n === 4 && verified && <p className="kp-hint">{verified}</p>}
                      <button
                        type="button"
                        className={`kp-button ${at === 'next' ? 'kp-button--primary' : ''}`}
                        disabled={at !== 'next' || busy !== null || scenario !== 'steps'}
                        onClick={() => void rotation.step(n)}
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
                <select
                  id={`${id}-grace`}
                  className="kp-input kp-input--auto"
                  value={grace}
                  disabled={roll !== null}
                  onChange={(e) => rotation.setGrace(Number(e.target.value))}
                >
                  {data.graceOptions.map((s) => (
                    <option key={s} value={s}>
                      {formatDuration(s)}
                    </option>
                  ))}
                </select>
                <button
                  type="button"
                  className="kp-button kp-button--primary"
                  disabled={!running || roll !== null || busy !== null}
                  onClick={() => void rotation.rollOld()}
                >
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
                <button
                  type="button"
                  className="kp-button"
                  disabled={!running || !roll || deployed[0] === 'key 2'}
                  onClick={rotation.deployNext}
                >
                  Deploy key 2
                </button>
                <button type="button" className="kp-button" disabled={!running || !roll || left <= 0} onClick={rotation.fastForward}>
                  Fast-forward to key 1’s expiry
                </button>
              </div>
              <p className="kp-hint">
                Fast-forwarding moves the sandbox’s clock for every widget of this site, as the key manager’s controls do.
              </p>
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
          <dd>{runningApp(state)}</dd>
        </dl>
      </div>

      <section className="kp-panel" aria-labelledby={`${id}-traffic`}>
        <Heading level={sub} id={`${id}-traffic`}>
          The app’s requests
        </Heading>
        <RequestsByKeyChart buckets={stats.buckets} markers={markers} now={elapsed} label={describeTraffic(stats)} names={names} />
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
            { label: 'Failed', count: `${stats.failed}${codes ? ` (${codes})` : ''}` },
          ]}
          rowKey={(row) => row.label}
        />
        {markers.length > 0 && (
          <details className="kp-details">
            <summary>What happened when ({markers.length})</summary>
            <ul className="kp-events">
              {markers.map((m, i) => (
                <li key={i}>
                  {(m.t / 1000).toFixed(1)} s: {markerText(m.label)}
                </li>
              ))}
            </ul>
          </details>
        )}
      </section>
    </section>
  );
}

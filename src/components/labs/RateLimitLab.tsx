/**
 * The rate-limit lab: send a burst of requests under the sandbox's demo limits and watch, on a
 * timeline, the answers turn from success to 429 as the remaining quota falls to zero, then come
 * back when the window resets; then send the same burst through the SDK with retries on, and
 * watch it wait out `Retry-After` and finish without a failure. Each run uses its own throwaway
 * key and switches the sandbox to demo limits only while it runs.
 */
import '../../styles/widgets.css';
import './labs.css';
import { useEffect, useId, useRef, useState } from 'react';
import DataTable, { type Column } from '../widgets/DataTable.tsx';
import Heading, { below, type HeadingLevel } from '../widgets/Heading.tsx';
import type { RateLimitLabData } from '../widgets/widget-data.ts';
import { describeRun, runBurst, type BurstRun } from './burst.ts';
import { createThrowaway, revokeQuietly, withSettings } from './lab-session.ts';
import LabNotice from './LabNotice.tsx';
import TimelineChart from './TimelineChart.tsx';
import { useLabSession } from './use-lab-session.ts';

interface Props {
  data: RateLimitLabData;
  level?: HeadingLevel;
}

type Kind = 'plain' | 'sdk';

const PACES = [100, 250, 500];

const SAMPLE_COLUMNS: Array<Column<BurstRun['samples'][number]>> = [
  {
    header: 'Request',
    rowHeader: true,
    cell: (s) => (
      <>
        {s.afterReset ? `${s.request} (after the reset)` : s.request}
        {s.attempt > 1 ? `, retry ${s.attempt - 1}` : ''}
      </>
    ),
  },
  { header: 'Time', cell: (s) => `${(s.t / 1000).toFixed(2)} s` },
  {
    header: 'Status',
    cell: (s) => (
      <>
        {s.status}
        {s.retried ? ' (retried)' : ''}
      </>
    ),
  },
  { header: 'Remaining', cell: (s) => s.remaining ?? '–' },
  { header: 'Retry-After', cell: (s) => (s.retryAfter === null ? '–' : `${s.retryAfter} s`) },
];

function RunTable({ run }: { run: BurstRun }) {
  return (
    <details className="kp-details">
      <summary>The same run as a table ({run.samples.length} answers)</summary>
      <DataTable caption="Every answer of the run, in order" scroll columns={SAMPLE_COLUMNS} rows={run.samples} rowKey={(_, i) => i} />
    </details>
  );
}

export default function RateLimitLab({ data, level = 2 }: Props) {
  const id = useId();
  const lab = useLabSession(data.api);
  const { limit, windowSeconds } = data.demo;
  const [count, setCount] = useState(String(limit * 2));
  const [pace, setPace] = useState(250);
  const [fast, setFast] = useState(false);
  const [runs, setRuns] = useState<Record<Kind, BurstRun | null>>({ plain: null, sdk: null });
  const [running, setRunning] = useState<Kind | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [countError, setCountError] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  const countRef = useRef<HTMLInputElement>(null);
  const sub = below(level);
  const max = limit * 4;

  useEffect(() => () => abort.current?.abort(), []);

  async function start(kind: Kind) {
    if (running) return;
    const n = Number(count);
    if (!Number.isInteger(n) || n < 1 || n > max) {
      setCountError(`Choose a whole number from 1 to ${max}.`);
      countRef.current?.focus();
      return;
    }
    setCountError(null);
    setRunning(kind);
    setAnnouncement(kind === 'plain' ? `Sending ${n} requests…` : `Sending ${n} requests through the SDK with retries on…`);
    const controller = new AbortController();
    abort.current = controller;
    try {
      const session = await lab.open();
      const key = await createThrowaway(session, { name: 'Rate-limit lab' });
      const run = await withSettings(session.sandbox, { rateLimitMode: 'demo' }, () =>
        runBurst({
          kind,
          sandbox: session.sandbox,
          key: key.secret,
          endpoint: data.api.whoami,
          count: n,
          paceMs: pace,
          fast,
          headers: data.headers,
          demo: data.demo,
          signal: controller.signal,
          onUpdate: (next) => setRuns((r) => ({ ...r, [kind]: next })),
        }),
      );
      setAnnouncement(describeRun(run));
      await revokeQuietly(session, key.id);
    } catch (error) {
      if (!controller.signal.aborted) lab.fail(error);
      setAnnouncement('');
    } finally {
      setRunning(null);
      lab.clearWaiting();
    }
  }

  const seconds = (n: number) => `${n} second${n === 1 ? '' : 's'}`;
  const section = (kind: Kind, title: string, intro: string) => {
    const run = runs[kind];
    return (
      <section className="kp-panel" aria-labelledby={`${id}-${kind}`}>
        <Heading level={sub} id={`${id}-${kind}`}>
          {title}
        </Heading>
        <p>{intro}</p>
        <TimelineChart
          run={run}
          limit={limit}
          windowMs={windowSeconds * 1000}
          label={run ? describeRun(run) : 'No requests yet: the chart fills in as the answers arrive.'}
        />
        <p className={`kp-lab-summary ${run ? '' : 'kp-muted'}`} data-testid={`${kind}-summary`}>
          {run ? describeRun(run) : 'No requests yet.'}
        </p>
        {run && <RunTable run={run} />}
      </section>
    );
  };

  return (
    <section className="kp-widget kp-lab kp-rate-lab" aria-labelledby={`${id}-title`}>
      <Heading level={level} id={`${id}-title`}>
        Rate-limit lab
      </Heading>
      <p>
        While a run lasts, the sandbox applies its demo limit —{' '}
        <strong>
          {limit} requests every {seconds(windowSeconds)}
        </strong>{' '}
        per key — so a <code>429</code> is a few requests away. Each run uses a new throwaway key and sends{' '}
        <code>
          {data.api.whoami.method} {data.api.whoami.path}
        </code>{' '}
        one request after another.
      </p>
      <LabNotice problem={lab.problem} onReset={lab.reset} />

      <div className="kp-form">
        <div className="kp-field-row">
          <div className="kp-field">
            <label className="kp-label" htmlFor={`${id}-count`}>
              Requests in the burst
            </label>
            <input
              ref={countRef}
              id={`${id}-count`}
              className="kp-input"
              type="number"
              inputMode="numeric"
              min={1}
              max={max}
              value={count}
              aria-invalid={countError ? true : undefined}
              aria-describedby={countError ? `${id}-count-error` : undefined}
              onChange={(event) => setCount(event.target.value)}
            />
            {countError && (
              <p id={`${id}-count-error`} className="kp-field-error">
                {countError}
              </p>
            )}
          </div>
          <div className="kp-field">
            <label className="kp-label" htmlFor={`${id}-pace`}>
              One request every
            </label>
            <select id={`${id}-pace`} className="kp-input" value={pace} onChange={(event) => setPace(Number(event.target.value))}>
              {PACES.map((ms) => (
                <option key={ms} value={ms}>
                  {ms} ms
                </option>
              ))}
            </select>
          </div>
        </div>
        <fieldset className="kp-fieldset">
          <legend className="kp-label">Time</legend>
          <label className="kp-choice">
            <input type="radio" name={`${id}-time`} checked={!fast} onChange={() => setFast(false)} />
            <span>Real time: waits for the window to reset (up to {seconds(windowSeconds)})</span>
          </label>
          <label className="kp-choice">
            <input type="radio" name={`${id}-time`} checked={fast} onChange={() => setFast(true)} />
            <span>Fast-forward the sandbox’s clock instead of waiting</span>
          </label>
        </fieldset>
        <div className="kp-actions kp-actions--start">
          <button type="button" className="kp-button kp-button--primary" disabled={running !== null} onClick={() => void start('plain')}>
            {running === 'plain' ? 'Sending…' : 'Send the burst'}
          </button>
          <button type="button" className="kp-button" disabled={running !== null} onClick={() => void start('sdk')}>
            {running === 'sdk' ? 'Sending…' : 'Send it through the SDK with retries'}
          </button>
        </div>
      </div>

      <div className="kp-status-line" role="status" aria-live="polite">
        {announcement && <p className="kp-hint">{announcement}</p>}
      </div>

      {section(
        'plain',
        'Without retries',
        `Every answer as it comes. Once the quota is used up, each request gets 429 with Retry-After; after the window resets, the lab sends one more.`,
      )}
      {section(
        'sdk',
        'Through the SDK, with retries',
        'The SDK retries a 429 after the number of seconds in Retry-After (capped), so the same burst finishes with no failed call: it just takes longer.',
      )}
      <p className="kp-hint">
        <a href={data.rateLimitedDocs}>What 429 rate_limited means and how to handle it</a>
      </p>
    </section>
  );
}

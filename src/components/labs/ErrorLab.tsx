/**
 * The error lab: one action per error of the model that the sandbox can be made to answer with.
 * Each sets up what it needs, sends the real request through the SDK, and shows the exact status,
 * headers and body that came back, then what the error means and how to fix it (the model's
 * words, linked to the error's anchor on this page). The cases come from the model's errors and
 * key policy (`errorLabData`), so another preset gets its own set.
 */
import '../../styles/widgets.css';
import './labs.css';
import { useId, useState } from 'react';
import ErrorExplanation, { ScopeList } from '../widgets/ErrorExplanation.tsx';
import ExchangeView from '../widgets/ExchangeView.tsx';
import Heading, { below, type HeadingLevel } from '../widgets/Heading.tsx';
import { counted } from '../widgets/format.ts';
import { statusLine } from '../widgets/http-text.ts';
import { runCase, type CaseResult } from './error-runner.ts';
import LabNotice from './LabNotice.tsx';
import type { ErrorCase, ErrorLabData } from './error-cases.ts';
import { useLabSession } from './use-lab-session.ts';

interface Props {
  data: ErrorLabData;
  level?: HeadingLevel;
}

const answerWords = (result: CaseResult) =>
  result.status === null ? 'no answer' : `${result.status} ${result.code ?? (result.status < 400 ? 'success' : 'unknown error')}`;

function verdict(c: ErrorCase, result: CaseResult): string {
  const expected = `${c.status} ${c.id}`;
  return result.matched
    ? `${c.title}: the sandbox answered ${expected}, as expected.`
    : `${c.title}: expected ${expected}, but the sandbox answered ${answerWords(result)}.`;
}

/** Groups in the order the model lists its errors, which puts 401s first. */
function byStatus(cases: ErrorCase[]): Array<[number, ErrorCase[]]> {
  const groups = new Map<number, ErrorCase[]>();
  for (const c of cases) groups.set(c.status, [...(groups.get(c.status) ?? []), c]);
  return [...groups];
}

export default function ErrorLab({ data, level = 2 }: Props) {
  const id = useId();
  const lab = useLabSession(data.api);
  const [results, setResults] = useState<Record<string, CaseResult>>({});
  const [shown, setShown] = useState<string | null>(null);
  const [running, setRunning] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const sub = below(level);
  const shownCase = data.cases.find((c) => c.caseId === shown) ?? null;
  const shownResult = shown ? results[shown] : undefined;

  async function trigger(list: ErrorCase[]) {
    if (running) return;
    const done: CaseResult[] = [];
    try {
      const session = await lab.open();
      for (const c of list) {
        setRunning(c.caseId);
        setAnnouncement(list.length > 1 ? `Running case ${done.length + 1} of ${list.length}: ${c.label}…` : `${c.label}…`);
        const result = await runCase(session, c, data.keyRandomLength);
        lab.clearWaiting();
        done.push(result);
        setResults((r) => ({ ...r, [c.caseId]: result }));
        setShown(c.caseId);
        if (list.length === 1) setAnnouncement(`${verdict(c, result)} The request and response are shown below.`);
      }
      if (list.length > 1) {
        const matched = done.filter((r) => r.matched).length;
        setAnnouncement(
          matched === done.length
            ? `Ran ${done.length} cases: every one answered with the expected error.`
            : `Ran ${done.length} cases: ${matched} answered with the expected error, ${done.length - matched} did not.`,
        );
      }
    } catch (error) {
      lab.fail(error);
      setAnnouncement('');
    } finally {
      setRunning(null);
      lab.clearWaiting();
    }
  }

  return (
    <section className="kp-widget kp-lab kp-error-lab" aria-labelledby={`${id}-title`}>
      <Heading level={level} id={`${id}-title`}>
        Error lab
      </Heading>
      <p>
        Make the sandbox answer with each error below. Every action sets up what it needs — throwaway keys made with your sandbox owner key,
        a setting switched on for a moment, the sandbox’s clock moved forward — then sends the real request through the{' '}
        {data.api.product.name} SDK and shows exactly what came back. The sandbox runs in this browser and starts on your first action.
      </p>
      <LabNotice problem={lab.problem} onReset={lab.reset} />

      <div className="kp-actions kp-actions--start">
        <button type="button" className="kp-button kp-button--primary" disabled={running !== null} onClick={() => void trigger(data.cases)}>
          Run every case
        </button>
      </div>

      {byStatus(data.cases).map(([status, cases]) => (
        <section key={status} aria-labelledby={`${id}-s${status}`} className="kp-lab-group">
          <Heading level={sub} id={`${id}-s${status}`}>
            {statusLine(status)}
          </Heading>
          <ul className="kp-lab-cases">
            {cases.map((c) => {
              const result = results[c.caseId];
              return (
                <li key={c.caseId} className="kp-lab-case" aria-current={shown === c.caseId ? 'true' : undefined}>
                  <button
                    type="button"
                    className="kp-button"
                    disabled={running !== null}
                    aria-describedby={`${id}-${c.caseId}-answer`}
                    onClick={() => void trigger([c])}
                  >
                    {running === c.caseId ? `${c.label}…` : c.label}
                  </button>
                  <span className="kp-lab-case__expect">
                    <code>{c.id}</code>
                  </span>
                  <span id={`${id}-${c.caseId}-answer`} className="kp-lab-case__answer">
                    {result ? (
                      <>
                        <span className={`kp-lab-mark kp-lab-mark--${result.matched ? 'ok' : 'bad'}`} aria-hidden="true">
                          {result.matched ? '✓' : '✗'}
                        </span>{' '}
                        Got {answerWords(result)}
                        {result.matched ? '' : ` (expected ${c.status})`}
                      </>
                    ) : (
                      <span className="kp-muted">Not run yet</span>
                    )}
                  </span>
                </li>
              );
            })}
          </ul>
        </section>
      ))}

      <div className="kp-status-line" role="status" aria-live="polite">
        {announcement && <p className="kp-hint">{announcement}</p>}
        {lab.waiting !== null && (
          <p className="kp-hint">The sandbox owner key reached its rate limit: waiting {lab.waiting} seconds before going on.</p>
        )}
      </div>

      <section className="kp-panel kp-lab-result" aria-labelledby={`${id}-result`}>
        <Heading level={sub} id={`${id}-result`}>
          {shownCase ? `Result: ${shownCase.title}` : 'Result'}
        </Heading>
        {!shownCase || !shownResult ? (
          <p className="kp-empty">Choose an error above: the request the lab sends and the sandbox’s answer appear here.</p>
        ) : (
          <>
            <p className={shownResult.matched ? 'kp-success' : 'kp-field-error'}>{verdict(shownCase, shownResult)}</p>
            <p>{shownCase.setup}</p>
            <details className="kp-details">
              <summary>What the lab did ({counted(shownResult.steps.length, 'step')})</summary>
              <ol className="kp-events">
                {shownResult.steps.map((step, i) => (
                  <li key={i}>{step}</li>
                ))}
              </ol>
            </details>
            {shownResult.exchange ? (
              <ExchangeView exchange={shownResult.exchange} level={below(sub)} />
            ) : (
              <p className="kp-field-error">{shownResult.outcome?.message ?? 'No request was sent.'}</p>
            )}
            <ErrorExplanation
              level={below(sub)}
              title={shownCase.title}
              code={shownCase.id}
              causeLabel="Why it happens"
              entry={{
                cause: shownCase.cause,
                fix: shownCase.fix,
                href: shownCase.docsPath,
                more: `More about “${shownCase.title}” in the catalogue below`,
              }}
            >
              {shownResult.outcome?.reason && (
                <p>
                  The SDK threw <code>{shownResult.outcome.name}</code> with <code>reason: '{shownResult.outcome.reason}'</code>.
                </p>
              )}
              {(shownResult.outcome?.missingScopes.length ?? 0) > 0 && (
                <p>
                  The SDK threw <code>{shownResult.outcome!.name}</code> with <code>missingScopes</code>:{' '}
                  <ScopeList scopes={shownResult.outcome!.missingScopes} />.
                </p>
              )}
            </ErrorExplanation>
          </>
        )}
      </section>

      {data.unreachable.length > 0 && (
        <details className="kp-details">
          <summary>Errors this API cannot produce here ({data.unreachable.length})</summary>
          <ul className="kp-events">
            {data.unreachable.map((error) => (
              <li key={error.id}>
                <a href={error.docsPath}>{error.title}</a> <code>{error.id}</code>: {error.why}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

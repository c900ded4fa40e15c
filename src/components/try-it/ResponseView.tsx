/**
 * The answer to the console's request: status and time, what an error means and how to fix it
 * (from the model's error catalogue, linked to its anchor on the errors page), rate limits in
 * words, the readable headers, and the body pretty-printed.
 */
import { AUTH_FAILURE_WORDS, isAuthFailureReason } from '../../api/runtime/errors.ts';
import { useId } from 'react';
import Heading, { below, type HeadingLevel } from '../widgets/Heading.tsx';
import type { ErrorInfo } from '../widgets/widget-data.ts';
import RateLimitInfo from './RateLimitInfo.tsx';
import { statusLine, type SendResult } from './send-request.ts';

interface Props {
  result: Extract<SendResult, { kind: 'response' }>;
  receivedAt: number;
  errors: ErrorInfo[];
  level: HeadingLevel;
}


function pretty(body: unknown): string {
  if (body === undefined) return '(no body)';
  return typeof body === 'string' ? body : JSON.stringify(body, null, 2);
}

export default function ResponseView({ result, receivedAt, errors, level }: Props) {
  const id = useId();
  const error = result.error;
  const entry = error ? errors.find((e) => e.id === error.code) : undefined;
  const ok = result.status < 400;
  return (
    <section className="kp-response" aria-labelledby={`${id}-title`}>
      <Heading level={level} id={`${id}-title`}>
        Response
      </Heading>
      <p className="kp-response__status">
        <span className={`kp-http kp-http--${ok ? 'ok' : 'error'}`}>{statusLine(result.status)}</span> in {result.ms} ms
        {error?.requestId && (
          <>
            {' '}
            · request id <span className="kp-mono">{error.requestId}</span>
          </>
        )}
      </p>

      {error && (
        <div className={`kp-callout ${result.status >= 500 ? 'kp-callout--danger' : 'kp-callout--caution'}`}>
          <Heading level={below(level)}>
            {entry ? entry.title : 'Error'} <code>{error.code}</code>
          </Heading>
          {error.reason && <p>The SDK threw {error.name} because {isAuthFailureReason(error.reason) ? AUTH_FAILURE_WORDS[error.reason] : error.reason}.</p>}
          {error.missingScopes.length > 0 && (
            <p>
              The key lacks {error.missingScopes.length === 1 ? 'the scope' : 'the scopes'}{' '}
              {error.missingScopes.map((scope, i) => (
                <span key={scope}>
                  {i > 0 && ', '}
                  <code className="kp-scope">{scope}</code>
                </span>
              ))}
              .
            </p>
          )}
          {entry ? (
            <>
              <p>
                <strong>What it means:</strong> {entry.cause}
              </p>
              <p>
                <strong>How to fix it:</strong> {entry.fix}
              </p>
              <p>
                <a href={entry.docsPath}>More about “{entry.title}” on the errors page</a>
              </p>
            </>
          ) : (
            <p>{error.message}</p>
          )}
        </div>
      )}

      <RateLimitInfo headers={result.headers} receivedAt={receivedAt} />

      <details className="kp-details">
        <summary>Headers ({result.headers.length})</summary>
        <p className="kp-hint">A browser shows only the headers the API exposes to pages (CORS); curl shows them all.</p>
        <table className="kp-table kp-table--compact">
          <thead>
            <tr>
              <th scope="col">Header</th>
              <th scope="col">Value</th>
            </tr>
          </thead>
          <tbody>
            {result.headers.map(([name, value]) => (
              <tr key={name}>
                <th scope="row" className="kp-mono">
                  {name}
                </th>
                <td className="kp-mono kp-break">{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>

      <p className="kp-label" id={`${id}-body`}>
        Body
      </p>
      {/* Scrolls when long, so it is focusable for keyboard users. */}
      <div className="kp-code" role="region" aria-labelledby={`${id}-body`} tabIndex={0}>
        <pre>
          <code>{pretty(result.body)}</code>
        </pre>
      </div>
    </section>
  );
}

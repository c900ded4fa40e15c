/**
 * One request and its response as they went over the wire: method and URL, headers (any key
 * masked), body; then status, headers and body of the answer. Headers are shown, not folded
 * away: in the labs they are the point.
 */
import { useId } from 'react';
import { statusLine } from '../try-it/send-request.ts';
import Heading, { type HeadingLevel } from '../widgets/Heading.tsx';
import { pretty, type Exchange } from './exchange.ts';

function HeaderTable({ caption, headers }: { caption: string; headers: Array<[string, string]> }) {
  if (!headers.length) return <p className="kp-hint">No headers.</p>;
  return (
    <div className="kp-table-scroll">
      <table className="kp-table kp-table--compact kp-lab-headers">
        <caption className="kp-sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Header</th>
            <th scope="col">Value</th>
          </tr>
        </thead>
        <tbody>
          {headers.map(([name, value]) => (
            <tr key={name}>
              <th scope="row" className="kp-mono">
                {name}
              </th>
              <td className="kp-mono kp-break">{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function ExchangeView({ exchange, level }: { exchange: Exchange; level: HeadingLevel }) {
  const id = useId();
  const { request, response } = exchange;
  const ok = response.status < 400;
  return (
    <div className="kp-lab-exchange">
      <section aria-labelledby={`${id}-request`} className="kp-lab-exchange__part">
        <Heading level={level} id={`${id}-request`}>
          Request
        </Heading>
        <p className="kp-mono kp-break">
          <strong>{request.method}</strong> {request.url}
        </p>
        <HeaderTable caption="Request headers" headers={request.headers} />
        {request.body !== null && (
          <div className="kp-code" role="region" aria-label="Request body" tabIndex={0}>
            <pre>
              <code>{request.body}</code>
            </pre>
          </div>
        )}
        <p className="kp-hint">Keys are masked here; the request carried them whole.</p>
      </section>
      <section aria-labelledby={`${id}-response`} className="kp-lab-exchange__part">
        <Heading level={level} id={`${id}-response`}>
          Response
        </Heading>
        <p>
          <span className={`kp-http kp-http--${ok ? 'ok' : 'error'}`}>{statusLine(response.status)}</span> in {exchange.ms} ms
        </p>
        <HeaderTable caption="Response headers" headers={response.headers} />
        <div className="kp-code" role="region" aria-label="Response body" tabIndex={0}>
          <pre>
            <code>{pretty(response.body)}</code>
          </pre>
        </div>
      </section>
    </div>
  );
}

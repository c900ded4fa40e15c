/**
 * An HTTP response as the widgets show it: status and time, what it means (children: an error
 * explanation, rate limits), the headers and the body pretty-printed. The console folds the
 * headers away; the labs show them open, because there they are the point.
 */
import { useId, type ReactNode } from 'react';
import DataTable from './DataTable.tsx';
import Heading, { type HeadingLevel } from './Heading.tsx';
import { prettyBody, statusLine } from './http-text.ts';

export interface ResponseData {
  status: number;
  headers: Array<[string, string]>;
  /** Parsed JSON, or text; `undefined` when empty. */
  body: unknown;
  ms: number;
}

const HEADER_COLUMNS = [
  { header: 'Header', rowHeader: true, className: 'kp-mono', cell: ([name]: [string, string]) => name },
  { header: 'Value', className: 'kp-mono kp-break', cell: ([, value]: [string, string]) => value },
];

/** Headers open, as a table named by `caption` (read by screen readers). */
export function HeaderTable({ caption, headers }: { caption: string; headers: Array<[string, string]> }) {
  if (!headers.length) return <p className="kp-hint">No headers.</p>;
  return (
    <DataTable caption={caption} className="kp-lab-headers" scroll columns={HEADER_COLUMNS} rows={headers} rowKey={([name]) => name} />
  );
}

function FoldedHeaders({ headers }: { headers: Array<[string, string]> }) {
  return (
    <details className="kp-details">
      <summary>Headers ({headers.length})</summary>
      <p className="kp-hint">A browser shows only the headers the API exposes to pages (CORS); curl shows them all.</p>
      <DataTable columns={HEADER_COLUMNS} rows={headers} rowKey={([name]) => name} />
    </details>
  );
}

export function StatusLine({ status }: { status: number }) {
  return <span className={`kp-http kp-http--${status < 400 ? 'ok' : 'error'}`}>{statusLine(status)}</span>;
}

interface Props {
  response: ResponseData;
  level: HeadingLevel;
  /** `folded`: the console's layout (headers in a disclosure, a visible "Body" label); `open`: the labs'. */
  layout: 'folded' | 'open';
  /** Shown after the time, e.g. the request id. */
  statusExtra?: ReactNode;
  /** Between the status and the headers: what the answer means. */
  children?: ReactNode;
}

export default function HttpResponse({ response, level, layout, statusExtra, children }: Props) {
  const id = useId();
  const folded = layout === 'folded';
  return (
    <section className={folded ? 'kp-response' : 'kp-lab-exchange__part'} aria-labelledby={`${id}-title`}>
      <Heading level={level} id={`${id}-title`}>
        Response
      </Heading>
      <p className={folded ? 'kp-response__status' : undefined}>
        <StatusLine status={response.status} /> in {response.ms} ms
        {statusExtra}
      </p>
      {children}
      {folded ? <FoldedHeaders headers={response.headers} /> : <HeaderTable caption="Response headers" headers={response.headers} />}
      {folded && (
        <p className="kp-label" id={`${id}-body`}>
          Body
        </p>
      )}
      {/* Scrolls when long, so it is focusable for keyboard users. */}
      <div
        className="kp-code"
        role="region"
        {...(folded ? { 'aria-labelledby': `${id}-body` } : { 'aria-label': 'Response body' })}
        tabIndex={0}
      >
        <pre>
          <code>{prettyBody(response.body)}</code>
        </pre>
      </div>
    </section>
  );
}

/** What a run printed (console, Node-style) and the requests it made, with status and time. */
import { useEffect, useId, useRef } from 'react';
import DataTable, { type Column } from '../widgets/DataTable.tsx';
import type { ConsoleLevel } from './protocol.ts';
import type { RequestEntry } from './runner.ts';

export interface OutputLine {
  id: number;
  level: ConsoleLevel;
  text: string;
  /** Written by the playground (run started, finished), not by the code. */
  system?: boolean;
}

interface Props {
  lines: OutputLine[];
  requests: RequestEntry[];
  running: boolean;
}

function statusText(entry: RequestEntry): string {
  if (typeof entry.status === 'number') return String(entry.status);
  return { pending: '…', refused: 'refused', failed: 'failed', cancelled: 'cancelled' }[entry.status];
}

function statusClass(entry: RequestEntry): string {
  if (entry.status === 'pending') return '';
  return typeof entry.status === 'number' && entry.status < 400 ? 'kp-http kp-http--ok' : 'kp-http kp-http--error';
}

const REQUEST_COLUMNS: Array<Column<RequestEntry>> = [
  { header: 'Method', cell: (entry) => <span className="kp-method">{entry.method}</span> },
  {
    header: 'URL',
    className: 'kp-break',
    cell: (entry) => (
      <>
        <code>{entry.url}</code>
        {entry.detail && <span className="kp-block kp-hint">{entry.detail}</span>}
      </>
    ),
  },
  { header: 'Status', cell: (entry) => <span className={statusClass(entry)}>{statusText(entry)}</span> },
  { header: 'Time', className: 'kp-nowrap', cell: (entry) => (entry.ms === null ? '' : `${entry.ms} ms`) },
];

export default function RunOutput({ lines, requests, running }: Props) {
  const id = useId();
  const log = useRef<HTMLDivElement>(null);
  const table = useRef<HTMLDivElement>(null);

  // Follow new output, unless the reader scrolled up to read.
  useEffect(() => {
    for (const box of [log.current, table.current]) {
      if (box && box.scrollHeight - box.scrollTop - box.clientHeight < 80) box.scrollTop = box.scrollHeight;
    }
  }, [lines, requests]);

  return (
    <div className="kp-playground__output">
      <section>
        <h2 id={`${id}-out`} className="kp-playground__label">
          Output
        </h2>
        <div ref={log} className="kp-playground__console" role="log" aria-labelledby={`${id}-out`} tabIndex={0} aria-busy={running}>
          {lines.length === 0 ? (
            <p className="kp-playground__empty">Press Run: what the code prints appears here.</p>
          ) : (
            lines.map((line) => (
              <pre
                key={line.id}
                className={`kp-playground__line kp-playground__line--${line.level}${line.system ? ' kp-playground__line--system' : ''}`}
              >
                {line.level === 'warn' || line.level === 'error' ? (
                  <span className="kp-sr-only">{line.level === 'warn' ? 'Warning: ' : 'Error: '}</span>
                ) : null}
                {line.text}
              </pre>
            ))
          )}
        </div>
      </section>
      <section>
        <h2 id={`${id}-req`} className="kp-playground__label">
          Requests {requests.length > 0 && <span className="kp-muted">({requests.length})</span>}
        </h2>
        <div ref={table} className="kp-playground__requests" tabIndex={0} role="region" aria-labelledby={`${id}-req`}>
          {requests.length === 0 ? (
            <p className="kp-playground__empty">Requests the code sends to the sandbox are listed here.</p>
          ) : (
            <DataTable columns={REQUEST_COLUMNS} rows={requests} rowKey={(entry) => entry.id} rowTitle={(entry) => entry.detail} />
          )}
        </div>
      </section>
    </div>
  );
}

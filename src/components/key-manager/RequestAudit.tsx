/**
 * A key's recent requests in detail (time, method, path, status, latency, client IP, user agent),
 * filtered by status and exported as CSV or JSON. The export holds what the usage report holds —
 * never a key's secret. Also the auth-failure alert, by the model's monitoring settings.
 */
import { useEffect, useId, useState } from 'react';
import { authFailureAlert } from '../../api/auth-failure-alert.ts';
import type { Usage } from '../../sdk/index.ts';
import DataTable, { type Column } from '../widgets/DataTable.tsx';
import { downloadText } from '../widgets/download.ts';
import { formatDate } from '../widgets/format.ts';
import Heading, { type HeadingLevel } from '../widgets/Heading.tsx';
import type { KeyManagerData } from '../widgets/widget-data.ts';

type RecentRequest = Usage['recent_requests'][number];

const FILTERS = {
  all: { label: 'All', test: () => true },
  '2xx': { label: '2xx', test: (s: number) => s >= 200 && s < 300 },
  '4xx': { label: '4xx', test: (s: number) => s >= 400 && s < 500 },
  '5xx': { label: '5xx', test: (s: number) => s >= 500 },
  '401': { label: '401', test: (s: number) => s === 401 },
  '403': { label: '403', test: (s: number) => s === 403 },
  '429': { label: '429', test: (s: number) => s === 429 },
} as const;
type Filter = keyof typeof FILTERS;

const COLUMNS = ['time', 'method', 'path', 'status', 'latency_ms', 'ip', 'user_agent'] as const;

/** RFC 4180: every field quoted, quotes doubled; a leading =+-@ is defused for spreadsheets. */
export function requestsCsv(requests: readonly RecentRequest[]): string {
  const cell = (value: string | number) => {
    let text = String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return `"${text.replace(/"/g, '""')}"`;
  };
  return [COLUMNS.join(','), ...requests.map((r) => COLUMNS.map((c) => cell(r[c])).join(','))].join('\r\n') + '\r\n';
}

const REQUEST_COLUMNS: Array<Column<RecentRequest>> = [
  { header: 'Time', cell: (r) => <time dateTime={r.time}>{formatDate(r.time)}</time> },
  {
    header: 'Request',
    className: 'kp-mono',
    cell: (r) => (
      <>
        {r.method} {r.path}
      </>
    ),
  },
  { header: 'Status', cell: (r) => r.status },
  { header: 'Latency', cell: (r) => `${r.latency_ms} ms` },
  { header: 'Client IP', className: 'kp-mono', cell: (r) => r.ip },
  { header: 'User agent', className: 'kp-mono', cell: (r) => r.user_agent },
];

const fileBase = (name: string) =>
  name
    .trim()
    .replace(/[^\w.-]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'key';

interface Props {
  keyName: string;
  requests: readonly RecentRequest[];
  now: number;
  monitoring: KeyManagerData['monitoring'];
  level: HeadingLevel;
}

export function AuthFailureWarning({ requests, now, monitoring }: Pick<Props, 'requests' | 'now' | 'monitoring'>) {
  const alert = authFailureAlert(requests, now, monitoring);
  if (!alert.triggered) return null;
  return (
    <div className="kp-callout kp-callout--danger" role="alert">
      <p>
        <strong>Many failed authentications with this key:</strong> {alert.failures} of the last {alert.total} requests (
        {Math.round(alert.rate * 100)} %) in the past {alert.windowMinutes} minutes were answered 401 or 403.
      </p>
      <p>
        That usually means a leaked key is being tried by someone else, or a deploy still uses an old, revoked or mistyped key. Check the
        client IPs and user agents below. If you do not recognise them, <a href="/revocation/">revoke the key</a>; otherwise see{' '}
        <a href="/troubleshooting/">troubleshooting</a>.
      </p>
    </div>
  );
}

export default function RequestAudit({ keyName, requests, now, monitoring, level }: Props) {
  const id = useId();
  const [filter, setFilter] = useState<Filter>('all');
  useEffect(() => setFilter('all'), [keyName]);
  const shown = requests.filter((r) => FILTERS[filter].test(r.status));
  const base = fileBase(keyName);

  return (
    <div className="kp-request-audit">
      <Heading level={level}>Recent requests</Heading>
      <AuthFailureWarning requests={requests} now={now} monitoring={monitoring} />
      {requests.length === 0 ? (
        <p className="kp-muted">No requests yet.</p>
      ) : (
        <>
          <div className="kp-inline-form__row">
            <label htmlFor={`${id}-filter`} className="kp-label">
              Status
            </label>
            <select
              id={`${id}-filter`}
              className="kp-input kp-input--auto"
              value={filter}
              onChange={(e) => setFilter(e.target.value as Filter)}
            >
              {Object.entries(FILTERS).map(([value, { label }]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="kp-button"
              disabled={shown.length === 0}
              onClick={() => downloadText(requestsCsv(shown), 'text/csv;charset=utf-8', `${base}-requests.csv`)}
            >
              Export CSV
            </button>
            <button
              type="button"
              className="kp-button"
              disabled={shown.length === 0}
              onClick={() =>
                downloadText(
                  JSON.stringify(
                    shown.map((r) => Object.fromEntries(COLUMNS.map((c) => [c, r[c]]))),
                    null,
                    2,
                  ) + '\n',
                  'application/json',
                  `${base}-requests.json`,
                )
              }
            >
              Export JSON
            </button>
          </div>
          <p className="kp-muted" aria-live="polite">
            Showing {shown.length} of {requests.length} recent requests.
          </p>
          <DataTable scroll="Recent requests" columns={REQUEST_COLUMNS} rows={shown} rowKey={(r) => r.id} />
        </>
      )}
    </div>
  );
}

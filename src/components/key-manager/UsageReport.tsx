/** A key's usage: requests per day (chart), error rate, requests by endpoint, and its audit events. */
import type { AuditEvent, Usage } from '../../sdk/index.ts';
import DataTable from '../widgets/DataTable.tsx';
import { formatDate } from '../widgets/format.ts';
import Heading, { below, type HeadingLevel } from '../widgets/Heading.tsx';
import UsageChart, { lastDays } from './UsageChart.tsx';

interface Props {
  usage: Usage;
  events: readonly AuditEvent[];
  /** The sandbox's current time: "today" for the chart. */
  now: number;
  endpointLabels: Record<string, string>;
  level: HeadingLevel;
}

const EVENT_WORDS: Record<AuditEvent['type'], string> = {
  'key.created': 'Created',
  'key.rolled': 'Rolled',
  'key.renamed': 'Renamed',
  'key.disabled': 'Disabled',
  'key.enabled': 'Enabled',
  'key.revoked': 'Revoked',
  'key.expired': 'Expired',
};

const percent = (rate: number) => `${Math.round(rate * 1000) / 10} %`;

export default function UsageReport({ usage, events, now, endpointLabels, level }: Props) {
  const errors = Math.round(usage.total_requests * usage.error_rate);
  return (
    <div className="kp-usage">
      <Heading level={level}>Usage</Heading>
      <p>
        {usage.total_requests === 0
          ? 'No requests yet. Try this key above, or use it in the try-it console, and its requests appear here.'
          : `${usage.total_requests} request${usage.total_requests === 1 ? '' : 's'} in total, ${errors} failed: an error rate of ${percent(usage.error_rate)}.`}
        {usage.last_used_at && ` Last used ${formatDate(usage.last_used_at)}.`}
      </p>
      <UsageChart days={lastDays(usage.per_day, now)} />

      <Heading level={below(level)}>Requests by endpoint</Heading>
      {usage.per_endpoint.length === 0 ? (
        <p className="kp-muted">None yet.</p>
      ) : (
        <DataTable
          scroll="Requests by endpoint"
          columns={[
            { header: 'Endpoint', rowHeader: true, className: 'kp-mono', cell: (row) => endpointLabels[row.endpoint] ?? row.endpoint },
            { header: 'Requests', cell: (row) => row.requests },
            { header: 'Errors', cell: (row) => row.errors },
          ]}
          rows={usage.per_endpoint}
          rowKey={(row) => row.endpoint}
        />
      )}

      <Heading level={below(level)}>Audit events</Heading>
      {events.length === 0 ? (
        <p className="kp-muted">No events.</p>
      ) : (
        <ol className="kp-events">
          {events.map((event) => (
            <li key={event.id}>
              <time dateTime={event.time} className="kp-muted">
                {formatDate(event.time)}
              </time>{' '}
              <strong>{EVENT_WORDS[event.type] ?? event.type}</strong>: {event.detail}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

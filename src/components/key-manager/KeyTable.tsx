/**
 * The account's keys: name, masked key, environment, scopes, dates and status, sortable by the
 * column headers. On narrow screens the table scrolls inside its own focusable region, never the page.
 */
import { useId, useState } from 'react';
import type { ApiKey } from '../../sdk/index.ts';
import { formatDate, formatDay, maskedKey, relativeTime } from '../widgets/format.ts';

type Column = 'name' | 'created' | 'lastUsed' | 'expires' | 'status';
type Sort = { column: Column; direction: 'ascending' | 'descending' };

interface Props {
  keys: readonly ApiKey[];
  /** The sandbox's current time, for "expires in …". */
  now: number;
  fullAccessScope: string;
  selectedId: string | null;
  onSelect: (id: string) => void;
  caption: string;
}

const STATUS_ORDER = { active: 0, inactive: 1, expired: 2, revoked: 3 } as const;
const STATUS_WORDS = { active: 'Active', inactive: 'Disabled', expired: 'Expired', revoked: 'Revoked' } as const;

const time = (iso: string | null, missing: number) => (iso === null ? missing : Date.parse(iso));

function compare(a: ApiKey, b: ApiKey, column: Column): number {
  switch (column) {
    case 'name':
      return a.name.localeCompare(b.name);
    case 'created':
      return time(a.created_at, 0) - time(b.created_at, 0);
    case 'lastUsed':
      return time(a.last_used_at, 0) - time(b.last_used_at, 0);
    case 'expires':
      // Keys that never expire sort after every date.
      return time(a.expires_at, Number.MAX_SAFE_INTEGER) - time(b.expires_at, Number.MAX_SAFE_INTEGER);
    case 'status':
      return STATUS_ORDER[a.status] - STATUS_ORDER[b.status];
  }
}

/** A rolled key still in its grace period: it works, but only until it expires. */
const rolled = (key: ApiKey) => key.status === 'active' && key.replaced_by !== null;

/** A key's status in words, e.g. "Active · expires in 59 minutes" for a rolled key in its grace period. */
export function statusText(key: ApiKey, now: number): string {
  const words = STATUS_WORDS[key.status];
  if (key.status === 'active' && key.replaced_by && key.expires_at)
    return `${words} · rolled, expires ${relativeTime(Date.parse(key.expires_at), now)}`;
  return words;
}

export default function KeyTable({ keys, now, fullAccessScope, selectedId, onSelect, caption }: Props) {
  const [sort, setSort] = useState<Sort>({ column: 'created', direction: 'descending' });
  const captionId = useId();
  const sorted = [...keys].sort((a, b) => {
    const order = compare(a, b, sort.column);
    return sort.direction === 'ascending' ? order : -order;
  });

  const header = (column: Column, label: string) => {
    const active = sort.column === column;
    return (
      <th scope="col" aria-sort={active ? sort.direction : undefined}>
        <button
          type="button"
          className="kp-sort"
          onClick={() =>
            setSort({
              column,
              direction:
                active && sort.direction === 'ascending'
                  ? 'descending'
                  : active
                    ? 'ascending'
                    : column === 'name'
                      ? 'ascending'
                      : 'descending',
            })
          }
        >
          {label}
          <span aria-hidden="true" className="kp-sort__arrow">
            {active ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
          </span>
        </button>
      </th>
    );
  };

  return (
    <div className="kp-table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="kp-table">
        <caption id={captionId} className="kp-sr-only">
          {caption}
        </caption>
        <thead>
          <tr>
            {header('name', 'Name')}
            <th scope="col">Key</th>
            <th scope="col">Scopes</th>
            {header('created', 'Created')}
            {header('lastUsed', 'Last used')}
            {header('expires', 'Expires')}
            {header('status', 'Status')}
          </tr>
        </thead>
        <tbody>
          {sorted.map((key) => (
            <tr key={key.id} aria-current={key.id === selectedId ? 'true' : undefined} className={`kp-status-${key.status}`}>
              <th scope="row" className="kp-table__name">
                <button type="button" className="kp-link-button" onClick={() => onSelect(key.id)} aria-expanded={key.id === selectedId}>
                  {key.name}
                </button>
                <span className={`kp-badge kp-badge--${key.environment}`}>{key.environment}</span>
              </th>
              <td className="kp-mono kp-nowrap">{maskedKey(key.prefix, key.last_four)}</td>
              <td>
                {key.scopes.length === 0
                  ? '—'
                  : key.scopes.includes(fullAccessScope)
                    ? 'Full access'
                    : key.scopes.map((scope) => (
                        <span key={scope} className="kp-scope kp-block">
                          {scope}
                        </span>
                      ))}
              </td>
              <td className="kp-nowrap">
                <time dateTime={key.created_at} title={formatDate(key.created_at)}>
                  {formatDay(key.created_at)}
                </time>
              </td>
              <td className="kp-nowrap">{key.last_used_at ? relativeTime(Date.parse(key.last_used_at), now) : 'Never'}</td>
              <td>
                {key.expires_at ? (
                  <time dateTime={key.expires_at} title={formatDate(key.expires_at)}>
                    {relativeTime(Date.parse(key.expires_at), now)}
                  </time>
                ) : (
                  'Never'
                )}
                {rolled(key) && ' (grace period)'}
              </td>
              <td>
                <span className={`kp-status kp-status--${key.status}`}>{rolled(key) ? 'Rolled' : STATUS_WORDS[key.status]}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

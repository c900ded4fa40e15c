/** The session's requests (kept in sessionStorage, without keys), each one re-runnable. */
import { useId } from 'react';
import type { EndpointInfo } from '../widgets/widget-data.ts';
import type { HistoryEntry } from './request-draft.ts';

interface Props {
  history: HistoryEntry[];
  endpoints: EndpointInfo[];
  onRerun: (entry: HistoryEntry) => void;
  onClear: () => void;
}

const keyWords = (entry: HistoryEntry) =>
  entry.key.source === 'wallet' ? `key “${entry.key.name}”` : entry.key.source === 'pasted' ? 'a pasted key' : 'no key';

const timeFormat = new Intl.DateTimeFormat('en', { timeStyle: 'medium' });

/** The path as sent: each `{parameter}` the draft gave a value replaced by it. */
const filledPath = (path: string, draft: HistoryEntry['draft']) =>
  path.replace(/\{([^}]+)\}/g, (placeholder, name: string) => (name === 'id' ? draft.id : draft.parents[name]) || placeholder);

export default function HistoryPanel({ history, endpoints, onRerun, onClear }: Props) {
  const id = useId();
  return (
    <details className="kp-details kp-history">
      <summary id={`${id}-title`}>History of this session ({history.length})</summary>
      {history.length === 0 ? (
        <p className="kp-muted">Requests you send appear here, without their keys, until you close this tab.</p>
      ) : (
        <>
          <ol className="kp-history__list" aria-labelledby={`${id}-title`}>
            {history.map((entry) => {
              const endpoint = endpoints.find((e) => e.id === entry.draft.endpoint);
              return (
                <li key={entry.at}>
                  <span className="kp-mono">
                    {endpoint ? `${endpoint.method} ${filledPath(endpoint.path, entry.draft)}` : entry.draft.endpoint}
                  </span>{' '}
                  <span className="kp-muted">
                    with {keyWords(entry)} at {timeFormat.format(entry.at)}: {entry.outcome}
                  </span>{' '}
                  <button type="button" className="kp-button kp-button--small" onClick={() => onRerun(entry)}>
                    Run again
                    <span className="kp-sr-only">
                      : {endpoint?.summary ?? entry.draft.endpoint} at {timeFormat.format(entry.at)}
                    </span>
                  </button>
                </li>
              );
            })}
          </ol>
          <button type="button" className="kp-button kp-button--quiet" onClick={onClear}>
            Clear history
          </button>
        </>
      )}
    </details>
  );
}

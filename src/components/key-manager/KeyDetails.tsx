/**
 * One key up close: a request with it (when this browser's wallet holds its plaintext), rename,
 * roll with a grace period, revoke (after a confirmation that names it), fast-forward the sandbox
 * clock past a grace period, and the key's usage and audit events.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { ApiKey, AuditEvent, Usage } from '../../sdk/index.ts';
import ConfirmDialog from '../widgets/ConfirmDialog.tsx';
import { formatDate, graceLabel, maskedKey, relativeTime } from '../widgets/format.ts';
import Heading, { below, type HeadingLevel } from '../widgets/Heading.tsx';
import type { KeyManagerData } from '../widgets/widget-data.ts';
import { keyNameProblem } from '../../api/runtime/key-name.ts';
import { statusText } from './KeyTable.tsx';
import RequestAudit from './RequestAudit.tsx';
import TestRequest from './TestRequest.tsx';
import UsageReport from './UsageReport.tsx';

interface Props {
  data: KeyManagerData;
  apiKey: ApiKey;
  /** The key's plaintext from this browser's wallet; `null` when the wallet has no copy. */
  secret: string | null;
  now: number;
  level: HeadingLevel;
  /** This is the key the key manager itself uses. */
  managesKeys: boolean;
  /** Changes whenever usage may have changed, to reload it. */
  refreshToken: number;
  onRename: (key: ApiKey, name: string) => Promise<string | null>;
  onRoll: (key: ApiKey, graceSeconds: number) => Promise<void>;
  onRevoke: (key: ApiKey) => Promise<void>;
  /** Disables (`inactive`) or enables (`active`) the key, where the key policy allows it. */
  onSetStatus: (key: ApiKey, status: 'active' | 'inactive') => Promise<void>;
  onFastForward: (ms: number) => void;
  loadUsage: (key: ApiKey) => Promise<{ usage: Usage; events: AuditEvent[] }>;
  onClose: () => void;
}

export default function KeyDetails(props: Props) {
  const { data, apiKey: key, now, level } = props;
  const id = useId();
  const headingRef = useRef<HTMLSpanElement>(null);
  const [name, setName] = useState(key.name);
  const [nameError, setNameError] = useState<string | null>(null);
  const [grace, setGrace] = useState(String(data.keyPolicy.rollGraceSeconds.find((s) => s > 0) ?? 0));
  const [confirmRevoke, setConfirmRevoke] = useState(false);
  const [busy, setBusy] = useState<null | 'rename' | 'roll' | 'revoke' | 'status'>(null);
  const [report, setReport] = useState<{ usage: Usage; events: AuditEvent[] } | null>(null);
  const [reportError, setReportError] = useState<string | null>(null);
  // Counts requests sent from here with "Try this key", so the usage below is read again.
  const [tries, setTries] = useState(0);
  const nameRef = useRef<HTMLInputElement>(null);
  const revokeRef = useRef<HTMLButtonElement>(null);

  useEffect(() => setName(key.name), [key.id, key.name]);

  useEffect(() => {
    let current = true;
    props
      .loadUsage(key)
      .then((result) => current && (setReport(result), setReportError(null)))
      .catch((error: unknown) => current && setReportError(error instanceof Error ? error.message : 'The usage could not be loaded.'));
    return () => {
      current = false;
    };
    // Reload when another key is shown or something happened that changes usage (not when the
    // parent re-renders with a new `props` or an updated copy of the same key).
    // eslint-disable-next-line react-hooks/exhaustive-deps -- deliberately narrower, see above
  }, [key.id, props.refreshToken, tries]);

  const live = key.status === 'active' || key.status === 'inactive';
  const canRoll = live && !key.replaced_by;
  const inGrace = key.status === 'active' && key.replaced_by !== null && key.expires_at !== null && Date.parse(key.expires_at) > now;

  const rename = async (event: FormEvent) => {
    event.preventDefault();
    const problem = keyNameProblem(name, data.keyPolicy.nameMaxLength);
    setNameError(problem);
    if (problem) {
      nameRef.current?.focus();
      return;
    }
    setBusy('rename');
    const refused = await props.onRename(key, name.trim()).finally(() => setBusy(null));
    setNameError(refused);
    if (refused) nameRef.current?.focus();
  };

  return (
    <section className="kp-panel kp-details-panel" aria-labelledby={`${id}-title`}>
      <div className="kp-panel__head">
        <Heading level={level} id={`${id}-title`}>
          <span ref={headingRef} tabIndex={-1}>
            Key “{key.name}”
          </span>
        </Heading>
        <button type="button" className="kp-button kp-button--quiet" onClick={props.onClose}>
          Close details
        </button>
      </div>
      <dl className="kp-facts">
        <dt>Key</dt>
        <dd className="kp-mono">{maskedKey(key.prefix, key.last_four)}</dd>
        <dt>Id</dt>
        <dd className="kp-mono">{key.id}</dd>
        <dt>Status</dt>
        <dd>{statusText(key, now)}</dd>
        <dt>Created</dt>
        <dd>{formatDate(key.created_at)}</dd>
        <dt>Expires</dt>
        <dd>{key.expires_at ? `${formatDate(key.expires_at)} (${relativeTime(Date.parse(key.expires_at), now)})` : 'Never'}</dd>
        {key.ip_allowlist.length > 0 && (
          <>
            <dt>IP allowlist</dt>
            <dd className="kp-mono">{key.ip_allowlist.join(', ')}</dd>
          </>
        )}
        {key.replaced_by && (
          <>
            <dt>Rolled to</dt>
            <dd className="kp-mono">{key.replaced_by}</dd>
          </>
        )}
      </dl>

      {props.secret ? (
        <TestRequest
          secret={props.secret}
          environment={key.environment}
          info={data.firstRequest}
          level={below(level)}
          sendLabel="Try this key"
          onAnswered={() => setTries((n) => n + 1)}
        />
      ) : (
        <p className="kp-hint">This browser’s wallet holds no copy of this key, so requests with it cannot be sent from here.</p>
      )}

      {inGrace && (
        <div className="kp-callout">
          <p>
            This key was rolled and keeps working until its grace period ends {relativeTime(Date.parse(key.expires_at!), now)}. Both keys
            work until then.
          </p>
          <button type="button" className="kp-button" onClick={() => props.onFastForward(Date.parse(key.expires_at!) - now + 1000)}>
            Fast-forward the sandbox clock past the grace period
          </button>
        </div>
      )}

      <form className="kp-inline-form" onSubmit={rename} noValidate>
        <label htmlFor={`${id}-rename`} className="kp-label">
          Rename
        </label>
        <div className="kp-inline-form__row">
          <input
            ref={nameRef}
            id={`${id}-rename`}
            className="kp-input"
            value={name}
            onChange={(event) => setName(event.target.value)}
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? `${id}-rename-error` : undefined}
            autoComplete="off"
          />
          <button type="submit" className="kp-button" disabled={busy !== null || name === key.name}>
            Save name
          </button>
        </div>
        {nameError && (
          <p id={`${id}-rename-error`} className="kp-field-error">
            {nameError}
          </p>
        )}
      </form>

      {canRoll && (
        <div className="kp-inline-form">
          <label htmlFor={`${id}-grace`} className="kp-label">
            Roll: grace period for the old key
          </label>
          <div className="kp-inline-form__row">
            <select id={`${id}-grace`} className="kp-input kp-input--auto" value={grace} onChange={(event) => setGrace(event.target.value)}>
              {data.keyPolicy.rollGraceSeconds.map((seconds) => (
                <option key={seconds} value={seconds}>
                  {graceLabel(seconds)}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="kp-button"
              disabled={busy !== null}
              onClick={async () => {
                setBusy('roll');
                await props.onRoll(key, Number(grace)).finally(() => setBusy(null));
              }}
            >
              {busy === 'roll' ? 'Rolling…' : 'Roll key'}
            </button>
          </div>
          <p className="kp-hint">
            Rolling creates a new key with the same permissions and shows it once. The old key keeps working for the grace period, so you
            can deploy the new one without downtime.
          </p>
        </div>
      )}

      {data.keyPolicy.canDisable && live && (
        <div className="kp-inline-form">
          <div className="kp-actions kp-actions--start">
            <button
              type="button"
              className="kp-button"
              // Disabling the key the manager itself uses would lock the reader out of managing keys.
              disabled={busy !== null || (props.managesKeys && key.status !== 'inactive')}
              onClick={async () => {
                setBusy('status');
                await props.onSetStatus(key, key.status === 'inactive' ? 'active' : 'inactive').finally(() => setBusy(null));
              }}
            >
              {key.status === 'inactive'
                ? busy === 'status'
                  ? 'Enabling…'
                  : 'Enable key'
                : busy === 'status'
                  ? 'Disabling…'
                  : 'Disable key'}
            </button>
          </div>
          <p className="kp-hint">
            {key.status === 'inactive'
              ? 'This key is disabled: requests with it fail with 401 inactive_api_key. Enabling it makes it work again as before.'
              : 'Disabling stops the key at once but keeps its scopes and history, and you can enable it again later — unlike revoking, which cannot be undone.'}
          </p>
          {props.managesKeys && key.status !== 'inactive' && (
            <p className="kp-hint">
              The key manager itself uses this key, so it cannot disable it here: create another full-access key first.
            </p>
          )}
        </div>
      )}

      {key.status !== 'revoked' && (
        <div className="kp-actions kp-actions--start">
          <button
            type="button"
            ref={revokeRef}
            className="kp-button kp-button--danger"
            onClick={() => setConfirmRevoke(true)}
            disabled={busy !== null}
          >
            Revoke key…
          </button>
        </div>
      )}

      <ConfirmDialog
        open={confirmRevoke}
        title={`Revoke “${key.name}”?`}
        confirmLabel={busy === 'revoke' ? 'Revoking…' : `Revoke “${key.name}”`}
        danger
        busy={busy === 'revoke'}
        fallbackFocus={headingRef}
        onCancel={() => setConfirmRevoke(false)}
        onConfirm={async () => {
          setBusy('revoke');
          await props.onRevoke(key).finally(() => setBusy(null));
          setConfirmRevoke(false);
        }}
      >
        <p>
          Requests with <span className="kp-mono">{maskedKey(key.prefix, key.last_four)}</span> will fail at once with <code>401</code>.
          Revoking cannot be undone.
        </p>
        {props.managesKeys && (
          <p>
            <strong>The key manager itself uses this key.</strong> Afterwards it needs another full-access key, or a sandbox reset.
          </p>
        )}
      </ConfirmDialog>

      {reportError ? (
        <p className="kp-field-error">{reportError}</p>
      ) : report ? (
        <>
          <UsageReport usage={report.usage} events={report.events} now={now} endpointLabels={data.endpointLabels} level={below(level)} />
          <RequestAudit
            keyName={key.name}
            requests={report.usage.recent_requests}
            now={now}
            monitoring={data.monitoring}
            level={below(below(level))}
          />
        </>
      ) : (
        <p className="kp-muted" aria-busy="true">
          Loading usage…
        </p>
      )}
    </section>
  );
}

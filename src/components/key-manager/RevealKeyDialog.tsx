/**
 * Shows a new key's secret once. Closing before copying asks first, because the secret cannot be
 * shown again: the sandbox keeps only its hash. When the dialog closes the secret is dropped from
 * the page (the wallet's copy stays in this browser's storage, out of sight).
 */
import { useId, useRef, useState, type RefObject } from 'react';
import CopyButton from '../widgets/CopyButton.tsx';
import Dialog from '../widgets/Dialog.tsx';
import type { FirstRequestInfo } from '../widgets/widget-data.ts';
import TestRequest from './TestRequest.tsx';

export interface RevealedKey {
  secret: string;
  name: string;
  environment: 'test' | 'live';
  /** Why there is a new key: created, or rolled from an old one that keeps working for a while. */
  origin: { kind: 'created' } | { kind: 'rolled'; oldKeyNote: string };
}

interface Props {
  revealed: RevealedKey | null;
  /** The who-am-I request the dialog offers to send with the new key; none offered when absent. */
  firstRequest?: FirstRequestInfo | undefined;
  onClose: () => void;
  /** Where focus goes when the control that led here is gone (e.g. after rolling). */
  fallbackFocus?: RefObject<HTMLElement | null>;
}

export default function RevealKeyDialog({ revealed, ...rest }: Props) {
  return revealed ? <RevealBody key={revealed.secret} revealed={revealed} {...rest} /> : null;
}

function RevealBody({ revealed, firstRequest, onClose, fallbackFocus }: Props & { revealed: RevealedKey }) {
  const [copied, setCopied] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const keyInput = useRef<HTMLInputElement>(null);
  const backRef = useRef<HTMLButtonElement>(null);
  const inputId = useId();
  const noteId = useId();

  const requestClose = () => {
    if (copied || confirming) onClose();
    else setConfirming(true);
  };

  return (
    <Dialog
      open
      title={revealed.origin.kind === 'created' ? 'Copy your new key now' : 'Copy the rolled key now'}
      onCancel={requestClose}
      onForceClose={onClose}
      initialFocus={keyInput}
      fallbackFocus={fallbackFocus}
      className="kp-reveal"
    >
      <label htmlFor={inputId} className="kp-label">
        New key for “{revealed.name}”
      </label>
      <div className="kp-reveal__key">
        <input
          ref={keyInput}
          id={inputId}
          className="kp-input kp-mono"
          readOnly
          value={revealed.secret}
          aria-describedby={noteId}
          spellCheck={false}
          autoComplete="off"
          onFocus={(event) => event.currentTarget.select()}
        />
        <CopyButton text={() => revealed.secret} label="Copy key" onCopied={() => setCopied(true)} className="kp-button--primary" />
      </div>
      <p id={noteId} className="kp-callout kp-callout--caution">
        <strong>You will not see this key again.</strong> The sandbox stores only a hash of it, as a real service must. Copy it into your
        secret manager or <code>.env</code> file now. (This browser’s wallet also keeps a copy so the docs’ widgets can use it, until you
        clear the wallet.)
      </p>
      {revealed.origin.kind === 'rolled' && <p>{revealed.origin.oldKeyNote}</p>}
      {firstRequest && (
        <TestRequest
          secret={revealed.secret}
          environment={revealed.environment}
          info={firstRequest}
          level={3}
          sendLabel="Send a test request"
        />
      )}
      {confirming ? (
        <div className="kp-confirm" role="group" aria-labelledby={`${noteId}-confirm`}>
          <p id={`${noteId}-confirm`}>
            <strong>You have not copied the key.</strong> Once this dialog closes, the key cannot be shown again.
          </p>
          <div className="kp-actions">
            <button
              type="button"
              ref={backRef}
              className="kp-button kp-button--primary"
              autoFocus
              onClick={() => {
                setConfirming(false);
                keyInput.current?.focus();
              }}
            >
              Go back to the key
            </button>
            <button type="button" className="kp-button kp-button--danger" onClick={onClose}>
              Close without copying
            </button>
          </div>
        </div>
      ) : (
        <div className="kp-actions">
          <button type="button" className="kp-button" onClick={requestClose}>
            {copied ? 'Done' : 'Close'}
          </button>
        </div>
      )}
    </Dialog>
  );
}

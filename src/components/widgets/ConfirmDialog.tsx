/** "Are you sure?" for actions that cannot be undone; the confirm button names the action. */
import { useRef, type ReactNode, type RefObject } from 'react';
import Dialog from './Dialog.tsx';

interface Props {
  open: boolean;
  title: string;
  children: ReactNode;
  /** e.g. "Revoke “CI deploys”". */
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
  danger?: boolean;
  /** Where focus goes on close when the button that opened the dialog is gone (e.g. after revoking). */
  fallbackFocus?: RefObject<HTMLElement | null>;
}

export default function ConfirmDialog({ open, title, children, confirmLabel, onConfirm, onCancel, busy, danger, fallbackFocus }: Props) {
  // Cancel is focused first: Enter right after opening must not destroy anything.
  const cancelRef = useRef<HTMLButtonElement>(null);
  return (
    <Dialog open={open} title={title} onCancel={onCancel} initialFocus={cancelRef} fallbackFocus={fallbackFocus} role="alertdialog">
      <div className="kp-dialog__body">{children}</div>
      <div className="kp-actions">
        <button type="button" ref={cancelRef} className="kp-button" onClick={onCancel}>
          Cancel
        </button>
        <button
          type="button"
          className={`kp-button ${danger ? 'kp-button--danger' : 'kp-button--primary'}`}
          onClick={onConfirm}
          disabled={busy}
        >
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}

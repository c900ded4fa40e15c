/** "Reset the sandbox…" with a confirmation: everything in the sandbox starts over. */
import { useState } from 'react';
import ConfirmDialog from '../widgets/ConfirmDialog.tsx';

export default function ResetSandboxButton({ onReset, label = 'Reset the sandbox…' }: { onReset: () => Promise<void>; label?: string }) {
  const [confirm, setConfirm] = useState(false);
  const [busy, setBusy] = useState(false);
  return (
    <>
      <button type="button" className="kp-button kp-button--danger" onClick={() => setConfirm(true)}>
        {label}
      </button>
      <ConfirmDialog
        open={confirm}
        title="Reset the sandbox?"
        confirmLabel={busy ? 'Resetting…' : 'Reset the sandbox'}
        danger
        busy={busy}
        onCancel={() => setConfirm(false)}
        onConfirm={async () => {
          setBusy(true);
          await onReset().finally(() => setBusy(false));
          setConfirm(false);
        }}
      >
        <p>
          Every sandbox key, its usage and the sample data start over, and the clock returns to real time. The wallet forgets the old keys
          and keeps the new sandbox owner key.
        </p>
      </ConfirmDialog>
    </>
  );
}

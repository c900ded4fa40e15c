/**
 * What this browser's wallet holds (masked, with each key's status) and one action to forget
 * it all. Shared by the key manager and the try-it console.
 */
import { useId, useState } from 'react';
import ConfirmDialog from '../widgets/ConfirmDialog.tsx';
import Heading, { type HeadingLevel } from '../widgets/Heading.tsx';
import { useHydrated } from '../widgets/use-hydrated.ts';
import { useWallet } from './use-wallet.ts';
import { maskSecret, STATUS_LABEL } from './wallet-labels.ts';

interface Props {
  productId: string;
  level: HeadingLevel;
}

export default function WalletPanel({ productId, level }: Props) {
  const { wallet, keys } = useWallet(productId);
  const [confirm, setConfirm] = useState(false);
  const id = useId();
  const hydrated = useHydrated();
  return (
    <section className="kp-panel" aria-labelledby={`${id}-title`}>
      <Heading level={level} id={`${id}-title`}>
        This browser’s wallet
      </Heading>
      <p className="kp-hint">
        The keys you create here are remembered in this browser (not on any server), so the docs’ other widgets can use them. They never go
        into links, logs or analytics.
        {hydrated && !wallet.persistent() && ' This browser does not let the page store them: they last until you leave the page.'}
      </p>
      {hydrated && wallet.problem() && (
        <p className="kp-callout kp-callout--caution" role="status">
          {wallet.problem()} A copy of what was saved is kept aside in this browser’s storage; new keys start a new wallet.
        </p>
      )}
      {keys.length === 0 ? (
        <p className="kp-muted">The wallet is empty.</p>
      ) : (
        <>
          <ul className="kp-wallet">
            {keys.map((key) => (
              <li key={key.id}>
                <span>{key.name}</span> <span className="kp-mono kp-muted">{maskSecret(key.secret)}</span>{' '}
                <span className={`kp-status kp-status--${key.status}`}>{STATUS_LABEL[key.status]}</span>
              </li>
            ))}
          </ul>
          <button type="button" className="kp-button" onClick={() => setConfirm(true)}>
            Clear the wallet
          </button>
        </>
      )}
      <ConfirmDialog
        open={confirm}
        title="Clear this browser’s wallet?"
        confirmLabel="Clear the wallet"
        danger
        onCancel={() => setConfirm(false)}
        onConfirm={() => {
          wallet.clear();
          setConfirm(false);
        }}
      >
        <p>
          The browser forgets all {keys.length} key{keys.length === 1 ? '' : 's'}. The keys keep working in the sandbox, but their secrets
          cannot be shown again; without the owner key, managing keys needs a sandbox reset.
        </p>
      </ConfirmDialog>
    </section>
  );
}

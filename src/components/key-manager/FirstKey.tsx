/**
 * The landing page's way in: one button that starts this browser's sandbox, creates a test key
 * with the least access the API offers, keeps it in the wallet and reveals it once — with "Send
 * a test request" right in the dialog. Until the island hydrates the button is disabled and says
 * it is loading, so a click made too early is refused visibly instead of dropped.
 */
import '../../styles/widgets.css';
import { useId, useState } from 'react';
import { isApiError, type ApiKeyCreateParams } from '../../sdk/index.ts';
import { startSandboxFor } from '../sandbox/sandbox-session.ts';
import { useWallet } from '../wallet/use-wallet.ts';
import { plainMessage } from '../widgets/format.ts';
import { useHydrated } from '../widgets/use-hydrated.ts';
import type { DefaultAccess, FirstKeyData } from '../widgets/widget-data.ts';
import { createKeyInWallet } from './management.ts';
import RevealKeyDialog, { type RevealedKey } from './RevealKeyDialog.tsx';

/** Says where the key came from, in the key manager's list and the console's key menu. */
const FIRST_KEY_NAME = 'Getting started (sandbox)';

function accessParams(access: DefaultAccess): Pick<ApiKeyCreateParams, 'template' | 'scopes'> {
  if (access.kind === 'template') return { template: access.id };
  if (access.kind === 'scopes') return { scopes: access.scopes };
  return {};
}

interface Props {
  data: FirstKeyData;
  /**
   * `landing`: a titled card with links onward (Quickstart, playground, reference); `step`: the
   * button alone, for step 1 of a page's steps. @default 'landing'
   */
  variant?: 'landing' | 'step';
}

export default function FirstKey({ data, variant = 'landing' }: Props) {
  const hydrated = useHydrated();
  const { wallet } = useWallet(data.product.id);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [revealed, setRevealed] = useState<RevealedKey | null>(null);
  const [made, setMade] = useState<string | null>(null);
  const id = useId();

  const create = async () => {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      const sandbox = await startSandboxFor(wallet, data);
      const created = await createKeyInWallet(wallet, data, {
        name: FIRST_KEY_NAME,
        environment: 'test',
        ...accessParams(data.defaultAccess),
      });
      // Other pages read the sandbox when they start it: save the new key now.
      sandbox.flush();
      setRevealed({ secret: created.secret, name: created.name, environment: created.environment, origin: { kind: 'created' } });
      setMade(created.name);
    } catch (error) {
      setProblem(
        isApiError(error) ? plainMessage(error.message) : error instanceof Error ? error.message : 'The key could not be created.',
      );
    } finally {
      setBusy(false);
    }
  };

  const landing = variant === 'landing';
  return (
    <section
      className={`kp-widget kp-first-key kp-first-key--${variant}`}
      {...(landing ? { 'aria-labelledby': `${id}-title` } : { 'aria-label': 'Get a sandbox key' })}
    >
      {landing && (
        <>
          <h2 id={`${id}-title`}>Your first request, here and now</h2>
          <p>
            Get a test key for the {data.product.name} sandbox that runs in this browser — no sign-up, and with the least access the API
            offers ({data.defaultAccess.label}) — then send a request with it from the dialog that shows it.
          </p>
        </>
      )}
      <div className="kp-actions kp-actions--start">
        <button
          type="button"
          className="kp-button kp-button--primary kp-first-key__get"
          disabled={!hydrated}
          aria-disabled={busy || undefined}
          onClick={() => void create()}
        >
          {!hydrated ? 'Loading…' : busy ? 'Creating your key…' : 'Get a sandbox key'}
        </button>
        {landing && (
          <>
            <a className="kp-button" href="/quickstart/">
              Quickstart
            </a>
            <a className="kp-button" href="/playground/">
              SDK playground
            </a>
            <a className="kp-button" href="/reference/">
              API reference
            </a>
          </>
        )}
      </div>
      <div role="status" className="kp-status-line">
        {problem ? (
          <p className="kp-field-error">{problem}</p>
        ) : made && !revealed ? (
          <p className="kp-success">
            “{made}” is in this browser’s wallet: the <a href="/quickstart/#try-it-here">Quickstart’s console</a>, the{' '}
            <a href="/key-manager/">key manager</a> and the <a href="/playground/">playground</a> offer it.
          </p>
        ) : null}
      </div>
      <RevealKeyDialog revealed={revealed} firstRequest={data.firstRequest} onClose={() => setRevealed(null)} />
    </section>
  );
}

/**
 * The key manager island: create keys (revealed once), list them, roll, revoke, rename, and see
 * each key's usage — all through the SDK's `client.keys.*` against the browser's sandbox, with
 * a key from this browser's wallet that may manage keys (the sandbox owner's, at first).
 *
 * The server renders the idle state (no sandbox, empty wallet), which hydration reproduces; the
 * sandbox starts only when the reader asks for it, or at once if this browser used it before.
 */
import '../../styles/widgets.css';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import {
  isApiError,
  isConnectionError,
  isRateLimitError,
  isValidationError,
  type ApiKey,
  type ApiKeyCreateParams,
  type AuditEvent,
  type Usage,
} from '../../sdk/index.ts';
import type { LocalSandboxInfo } from '../../../mocks/local-sandbox.ts';
import {
  exportSandboxStateFor,
  resetSandbox,
  SandboxUnavailableError,
  sandboxUsedBefore,
  startSandboxFor,
  type Sandbox,
} from '../sandbox/sandbox-session.ts';
import { useWallet } from '../wallet/use-wallet.ts';
import WalletPanel from '../wallet/WalletPanel.tsx';
import { managementKeys } from '../wallet/wallet.ts';
import { downloadText } from '../widgets/download.ts';
import { formatDuration } from '../../api/runtime/durations.ts';
import { plainMessage } from '../widgets/format.ts';
import Heading, { below, type HeadingLevel } from '../widgets/Heading.tsx';
import type { KeyManagerData } from '../widgets/widget-data.ts';
import CreateKeyForm, { type Field } from './CreateKeyForm.tsx';
import KeyDetails from './KeyDetails.tsx';
import KeyTable from './KeyTable.tsx';
import LocalSandboxPanel from './LocalSandboxPanel.tsx';
import { createKeyInWallet, NoManagementKeyError, withManagementKey } from './management.ts';
import ResetSandboxButton from './ResetSandboxButton.tsx';
import RevealKeyDialog, { type RevealedKey } from './RevealKeyDialog.tsx';
import SandboxControls from './SandboxControls.tsx';

interface Props {
  data: KeyManagerData;
  /** The downloadable local sandbox and its commands, for the export. */
  localSandbox: LocalSandboxInfo;
  /** Level of the widget's heading, so it fits the page's outline. @default 2 */
  level?: HeadingLevel;
}

type Phase =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'ready' }
  | { kind: 'no-key'; message: string }
  | { kind: 'unavailable'; message: string };

type Notice = { tone: 'success' | 'error'; text: string } | null;

/** Words for what went wrong, for the status line. */
function describe(error: unknown): string {
  if (isRateLimitError(error))
    return `The sandbox’s rate limit for the managing key was reached; try again in ${error.retryAfter ?? 'a few'} seconds.`;
  if (isApiError(error)) return plainMessage(error.message);
  if (isConnectionError(error)) return 'The sandbox did not answer. Reload the page to restart it.';
  return error instanceof Error ? error.message : 'Something went wrong.';
}

export default function KeyManager({ data, localSandbox, level = 2 }: Props) {
  const { wallet, keys: walletKeys } = useWallet(data.product.id);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [keys, setKeys] = useState<ApiKey[]>([]);
  const [sandbox, setSandbox] = useState<Sandbox | null>(null);
  const [now, setNow] = useState(0);
  const [notice, setNotice] = useState<Notice>(null);
  const [revealed, setRevealed] = useState<RevealedKey | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [refreshToken, setRefreshToken] = useState(0);
  const loadSeq = useRef(0);
  const listHeading = useRef<HTMLSpanElement>(null);
  const id = useId();

  const fail = useCallback((error: unknown) => {
    if (error instanceof NoManagementKeyError) setPhase({ kind: 'no-key', message: error.message });
    else if (error instanceof SandboxUnavailableError) setPhase({ kind: 'unavailable', message: error.message });
    else setNotice({ tone: 'error', text: describe(error) });
  }, []);

  const load = useCallback(async () => {
    const seq = ++loadSeq.current;
    setPhase((p) => (p.kind === 'ready' ? p : { kind: 'loading' }));
    try {
      const started = await startSandboxFor(wallet, data);
      setSandbox(started);
      const list = await withManagementKey(wallet, data, async (client) => {
        const all: ApiKey[] = [];
        for await (const key of client.keys.iterate({ limit: 100 })) all.push(key);
        return all;
      });
      if (seq !== loadSeq.current) return;
      wallet.syncFromListing(list, true);
      setKeys(list);
      setNow(started.time.now());
      setRefreshToken((n) => n + 1);
      setPhase({ kind: 'ready' });
    } catch (error) {
      if (seq === loadSeq.current) fail(error);
    }
  }, [wallet, data, fail]);

  // A reader who used the sandbox before expects their keys; a first visit waits for a click.
  useEffect(() => {
    if (sandboxUsedBefore(data.product.id)) void load();
  }, [data.product.id, load]);

  // Relative times ("expires in 59 minutes") follow the sandbox's clock; another tab moving
  // that clock changes which keys still work, so the list is read again.
  useEffect(() => {
    if (!sandbox) return;
    let offset = sandbox.time.offset();
    const tick = setInterval(() => setNow(sandbox.time.now()), 15_000);
    const stop = sandbox.subscribe(() => {
      if (sandbox.time.offset() === offset) return;
      offset = sandbox.time.offset();
      void load();
    });
    return () => {
      clearInterval(tick);
      stop();
    };
  }, [sandbox, load]);

  // A key made in another tab reaches this one through the wallet: read the list again to show it.
  useEffect(() => {
    if (phase.kind !== 'ready') return;
    if (walletKeys.some((k) => k.status !== 'missing' && !keys.some((listed) => listed.id === k.id))) void load();
  }, [walletKeys, phase.kind, keys, load]);

  const canManage = managementKeys(walletKeys, data.managementScopes, data.fullAccessScope).length > 0;
  const managing = managementKeys(walletKeys, data.managementScopes, data.fullAccessScope)[0]?.id ?? null;
  const selected = keys.find((key) => key.id === selectedId) ?? null;

  /** Runs a change, saves the sandbox at once (other pages read it on their next start), and reloads. */
  const change = async <T,>(run: () => Promise<T>, success: (result: T) => string): Promise<T | undefined> => {
    try {
      const result = await run();
      sandbox?.flush();
      setNotice({ tone: 'success', text: success(result) });
      await load();
      return result;
    } catch (error) {
      fail(error);
      return undefined;
    }
  };

  const create = async (body: ApiKeyCreateParams): Promise<{ field: Field; message: string } | null> => {
    try {
      const created = await createKeyInWallet(wallet, data, body);
      sandbox?.flush();
      setRevealed({ secret: created.secret, name: created.name, environment: created.environment, origin: { kind: 'created' } });
      setNotice({ tone: 'success', text: `Created the key “${created.name}”.` });
      void load();
      return null;
    } catch (error) {
      if (isValidationError(error)) {
        const message = plainMessage(error.message);
        const field: Field = /ip_allowlist/.test(message)
          ? 'ip'
          : /`name`/.test(message)
            ? 'name'
            : /scopes|template/.test(message)
              ? 'scopes'
              : 'form';
        return { field, message };
      }
      fail(error);
      return null;
    }
  };

  const roll = async (key: ApiKey, graceSeconds: number) => {
    await change(
      async () => {
        const rolled = await withManagementKey(wallet, data, (client) => client.keys.roll(key.id, { grace_seconds: graceSeconds }));
        const before = wallet.keys().find((k) => k.id === key.id);
        wallet.add({
          id: rolled.key.id,
          name: rolled.key.name,
          secret: rolled.key.secret,
          environment: rolled.key.environment,
          scopes: rolled.key.scopes,
          createdAt: rolled.key.created_at,
          expiresAt: rolled.key.expires_at,
          status: rolled.key.status,
          replacedBy: null,
          // The new key takes over the old one's role as the key manager's own key.
          owner: before?.owner ?? false,
        });
        wallet.update(key.id, { status: rolled.previous.status, expiresAt: rolled.previous.expires_at, replacedBy: rolled.key.id });
        setRevealed({
          secret: rolled.key.secret,
          name: rolled.key.name,
          environment: rolled.key.environment,
          origin: {
            kind: 'rolled',
            oldKeyNote:
              graceSeconds === 0
                ? 'The old key stopped working at once.'
                : `The old key keeps working for ${formatDuration(graceSeconds)}, then expires: deploy the new key before then.`,
          },
        });
        setSelectedId(rolled.key.id);
        return rolled;
      },
      () => `Rolled “${key.name}”.`,
    );
  };

  const revoke = async (key: ApiKey) => {
    await change(
      async () => {
        const revoked = await withManagementKey(wallet, data, (client) => client.keys.revoke(key.id));
        wallet.update(key.id, { status: revoked.status });
        return revoked;
      },
      () => `Revoked “${key.name}”. Requests with it now fail with 401.`,
    );
  };

  const setStatus = async (key: ApiKey, status: 'active' | 'inactive') => {
    await change(
      async () => {
        const updated = await withManagementKey(wallet, data, (client) => client.keys.update(key.id, { status }));
        wallet.update(key.id, { status: updated.status });
        return updated;
      },
      () =>
        status === 'inactive'
          ? `Disabled “${key.name}”. Requests with it now fail with 401 until you enable it again.`
          : `Enabled “${key.name}”. Requests with it work again.`,
    );
  };

  const rename = async (key: ApiKey, name: string): Promise<string | null> => {
    try {
      const renamed = await withManagementKey(wallet, data, (client) => client.keys.update(key.id, { name }));
      wallet.update(key.id, { name: renamed.name });
      sandbox?.flush();
      setNotice({ tone: 'success', text: `Renamed the key to “${renamed.name}”.` });
      await load();
      return null;
    } catch (error) {
      if (isValidationError(error)) return plainMessage(error.message);
      fail(error);
      return null;
    }
  };

  const loadUsage = (key: ApiKey): Promise<{ usage: Usage; events: AuditEvent[] }> =>
    withManagementKey(wallet, data, async (client) => {
      const [usage, events] = await Promise.all([client.keys.usage(key.id), client.keys.events(key.id)]);
      return { usage, events: events.data };
    }).catch((error: unknown) => {
      throw new Error(describe(error));
    });

  const fastForward = (ms: number) => {
    if (!sandbox) return;
    sandbox.time.advance(ms);
    sandbox.flush();
    setNotice({ tone: 'success', text: `Moved the sandbox’s clock forward by ${formatDuration(ms / 1000)}.` });
    // The subscription above reloads the list when the offset changes.
  };

  const reset = async () => {
    try {
      const fresh = await resetSandbox(wallet, data);
      setSandbox(fresh);
      setSelectedId(null);
      setNotice({ tone: 'success', text: 'The sandbox started over. The wallet now holds the new sandbox owner key.' });
      await load();
    } catch (error) {
      fail(error);
    }
  };

  /** Downloads this browser's sandbox state for `node <product>-sandbox.mjs --state FILE`. */
  const exportForLocal = async () => {
    try {
      const text = await exportSandboxStateFor(wallet, data);
      downloadText(text, 'application/json', localSandbox.stateFile);
      setNotice({
        tone: 'success',
        text: `Saved ${localSandbox.stateFile}, with the keys as hashes only. Run it with: ${localSandbox.commands.runWithExport}`,
      });
      // The export started the sandbox if it was not running yet: show its keys too.
      if (phase.kind === 'idle') void load();
    } catch (error) {
      fail(error);
    }
  };

  const sub = below(level);
  return (
    <section className="kp-widget kp-key-manager" aria-labelledby={`${id}-title`}>
      <Heading level={level} id={`${id}-title`}>
        Sandbox key manager
      </Heading>
      <p>
        Create and manage keys of the {data.product.name} sandbox that runs in this browser. Keys work like real ones — revealed once,
        stored as a hash — but only here.
      </p>
      {sandbox?.recoveryMessage && <p className="kp-callout">{sandbox.recoveryMessage}</p>}
      {phase.kind === 'unavailable' && (
        <p className="kp-callout kp-callout--danger" role="alert">
          {phase.message}
        </p>
      )}
      {(phase.kind === 'no-key' || (phase.kind === 'ready' && !canManage)) && (
        <div className="kp-callout kp-callout--caution" role="alert">
          <p>
            {phase.kind === 'no-key'
              ? phase.message
              : 'This browser’s wallet no longer holds a working key that may manage keys, so changes are not possible.'}{' '}
            Reset the sandbox to start over with a new owner key.
          </p>
          <ResetSandboxButton onReset={reset} />
        </div>
      )}

      <CreateKeyForm data={data} level={sub} clientIp={sandbox?.settings.get().clientIp ?? null} onCreate={create} />

      <div className="kp-status-line" role="status" aria-live="polite">
        {notice && <p className={notice.tone === 'error' ? 'kp-field-error' : 'kp-success'}>{notice.text}</p>}
      </div>

      <section className="kp-keys" aria-labelledby={`${id}-keys`}>
        <div className="kp-panel__head">
          <Heading level={sub} id={`${id}-keys`}>
            <span ref={listHeading} tabIndex={-1}>
              Your keys
            </span>
          </Heading>
          {phase.kind === 'ready' && (
            <button type="button" className="kp-button kp-button--quiet" onClick={() => void load()}>
              Refresh
            </button>
          )}
        </div>
        {phase.kind === 'idle' || phase.kind === 'unavailable' ? (
          <div className="kp-empty">
            <p>The sandbox starts when you need it. Its keys and sample data stay in this browser.</p>
            <button type="button" className="kp-button kp-button--primary" onClick={() => void load()}>
              Show my sandbox keys
            </button>
          </div>
        ) : phase.kind === 'loading' ? (
          <p className="kp-empty" aria-busy="true">
            Starting the sandbox and loading keys…
          </p>
        ) : keys.length === 0 ? (
          <p className="kp-empty">No keys yet. Create one above: give it a name, choose its permissions, and copy it when it is shown.</p>
        ) : (
          <KeyTable
            keys={keys}
            now={now}
            fullAccessScope={data.fullAccessScope}
            selectedId={selectedId}
            onSelect={(keyId) => setSelectedId((current) => (current === keyId ? null : keyId))}
            caption={`Sandbox API keys (${keys.length}). Choose a name to manage the key and see its usage.`}
          />
        )}
      </section>

      {selected && (
        <KeyDetails
          key={selected.id}
          data={data}
          apiKey={selected}
          secret={walletKeys.find((k) => k.id === selected.id)?.secret ?? null}
          now={now}
          level={sub}
          managesKeys={selected.id === managing}
          refreshToken={refreshToken}
          onRename={rename}
          onRoll={roll}
          onRevoke={revoke}
          onSetStatus={setStatus}
          onFastForward={fastForward}
          loadUsage={loadUsage}
          onClose={() => {
            setSelectedId(null);
            listHeading.current?.focus();
          }}
        />
      )}

      <WalletPanel productId={data.product.id} level={sub} />
      <LocalSandboxPanel level={sub} info={localSandbox} onExport={exportForLocal} />
      <SandboxControls level={sub} offsetMs={sandbox ? sandbox.time.offset() : null} onFastForward={fastForward} onReset={reset} />

      <RevealKeyDialog revealed={revealed} firstRequest={data.firstRequest} onClose={() => setRevealed(null)} fallbackFocus={listHeading} />
    </section>
  );
}

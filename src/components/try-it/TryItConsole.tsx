/**
 * The try-it console island: pick an endpoint, fill in its id, query and JSON body, choose how
 * the key travels and which key (from this browser's wallet, pasted, or none), and send it
 * through the SDK to the sandbox, which starts on the first send. A pasted key is checked
 * offline first; the response comes with what an error means and how to fix it.
 *
 * The server renders the console with the page's endpoint and an empty wallet; hydration
 * reproduces exactly that, and the wallet, history and a shared link's request fill in after.
 */
import '../../styles/widgets.css';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { KeyHeader } from '../../api/runtime/auth-schemes.ts';
import { parseApiKey } from '../../sdk/index.ts';
import { SandboxUnavailableError, startSandboxFor } from '../sandbox/sandbox-session.ts';
import { useWallet } from '../wallet/use-wallet.ts';
import { describeWalletKey } from '../wallet/wallet-labels.ts';
import { isUsable, type WalletKey, type WalletKeyStatus } from '../wallet/wallet.ts';
import FormField, { SelectField } from '../widgets/FormField.tsx';
import Heading, { below, type HeadingLevel } from '../widgets/Heading.tsx';
import type { ConsoleData, EndpointInfo } from '../widgets/widget-data.ts';
import HistoryPanel from './HistoryPanel.tsx';
import { checkJson } from './json-check.ts';
import {
  addToHistory,
  clearHistory,
  draftFromHash,
  loadHistory,
  NO_SCHEME,
  type HistoryEntry,
  type KeyChoice,
  type RequestDraft,
} from './request-draft.ts';
import ResponseView from './ResponseView.tsx';
import { headerSafe, sendRequest, statusLine, type SendResult } from './send-request.ts';
import ShareLink from './ShareLink.tsx';
import SnippetPanel from './SnippetPanel.tsx';

interface Props {
  data: ConsoleData;
  /** The endpoint shown first, e.g. `whoami.get`. */
  endpoint: string;
  /** Level of the console's heading. @default 2 */
  level?: HeadingLevel;
}

/** `wallet:<key id>`, the sandbox owner's key (known once the sandbox has started), a pasted key, or none. */
type KeySelection = `wallet:${string}` | 'owner' | 'pasted' | 'none';

const OWNER_LABEL = 'Sandbox owner key (made when the sandbox first starts)';

function defaults(endpoint: EndpointInfo, scheme: string): RequestDraft {
  return { endpoint: endpoint.id, id: endpoint.sampleId, query: {}, body: endpoint.exampleBody, scheme };
}

const STATUS_FOR_REASON: Partial<Record<string, WalletKeyStatus>> = { revoked: 'revoked', expired: 'expired', invalid: 'missing', inactive: 'inactive' };

export default function TryItConsole({ data, endpoint: initial, level = 2 }: Props) {
  const id = useId();
  const { wallet, keys: walletKeys } = useWallet(data.product.id);
  const find = (endpointId: string) => data.endpoints.find((e) => e.id === endpointId);
  const [draft, setDraft] = useState<RequestDraft>(() => defaults(find(initial) ?? data.endpoints[0]!, data.schemes[0]!.id));
  const [selection, setSelection] = useState<KeySelection>('owner');
  const [pasted, setPasted] = useState('');
  const [keyProblem, setKeyProblem] = useState<{ message: string; canSendAnyway: boolean } | null>(null);
  const [fieldError, setFieldError] = useState<{ field: 'id' | 'key'; message: string } | null>(null);
  const [sending, setSending] = useState(false);
  const [outcome, setOutcome] = useState<{ result: SendResult; receivedAt: number } | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [history, setHistory] = useState<HistoryEntry[]>([]);
  const [note, setNote] = useState<string | null>(null);
  const chosenByReader = useRef(false);
  const refs = {
    id: useRef<HTMLInputElement>(null),
    body: useRef<HTMLTextAreaElement>(null),
    key: useRef<HTMLInputElement>(null),
  };

  const endpoint = find(draft.endpoint) ?? data.endpoints[0]!;
  const bodyCheck = endpoint.hasBody ? checkJson(draft.body) : ({ ok: true, value: undefined } as const);
  const walletEntry = selection.startsWith('wallet:') ? walletKeys.find((k) => `wallet:${k.id}` === selection) : undefined;
  const ownerInWallet = walletKeys.some((k) => k.owner);

  // After hydration: the session's history, and a shared link's request (filled in, not sent),
  // also when a link to this very page is opened while it is already showing.
  useEffect(() => {
    setHistory(loadHistory(data.product.id));
    const fromLink = () => {
      const link = draftFromHash(location.hash);
      if (!link.found) return;
      if (!link.draft) {
        setNote('The request in this link could not be read, so the console shows its usual example instead.');
      } else if (!find(link.draft.endpoint)) {
        setNote(`The link names an endpoint this API does not have (“${link.draft.endpoint.slice(0, 60)}”), so the console shows its usual example instead.`);
      } else {
        const draft = link.draft;
        const scheme = draft.scheme === NO_SCHEME || data.schemes.some((s) => s.id === draft.scheme) ? draft.scheme : data.schemes[0]!.id;
        setDraft({ ...draft, scheme });
        setOutcome(null);
        setNote('Filled in from a shared link. Nothing has been sent: check the request, choose your key, then send it.');
      }
    };
    fromLink();
    addEventListener('hashchange', fromLink);
    return () => removeEventListener('hashchange', fromLink);
    // `data` never changes for an island.
  }, []);

  // Offer the reader's newest working key once the wallet is read, unless they already chose;
  // and never keep pointing at a key the wallet no longer has.
  useEffect(() => {
    if (selection.startsWith('wallet:') && !walletKeys.some((k) => `wallet:${k.id}` === selection)) {
      setSelection('owner');
      return;
    }
    if (chosenByReader.current || selection !== 'owner') return;
    const newest = walletKeys.find(isUsable);
    if (newest) setSelection(`wallet:${newest.id}`);
  }, [walletKeys, selection]);

  const update = (patch: Partial<RequestDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setFieldError(null);
  };

  const chooseEndpoint = (endpointId: string) => {
    const next = find(endpointId);
    if (next) setDraft((d) => defaults(next, d.scheme));
    setFieldError(null);
  };

  const keyChoiceFor = (sel: KeySelection, entry: WalletKey | undefined): KeyChoice =>
    sel === 'pasted' ? { source: 'pasted' } : entry ? { source: 'wallet', id: entry.id, name: entry.name } : { source: 'none' };

  const record = (entry: Omit<HistoryEntry, 'at'>) => setHistory((h) => addToHistory(data.product.id, h, { ...entry, at: Date.now() }));

  async function send(options: { anyway?: boolean; draft?: RequestDraft; selection?: KeySelection } = {}) {
    if (sending) return;
    const d = options.draft ?? draft;
    const sel = options.selection ?? selection;
    const target = find(d.endpoint)!;
    setKeyProblem(null);
    setFieldError(null);
    setNote(null);
    // Whatever shows next belongs to this attempt, even if it is refused before sending.
    setOutcome(null);

    if (target.hasId && d.id.trim() === '') {
      setFieldError({ field: 'id', message: `Enter the record’s id${target.sampleId ? `, e.g. ${target.sampleId}` : ''}.` });
      refs.id.current?.focus();
      return;
    }
    const body = target.hasBody ? checkJson(d.body) : ({ ok: true, value: undefined } as const);
    if (!body.ok) {
      refs.body.current?.focus();
      return;
    }

    const noKey = d.scheme === NO_SCHEME || sel === 'none';
    let secret: string | null = null;
    if (!noKey && sel === 'pasted') {
      if (pasted === '') {
        setFieldError({ field: 'key', message: 'Paste a key, or choose one from your wallet.' });
        refs.key.current?.focus();
        return;
      }
      if (!headerSafe(pasted)) {
        setKeyProblem({
          message:
            'This key contains characters that cannot travel in an HTTP header (control characters, or letters outside Latin-1), so it cannot be sent at all. Copy the key again from where you stored it.',
          canSendAnyway: false,
        });
        return;
      }
      const info = parseApiKey(pasted);
      if (!info.valid && !options.anyway) {
        setKeyProblem({ message: `This key looks wrong: ${info.detail}. Nothing was sent.`, canSendAnyway: true });
        return;
      }
      secret = pasted;
    }

    setSending(true);
    setAnnouncement('Sending…');
    try {
      try {
        await startSandboxFor(wallet, data);
      } catch (error) {
        const message = error instanceof SandboxUnavailableError ? error.message : 'The sandbox could not start.';
        setOutcome({ result: { kind: 'failure', message, ms: null }, receivedAt: performance.now() });
        setAnnouncement(message);
        return;
      }
      // The owner key exists only once the sandbox has started; wallet keys are read now, not at render.
      let entry: WalletKey | undefined;
      if (!noKey && (sel === 'owner' || sel.startsWith('wallet:'))) {
        const keys = wallet.keys();
        entry = sel === 'owner' ? (keys.find((k) => k.owner && isUsable(k)) ?? keys.find((k) => k.owner)) : keys.find((k) => `wallet:${k.id}` === sel);
        if (!entry) {
          const message =
            sel === 'owner'
              ? 'This browser’s wallet has no sandbox owner key. Create a key in the key manager (or reset the sandbox there), or paste a key.'
              : 'That key is no longer in this browser’s wallet. Choose another key.';
          setFieldError({ field: 'key', message });
          setAnnouncement(message);
          return;
        }
        if (sel === 'owner') setSelection(`wallet:${entry.id}`);
        secret = entry.secret;
      }

      const result = await sendRequest({
        endpoint: target,
        id: d.id,
        query: d.query,
        body: body.value,
        key: noKey ? null : secret,
        scheme: d.scheme,
        schemes: data.schemes,
        checkKeyFormat: !options.anyway,
      });
      // A refused wallet key is marked, so no widget offers it as working any more.
      const status = result.kind === 'response' && result.error?.reason ? STATUS_FOR_REASON[result.error.reason] : undefined;
      if (entry && status) wallet.update(entry.id, { status });

      setOutcome({ result, receivedAt: performance.now() });
      const said =
        result.kind === 'response'
          ? `${statusLine(result.status)} in ${result.ms} ms${result.error ? ` (${data.errors.find((e) => e.id === result.error!.code)?.title ?? result.error.code})` : ''}`
          : `Not sent: ${result.message}`;
      setAnnouncement(`Response: ${said}`);
      record({
        draft: d,
        key: noKey ? { source: 'none' } : keyChoiceFor(sel, entry),
        status: result.kind === 'response' ? result.status : null,
        outcome: said,
        ms: result.kind === 'response' ? result.ms : null,
      });
    } finally {
      setSending(false);
    }
  }

  const rerun = (entry: HistoryEntry) => {
    chosenByReader.current = true;
    const next = { ...entry.draft, scheme: data.schemes.some((s) => s.id === entry.draft.scheme) ? entry.draft.scheme : NO_SCHEME };
    setDraft(next);
    let sel: KeySelection;
    if (entry.key.source === 'wallet') {
      const keyId = entry.key.id;
      if (!wallet.keys().some((k) => k.id === keyId)) {
        setSelection('owner');
        setNote(`The key “${entry.key.name}” is no longer in this browser’s wallet. Choose another key, then send.`);
        return;
      }
      sel = `wallet:${keyId}`;
    } else if (entry.key.source === 'pasted') {
      sel = 'pasted';
      if (!pasted) {
        setSelection(sel);
        setNote('Keys are never kept in the history: paste the key again, then send.');
        refs.key.current?.focus();
        return;
      }
    } else sel = 'none';
    setSelection(sel);
    void send({ draft: next, selection: sel });
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void send();
  };

  /** Where the chosen scheme puts the key, for the code panel; `null` when no key is sent. */
  const keyHeaderOf = (schemeId: string): KeyHeader | null => {
    const scheme = data.schemes.find((s) => s.id === schemeId);
    return scheme ? { scheme: scheme.id, header: scheme.header, prefix: scheme.prefix } : null;
  };
  const environmentOfKey = (): 'live' | 'test' => {
    const secret = selection === 'pasted' ? pasted : walletEntry?.secret;
    return (secret && parseApiKey(secret).environment) || 'test';
  };
  const snippetSecret = draft.scheme === NO_SCHEME || selection === 'none' ? null : selection === 'pasted' ? pasted || null : (walletEntry?.secret ?? null);
  const tags = [...new Set(data.endpoints.map((e) => e.tag))];
  const sub = below(level);
  const described = (...ids: Array<string | false>) => ids.filter(Boolean).join(' ') || undefined;

  return (
    <section className="kp-widget kp-try-it" aria-labelledby={`${id}-title`}>
      <Heading level={level} id={`${id}-title`}>
        Try it
      </Heading>
      <p>
        Send a request to the {data.product.name} sandbox in this browser, through the SDK. The sandbox starts on your first request;
        nothing leaves this site.
      </p>
      {note && <p className="kp-callout">{note}</p>}

      <form className="kp-form" onSubmit={onSubmit} noValidate>
        <FormField
          id={`${id}-endpoint`}
          label="Endpoint"
          hint={
            <>
              <span className="kp-method">{endpoint.method}</span> <code>{endpoint.path}</code>:{' '}
              {endpoint.scopes.length === 0 ? 'any valid key may call it.' : <>needs {endpoint.scopes.join(' and ')} (or {data.fullAccessScope}).</>}
            </>
          }
        >
          <select
            id={`${id}-endpoint`}
            className="kp-input"
            value={draft.endpoint}
            onChange={(event) => chooseEndpoint(event.target.value)}
            aria-describedby={`${id}-endpoint-hint`}
          >
            {tags.map((tag) => (
              <optgroup key={tag} label={tag}>
                {data.endpoints
                  .filter((e) => e.tag === tag)
                  .map((e) => (
                    <option key={e.id} value={e.id}>
                      {e.method} {e.path} — {e.summary}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
        </FormField>

        {endpoint.hasId && (
          <FormField id={`${id}-path-id`} label="id (path parameter)" error={fieldError?.field === 'id' && fieldError.message} errorId={`${id}-id-error`}>
            <input
              ref={refs.id}
              id={`${id}-path-id`}
              className="kp-input kp-mono"
              value={draft.id}
              onChange={(event) => update({ id: event.target.value })}
              aria-invalid={fieldError?.field === 'id' || undefined}
              aria-describedby={described(fieldError?.field === 'id' && `${id}-id-error`)}
              spellCheck={false}
              autoComplete="off"
            />
          </FormField>
        )}

        {endpoint.query.map((field) => (
          <FormField
            key={field.name}
            id={`${id}-q-${field.name}`}
            label={`${field.name} (query parameter${field.required ? '' : ', optional'})`}
            hint={field.description}
          >
            <input
              id={`${id}-q-${field.name}`}
              className="kp-input kp-mono"
              value={draft.query[field.name] ?? ''}
              onChange={(event) => update({ query: { ...draft.query, [field.name]: event.target.value } })}
              aria-describedby={field.description ? `${id}-q-${field.name}-hint` : undefined}
              spellCheck={false}
              autoComplete="off"
            />
          </FormField>
        ))}

        {endpoint.hasBody && (
          <FormField
            id={`${id}-body`}
            label="Body (JSON)"
            error={!bodyCheck.ok && `The body is not valid JSON: line ${bodyCheck.line}, column ${bodyCheck.column}: ${bodyCheck.message}.`}
          >
            <textarea
              ref={refs.body}
              id={`${id}-body`}
              className="kp-input kp-mono"
              rows={Math.min(12, Math.max(4, draft.body.split('\n').length + 1))}
              value={draft.body}
              onChange={(event) => update({ body: event.target.value })}
              aria-invalid={!bodyCheck.ok || undefined}
              aria-describedby={described(!bodyCheck.ok && `${id}-body-error`)}
              spellCheck={false}
            />
          </FormField>
        )}

        <div className="kp-field-row">
          <SelectField
            id={`${id}-scheme`}
            label="Send the key in"
            value={draft.scheme}
            options={[...data.schemes.map((scheme) => ({ value: scheme.id, label: scheme.label })), { value: NO_SCHEME, label: 'Nothing: send no auth header' }]}
            onChange={(scheme) => update({ scheme })}
          />
          <FormField
            id={`${id}-key`}
            label="API key"
            hint={
              draft.scheme === NO_SCHEME
                ? 'No auth header is sent, so no key is used.'
                : walletEntry && !isUsable(walletEntry)
                  ? `This key is ${walletEntry.status === 'missing' ? 'not in the sandbox any more' : walletEntry.status}: the API will refuse it.`
                  : 'Keys you create in the key manager appear here.'
            }
          >
            <select
              id={`${id}-key`}
              className="kp-input"
              value={selection}
              disabled={draft.scheme === NO_SCHEME}
              aria-describedby={`${id}-key-hint`}
              onChange={(event) => {
                chosenByReader.current = true;
                setSelection(event.target.value as KeySelection);
                setKeyProblem(null);
                setFieldError(null);
              }}
            >
              <optgroup label="This browser’s wallet">
                {!ownerInWallet && <option value="owner">{OWNER_LABEL}</option>}
                {walletKeys.map((key) => (
                  <option key={key.id} value={`wallet:${key.id}`}>
                    {describeWalletKey(key)}
                  </option>
                ))}
              </optgroup>
              <optgroup label="Other">
                <option value="pasted">Paste a key…</option>
                <option value="none">No key (an empty header)</option>
              </optgroup>
            </select>
          </FormField>
        </div>

        {selection === 'pasted' && draft.scheme !== NO_SCHEME && (
          <FormField id={`${id}-pasted`} label="Your key" hint="Checked in your browser before anything is sent. Never saved, never put in links or history.">
            <input
              ref={refs.key}
              id={`${id}-pasted`}
              className="kp-input kp-mono"
              value={pasted}
              onChange={(event) => {
                setPasted(event.target.value);
                setKeyProblem(null);
                setFieldError(null);
              }}
              aria-invalid={fieldError?.field === 'key' || keyProblem !== null || undefined}
              aria-describedby={described(`${id}-pasted-hint`, (fieldError?.field === 'key' || keyProblem !== null) && `${id}-key-error`)}
              spellCheck={false}
              autoComplete="off"
            />
          </FormField>
        )}

        {fieldError?.field === 'key' && (
          <p id={`${id}-key-error`} className="kp-field-error" role="alert">
            {fieldError.message}
          </p>
        )}
        {keyProblem && (
          <div id={`${id}-key-error`} className="kp-callout kp-callout--caution" role="alert">
            <p>{keyProblem.message}</p>
            {keyProblem.canSendAnyway && (
              <button type="button" className="kp-button" onClick={() => void send({ anyway: true })}>
                Send anyway, to see how the API answers
              </button>
            )}
          </div>
        )}

        <div className="kp-actions kp-actions--start">
          <button type="submit" className="kp-button kp-button--primary" aria-disabled={sending || undefined}>
            {sending ? 'Sending…' : 'Send request'}
          </button>
        </div>
      </form>

      <p className="kp-sr-only" role="status" aria-live="polite">
        {announcement}
      </p>

      {outcome?.result.kind === 'failure' && (
        <p className="kp-callout kp-callout--danger" role="alert">
          {outcome.result.message}
        </p>
      )}
      {outcome?.result.kind === 'response' && <ResponseView result={outcome.result} receivedAt={outcome.receivedAt} errors={data.errors} level={sub} />}

      <SnippetPanel
        request={
          bodyCheck.ok
            ? { endpoint, id: draft.id, query: draft.query, body: bodyCheck.value, auth: keyHeaderOf(draft.scheme), environment: environmentOfKey() }
            : { problem: 'Fix the body’s JSON to see the code.' }
        }
        secret={snippetSecret}
        envVar={data.product.envVar}
        targets={data.codeTargets}
        settings={data.snippets}
        level={sub}
      />
      <ShareLink draft={draft} />
      <HistoryPanel
        history={history}
        endpoints={data.endpoints}
        onRerun={rerun}
        onClear={() => {
          clearHistory(data.product.id);
          setHistory([]);
        }}
      />
    </section>
  );
}

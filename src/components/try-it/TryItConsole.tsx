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
import type { KeyPlacement } from '../../api/runtime/auth-schemes.ts';
import { alternativeScope } from '../../api/runtime/scopes.ts';
import { startSandboxFor } from '../sandbox/sandbox-session.ts';
import { useWallet } from '../wallet/use-wallet.ts';
import { describeWalletKey } from '../wallet/wallet-labels.ts';
import { isUsable } from '../wallet/wallet.ts';
import FormField, { SelectField } from '../widgets/FormField.tsx';
import Heading, { below, type HeadingLevel } from '../widgets/Heading.tsx';
import { codeSpans } from '../widgets/code-spans.ts';
import type { ConsoleData } from '../widgets/widget-data.ts';
import {
  bodyOf,
  defaultDraft,
  draftFromLink,
  planRerun,
  reconcileSelection,
  sendAttempt,
  snippetKey,
  type KeySelection,
} from './console-send.ts';
import HistoryPanel from './HistoryPanel.tsx';
import { addToHistory, clearHistory, loadHistory, NO_SCHEME, type HistoryEntry, type RequestDraft } from './request-draft.ts';
import ResponseView from './ResponseView.tsx';
import { sendRequest, type SendResult } from './send-request.ts';
import ShareLink from './ShareLink.tsx';
import SnippetPanel from './SnippetPanel.tsx';

interface Props {
  data: ConsoleData;
  /** The endpoint shown first, e.g. `whoami.get`. */
  endpoint: string;
  /** Level of the console's heading. @default 2 */
  level?: HeadingLevel;
}

const OWNER_LABEL = 'Sandbox owner key (made on first request)';

export default function TryItConsole({ data, endpoint: initial, level = 2 }: Props) {
  const id = useId();
  const { wallet, keys: walletKeys } = useWallet(data.product.id);
  const find = (endpointId: string) => data.endpoints.find((e) => e.id === endpointId);
  const [draft, setDraft] = useState<RequestDraft>(() => defaultDraft(find(initial) ?? data.endpoints[0]!, data.schemes[0]!.id));
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
  const bodyCheck = bodyOf(endpoint, draft.body);
  const alternative = alternativeScope(endpoint.scopes, data.fullAccessScope);
  const walletEntry = selection.startsWith('wallet:') ? walletKeys.find((k) => `wallet:${k.id}` === selection) : undefined;
  // What "no key" sends with the chosen scheme: an empty header, or an empty query parameter.
  const chosenScheme = data.schemes.find((s) => s.id === draft.scheme);
  const emptyCarrier = chosenScheme?.in === 'query' ? `an empty ${chosenScheme.param} parameter` : 'an empty header';
  const ownerInWallet = walletKeys.some((k) => k.owner);

  // After hydration: the session's history, and a shared link's request (filled in, not sent),
  // also when a link to this very page is opened while it is already showing.
  useEffect(() => {
    setHistory(loadHistory(data.product.id));
    const fromLink = () => {
      const link = draftFromLink(location.hash, data);
      if (!link) return;
      if (link.draft) {
        setDraft(link.draft);
        setOutcome(null);
      }
      setNote(link.note);
    };
    fromLink();
    addEventListener('hashchange', fromLink);
    return () => removeEventListener('hashchange', fromLink);
    // `data` never changes for an island.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs once, after hydration
  }, []);

  // Offer the reader's newest working key once the wallet is read, unless they already chose;
  // and never keep pointing at a key the wallet no longer has.
  useEffect(() => {
    const next = reconcileSelection(selection, walletKeys, chosenByReader.current);
    if (next) setSelection(next);
  }, [walletKeys, selection]);

  const update = (patch: Partial<RequestDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setFieldError(null);
  };

  const chooseEndpoint = (endpointId: string) => {
    const next = find(endpointId);
    if (next) setDraft((d) => defaultDraft(next, d.scheme));
    setFieldError(null);
  };

  const keyPrefixes = data.environments.map((env) => env.keyPrefix);
  const record = (entry: Omit<HistoryEntry, 'at'>) =>
    setHistory((h) => addToHistory(data.product.id, h, { ...entry, at: Date.now() }, keyPrefixes));

  async function send(options: { anyway?: boolean; draft?: RequestDraft; selection?: KeySelection } = {}) {
    if (sending) return;
    setKeyProblem(null);
    setFieldError(null);
    setNote(null);
    // Whatever shows next belongs to this attempt, even if it is refused before sending.
    setOutcome(null);
    try {
      const outcome = await sendAttempt(
        { draft: options.draft ?? draft, selection: options.selection ?? selection, pasted, anyway: options.anyway ?? false },
        {
          endpoints: data.endpoints,
          schemes: data.schemes,
          errors: data.errors,
          startSandbox: () => startSandboxFor(wallet, data),
          wallet,
          send: sendRequest,
          record,
          onSending: () => {
            setSending(true);
            setAnnouncement('Sending…');
          },
          onKeyResolved: setSelection,
        },
      );
      if (outcome.kind === 'field') {
        if (outcome.message && outcome.field !== 'body') setFieldError({ field: outcome.field, message: outcome.message });
        if (outcome.announcement) setAnnouncement(outcome.announcement);
        refs[outcome.field].current?.focus();
      } else if (outcome.kind === 'key-problem') {
        setKeyProblem({ message: outcome.message, canSendAnyway: outcome.canSendAnyway });
      } else {
        setOutcome({ result: outcome.result, receivedAt: performance.now() });
        setAnnouncement(outcome.announcement);
      }
    } finally {
      setSending(false);
    }
  }

  const rerun = (entry: HistoryEntry) => {
    chosenByReader.current = true;
    const plan = planRerun(entry, { schemes: data.schemes, walletKeys: wallet.keys(), pasted });
    setDraft(plan.draft);
    setSelection(plan.selection);
    if (plan.send) return void send({ draft: plan.draft, selection: plan.selection });
    setNote(plan.note);
    if (plan.focusKey) refs.key.current?.focus();
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void send();
  };

  /** Where the chosen scheme puts the key, for the code panel; `null` when no key is sent. */
  const keyHeaderOf = (schemeId: string): KeyPlacement | null => {
    const scheme = data.schemes.find((s) => s.id === schemeId);
    if (!scheme) return null;
    return scheme.in === 'header'
      ? { in: 'header', scheme: scheme.id, header: scheme.header, prefix: scheme.prefix }
      : { in: 'query', scheme: scheme.id, param: scheme.param };
  };
  const snippet = snippetKey(draft, selection, pasted, walletEntry);
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
              {endpoint.scopes.length === 0 ? (
                'any valid key may call it.'
              ) : (
                <>
                  needs {endpoint.scopes.join(' and ')}
                  {alternative && ` (or ${alternative})`}.
                </>
              )}
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

        {endpoint.parents.map((name) => (
          <FormField key={name} id={`${id}-path-${name}`} label={`${name} (path parameter)`}>
            <input
              id={`${id}-path-${name}`}
              className="kp-input kp-mono"
              value={draft.parents[name] ?? ''}
              onChange={(event) => update({ parents: { ...draft.parents, [name]: event.target.value } })}
              spellCheck={false}
              autoComplete="off"
            />
          </FormField>
        ))}

        {endpoint.hasId && (
          <FormField
            id={`${id}-path-id`}
            label="id (path parameter)"
            error={fieldError?.field === 'id' && fieldError.message}
            errorId={`${id}-id-error`}
          >
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
            hint={field.description && codeSpans(field.description)}
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

        {/* One row each: key names are long, and a select cut short hides which key is chosen. */}
        <div className="kp-field-stack">
          <SelectField
            id={`${id}-scheme`}
            label="Send the key in"
            value={draft.scheme}
            options={[
              ...data.schemes.map((scheme) => ({ value: scheme.id, label: scheme.label })),
              { value: NO_SCHEME, label: 'Nothing: send no key at all' },
            ]}
            onChange={(scheme) => update({ scheme })}
          />
          <FormField
            id={`${id}-key`}
            label="API key"
            hint={
              draft.scheme === NO_SCHEME
                ? 'No key is sent, in no header and no query parameter.'
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
                <option value="none">No key ({emptyCarrier})</option>
              </optgroup>
            </select>
          </FormField>
        </div>

        {selection === 'pasted' && draft.scheme !== NO_SCHEME && (
          <FormField
            id={`${id}-pasted`}
            label="Your key"
            hint="Checked in your browser before anything is sent. Never saved, never put in links or history."
          >
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
      {outcome?.result.kind === 'response' && (
        <ResponseView result={outcome.result} receivedAt={outcome.receivedAt} errors={data.errors} level={sub} />
      )}

      <SnippetPanel
        request={
          bodyCheck.ok
            ? {
                endpoint,
                id: draft.id,
                parents: draft.parents,
                query: draft.query,
                body: bodyCheck.value,
                auth: keyHeaderOf(draft.scheme),
                environment: snippet.environment,
              }
            : { problem: 'Fix the body’s JSON to see the code.' }
        }
        secret={snippet.secret}
        envVar={data.product.envVar}
        targets={data.codeTargets}
        settings={data.snippets}
        level={sub}
      />
      <ShareLink draft={draft} keyPrefixes={keyPrefixes} />
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

/**
 * The try-it console's send pipeline, without React: check the request (path id, JSON body, a
 * pasted key offline), start the sandbox, resolve the wallet key (the owner key exists only once
 * the sandbox has started), send through the SDK, mark a refused wallet key, and record the
 * attempt in the history. Every collaborator is passed in, so each step can be tested with the
 * real sandbox and wallet; the island only turns the outcome into state and focus.
 */
import { parseApiKey } from '../../sdk/index.ts';
import { SandboxUnavailableError } from '../sandbox/sandbox-session.ts';
import { isUsable, type Wallet, type WalletKey, type WalletKeyStatus } from '../wallet/wallet.ts';
import { statusLine } from '../widgets/http-text.ts';
import type { EndpointInfo, ErrorInfo, SchemeInfo } from '../widgets/widget-data.ts';
import { checkJson } from './json-check.ts';
import { draftFromHash, NO_SCHEME, type HistoryEntry, type KeyChoice, type RequestDraft } from './request-draft.ts';
import { headerSafe, type SendInput, type SendResult } from './send-request.ts';

/** `wallet:<key id>`, the sandbox owner's key (known once the sandbox has started), a pasted key, or none. */
export type KeySelection = `wallet:${string}` | 'owner' | 'pasted' | 'none';

/** What the reader asked to send. */
export interface SendAttempt {
  draft: RequestDraft;
  selection: KeySelection;
  /** The pasted key as typed (used only with the `pasted` selection). */
  pasted: string;
  /** "Send anyway": a pasted key that looks wrong goes out, and the SDK's offline check is off. */
  anyway?: boolean;
}

export interface ConsoleSendDeps {
  endpoints: readonly EndpointInfo[];
  schemes: SchemeInfo[];
  errors: readonly Pick<ErrorInfo, 'id' | 'title'>[];
  /** Starts the sandbox (in the browser `startSandboxFor(wallet, api)`), which may add the owner key to the wallet. */
  startSandbox: () => Promise<unknown>;
  wallet: Pick<Wallet, 'keys' | 'update'>;
  /** Sends through the SDK (`sendRequest`). */
  send: (input: SendInput) => Promise<SendResult>;
  /** Keeps the attempt in the session's history (the key itself never). */
  record: (entry: Omit<HistoryEntry, 'at'>) => void;
  /** Told once the request passed the checks and is on its way. */
  onSending?: () => void;
  /** Told when the owner key is resolved to its wallet entry, so the key menu can show it. */
  onKeyResolved?: (selection: KeySelection) => void;
}

/** Where the pipeline stopped, and what the reader sees. */
export type SendOutcome =
  /** Refused before sending: a field to fix (focus it; `body` errors are shown under the field already). */
  | { kind: 'field'; field: 'id' | 'body' | 'key'; message: string | null; announcement: string | null }
  /** A pasted key that cannot or should not be sent; "send anyway" is offered when it can travel. */
  | { kind: 'key-problem'; message: string; canSendAnyway: boolean }
  /** The request went out (or the sandbox or SDK said why it could not). */
  | { kind: 'result'; result: SendResult; announcement: string };

const STATUS_FOR_REASON: Partial<Record<string, WalletKeyStatus>> = {
  revoked: 'revoked',
  expired: 'expired',
  invalid: 'missing',
  inactive: 'inactive',
};

export const UNSENDABLE_KEY =
  'This key contains characters that cannot travel in an HTTP header (control characters, or letters outside Latin-1), so it cannot be sent at all. Copy the key again from where you stored it.';

const NO_OWNER_KEY =
  'This browser’s wallet has no sandbox owner key. Create a key in the key manager (or reset the sandbox there), or paste a key.';
const KEY_GONE = 'That key is no longer in this browser’s wallet. Choose another key.';

/** The JSON body an endpoint sends, checked; endpoints without a body send none. */
export const bodyOf = (endpoint: EndpointInfo, text: string) =>
  endpoint.hasBody ? checkJson(text) : ({ ok: true, value: undefined } as const);

/** The wallet entry a selection means right now: the owner key (a working one first) or a wallet key. */
export function walletKeyFor(selection: KeySelection, keys: readonly WalletKey[]): WalletKey | undefined {
  if (selection === 'owner') return keys.find((k) => k.owner && isUsable(k)) ?? keys.find((k) => k.owner);
  return keys.find((k) => `wallet:${k.id}` === selection);
}

/** The console's request for an endpoint: its sample path values, example body and required query values. */
export const defaultDraft = (endpoint: EndpointInfo, scheme: string): RequestDraft => ({
  endpoint: endpoint.id,
  id: endpoint.sampleId,
  parents: { ...endpoint.sampleParents },
  query: Object.fromEntries(endpoint.query.filter((field) => field.required && field.example).map((field) => [field.name, field.example])),
  body: endpoint.exampleBody,
  scheme,
});

/**
 * The key menu's choice once the wallet changed: back to the owner key when the chosen key left
 * the wallet; the newest working key while the reader has not chosen. `null` keeps the choice.
 */
export function reconcileSelection(
  selection: KeySelection,
  walletKeys: readonly WalletKey[],
  chosenByReader: boolean,
): KeySelection | null {
  if (selection.startsWith('wallet:') && !walletKeys.some((k) => `wallet:${k.id}` === selection)) return 'owner';
  if (chosenByReader || selection !== 'owner') return null;
  const newest = walletKeys.find(isUsable);
  return newest ? `wallet:${newest.id}` : null;
}

/** The key the code snippets show (`null`: none) and the environment it belongs to (test unless it says live). */
export function snippetKey(
  draft: RequestDraft,
  selection: KeySelection,
  pasted: string,
  walletEntry: WalletKey | undefined,
): { secret: string | null; environment: 'live' | 'test' } {
  const chosen = selection === 'pasted' ? pasted : walletEntry?.secret;
  const environment = (chosen && parseApiKey(chosen).environment) || 'test';
  const secret =
    draft.scheme === NO_SCHEME || selection === 'none' ? null : selection === 'pasted' ? pasted || null : (walletEntry?.secret ?? null);
  return { secret, environment };
}

/** The outcome in one line, for the live region and the history: "401 Unauthorized in 3 ms (Revoked key)". */
export function describeResult(result: SendResult, errors: ConsoleSendDeps['errors']): string {
  if (result.kind === 'failure') return `Not sent: ${result.message}`;
  const error = result.error ? ` (${errors.find((e) => e.id === result.error!.code)?.title ?? result.error.code})` : '';
  return `${statusLine(result.status)} in ${result.ms} ms${error}`;
}

/** Runs one attempt through every step; resolves to where it stopped. Never throws for the reader's mistakes. */
export async function sendAttempt(attempt: SendAttempt, deps: ConsoleSendDeps): Promise<SendOutcome> {
  const { draft, selection, pasted, anyway = false } = attempt;
  const target = deps.endpoints.find((e) => e.id === draft.endpoint);
  if (!target)
    return {
      kind: 'result',
      result: { kind: 'failure', message: `This API has no endpoint ${draft.endpoint}.`, ms: null },
      announcement: '',
    };

  if (target.hasId && draft.id.trim() === '') {
    return {
      kind: 'field',
      field: 'id',
      message: `Enter the record’s id${target.sampleId ? `, e.g. ${target.sampleId}` : ''}.`,
      announcement: null,
    };
  }
  const body = bodyOf(target, draft.body);
  if (!body.ok) return { kind: 'field', field: 'body', message: null, announcement: null };

  const noKey = draft.scheme === NO_SCHEME || selection === 'none';
  let secret: string | null = null;
  if (!noKey && selection === 'pasted') {
    if (pasted === '') return { kind: 'field', field: 'key', message: 'Paste a key, or choose one from your wallet.', announcement: null };
    if (!headerSafe(pasted)) return { kind: 'key-problem', message: UNSENDABLE_KEY, canSendAnyway: false };
    const info = parseApiKey(pasted);
    if (!info.valid && !anyway)
      return { kind: 'key-problem', message: `This key looks wrong: ${info.detail}. Nothing was sent.`, canSendAnyway: true };
    secret = pasted;
  }

  deps.onSending?.();
  try {
    await deps.startSandbox();
  } catch (error) {
    const message = error instanceof SandboxUnavailableError ? error.message : 'The sandbox could not start.';
    return { kind: 'result', result: { kind: 'failure', message, ms: null }, announcement: message };
  }

  // Wallet keys are read now, not when the reader chose: starting the sandbox may just have added the owner key.
  let entry: WalletKey | undefined;
  if (!noKey && selection !== 'pasted') {
    entry = walletKeyFor(selection, deps.wallet.keys());
    if (!entry) {
      const message = selection === 'owner' ? NO_OWNER_KEY : KEY_GONE;
      return { kind: 'field', field: 'key', message, announcement: message };
    }
    if (selection === 'owner') deps.onKeyResolved?.(`wallet:${entry.id}`);
    secret = entry.secret;
  }

  const result = await deps.send({
    endpoint: target,
    id: draft.id,
    parents: draft.parents,
    query: draft.query,
    body: body.value,
    key: noKey ? null : secret,
    scheme: draft.scheme,
    schemes: deps.schemes,
    checkKeyFormat: !anyway,
  });
  // A refused wallet key is marked, so no widget offers it as working any more.
  const status = result.kind === 'response' && result.error?.reason ? STATUS_FOR_REASON[result.error.reason] : undefined;
  if (entry && status) deps.wallet.update(entry.id, { status });

  const said = describeResult(result, deps.errors);
  const key: KeyChoice =
    noKey || (selection !== 'pasted' && !entry)
      ? { source: 'none' }
      : selection === 'pasted'
        ? { source: 'pasted' }
        : { source: 'wallet', id: entry!.id, name: entry!.name };
  deps.record({
    draft,
    key,
    status: result.kind === 'response' ? result.status : null,
    outcome: said,
    ms: result.kind === 'response' ? result.ms : null,
  });
  return { kind: 'result', result, announcement: `Response: ${said}` };
}

/** What "Run again" on a history entry does: the draft to show, the key to select, and whether to send at once. */
export type RerunPlan =
  | { send: true; draft: RequestDraft; selection: KeySelection }
  | { send: false; draft: RequestDraft; selection: KeySelection; note: string; focusKey: boolean };

export function planRerun(
  entry: HistoryEntry,
  context: { schemes: readonly SchemeInfo[]; walletKeys: readonly WalletKey[]; pasted: string },
): RerunPlan {
  const draft = { ...entry.draft, scheme: context.schemes.some((s) => s.id === entry.draft.scheme) ? entry.draft.scheme : NO_SCHEME };
  if (entry.key.source === 'wallet') {
    const keyId = entry.key.id;
    if (!context.walletKeys.some((k) => k.id === keyId)) {
      return {
        send: false,
        draft,
        selection: 'owner',
        note: `The key “${entry.key.name}” is no longer in this browser’s wallet. Choose another key, then send.`,
        focusKey: false,
      };
    }
    return { send: true, draft, selection: `wallet:${keyId}` };
  }
  if (entry.key.source === 'pasted') {
    if (!context.pasted)
      return {
        send: false,
        draft,
        selection: 'pasted',
        note: 'Keys are never kept in the history: paste the key again, then send.',
        focusKey: true,
      };
    return { send: true, draft, selection: 'pasted' };
  }
  return { send: true, draft, selection: 'none' };
}

/** A shared link's request, checked against this API: the draft to fill in (never sent) and the note to show. */
export function draftFromLink(
  hash: string,
  api: { endpoints: readonly EndpointInfo[]; schemes: readonly SchemeInfo[] },
): { draft: RequestDraft | null; note: string | null } | null {
  const link = draftFromHash(hash);
  if (!link.found) return null;
  if (!link.draft)
    return { draft: null, note: 'The request in this link could not be read, so the console shows its usual example instead.' };
  const draft = link.draft;
  if (!api.endpoints.some((e) => e.id === draft.endpoint)) {
    return {
      draft: null,
      note: `The link names an endpoint this API does not have (“${draft.endpoint.slice(0, 60)}”), so the console shows its usual example instead.`,
    };
  }
  const scheme = draft.scheme === NO_SCHEME || api.schemes.some((s) => s.id === draft.scheme) ? draft.scheme : api.schemes[0]!.id;
  return {
    draft: { ...draft, scheme },
    // A reference section's own example needs no explanation; someone else's request does.
    note: link.example ? null : 'Filled in from a shared link. Nothing has been sent: check the request, choose your key, then send it.',
  };
}

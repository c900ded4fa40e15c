/**
 * The console's send pipeline against the real sandbox (msw/node), the real wallet (in memory)
 * and the real SDK request; only the start of the browser's service worker is stood in for.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../../../mocks/clock.ts';
import { startNodeSandbox, type NodeSandbox } from '../../../../mocks/node.ts';
import { model } from '../../../../src/api/index.ts';
import { createClient } from '../../../../src/sdk/index.ts';
import { SandboxUnavailableError } from '../../../../src/components/sandbox/sandbox-session.ts';
import {
  defaultDraft,
  draftFromLink,
  planRerun,
  reconcileSelection,
  sendAttempt,
  snippetKey,
  type ConsoleSendDeps,
  type KeySelection,
  type SendAttempt,
} from '../../../../src/components/try-it/console-send.ts';
import { shareLink, type HistoryEntry, type RequestDraft } from '../../../../src/components/try-it/request-draft.ts';
import { sendRequest } from '../../../../src/components/try-it/send-request.ts';
import { createWallet, type Wallet, type WalletKey } from '../../../../src/components/wallet/wallet.ts';
import { consoleData } from '../../../../src/components/widgets/widget-data.ts';

const data = consoleData(model);
const endpoint = (id: string) => data.endpoints.find((e) => e.id === id)!;
const draftFor = (id: string, patch: Partial<RequestDraft> = {}): RequestDraft => ({
  endpoint: id,
  id: endpoint(id).sampleId,
  parents: {},
  query: {},
  body: endpoint(id).exampleBody,
  scheme: data.schemes[0]!.id,
  ...patch,
});

let node: NodeSandbox;
let wallet: Wallet;
let history: Array<Omit<HistoryEntry, 'at'>>;
let started: number;
let resolved: KeySelection[];
let sending: number;

const walletKey = (key: Pick<WalletKey, 'id' | 'name' | 'secret'> & Partial<WalletKey>): WalletKey => ({
  environment: 'test',
  scopes: [data.fullAccessScope],
  createdAt: new Date(node.sandbox.time.now()).toISOString(),
  expiresAt: null,
  status: 'active',
  replacedBy: null,
  owner: false,
  ...key,
});

/** What `startSandboxFor` does for a fresh sandbox: the owner key goes into the wallet. */
async function startWithOwner() {
  started += 1;
  if (wallet.keys().some((k) => k.owner)) return;
  const secret = node.sandbox.ownerKey!;
  const me = await createClient({ apiKey: secret }).whoami.get();
  wallet.add(walletKey({ id: me.key_id, name: me.name, secret, owner: true }));
}

function deps(patch: Partial<ConsoleSendDeps> = {}): ConsoleSendDeps {
  return {
    endpoints: data.endpoints,
    schemes: data.schemes,
    errors: data.errors,
    startSandbox: startWithOwner,
    wallet,
    send: sendRequest,
    record: (entry) => history.push(entry),
    onSending: () => (sending += 1),
    onKeyResolved: (selection) => resolved.push(selection),
    ...patch,
  };
}

const attempt = (patch: Partial<SendAttempt> = {}): SendAttempt => ({
  draft: draftFor('whoami.get'),
  selection: 'owner',
  pasted: '',
  ...patch,
});

beforeEach(async () => {
  node = await startNodeSandbox({ clock: manualClock(Date.UTC(2026, 0, 15, 12)) });
  wallet = createWallet(data.product.id, { storage: null, events: null });
  history = [];
  started = 0;
  resolved = [];
  sending = 0;
});
afterEach(() => node.close());

describe('before anything is sent', () => {
  it('asks for the record’s id, naming one the sandbox knows, and starts nothing', async () => {
    const outcome = await sendAttempt(attempt({ draft: draftFor('contacts.get', { id: '  ' }) }), deps());
    expect(outcome).toEqual({ kind: 'field', field: 'id', message: 'Enter the record’s id, e.g. ct_seed_1.', announcement: null });
    expect([started, sending, history.length]).toEqual([0, 0, 0]);
  });

  it('points at the body when it is not JSON', async () => {
    const outcome = await sendAttempt(attempt({ draft: draftFor('contacts.create', { body: '{"name": ' }) }), deps());
    expect(outcome).toMatchObject({ kind: 'field', field: 'body' });
    expect(started).toBe(0);
  });

  it('asks for a key when “paste a key” is chosen and nothing was pasted', async () => {
    const outcome = await sendAttempt(attempt({ selection: 'pasted' }), deps());
    expect(outcome).toMatchObject({ kind: 'field', field: 'key', message: 'Paste a key, or choose one from your wallet.' });
  });

  it('refuses a pasted key that cannot travel in a header, with no way to send it anyway', async () => {
    const outcome = await sendAttempt(attempt({ selection: 'pasted', pasted: 'sk_test_ключ', anyway: true }), deps());
    expect(outcome).toMatchObject({ kind: 'key-problem', canSendAnyway: false });
    expect(outcome.kind === 'key-problem' && outcome.message).toMatch(/^This key contains characters that cannot travel in an HTTP header/);
    expect(started).toBe(0);
  });

  it('holds back a pasted key that looks wrong, saying why, and offers to send it anyway', async () => {
    const cut = node.sandbox.ownerKey!.slice(0, -3);
    const outcome = await sendAttempt(attempt({ selection: 'pasted', pasted: cut }), deps());
    expect(outcome).toMatchObject({ kind: 'key-problem', canSendAnyway: true });
    expect(outcome.kind === 'key-problem' && outcome.message).toMatch(/^This key looks wrong: .+\. Nothing was sent\.$/);
    expect(history).toEqual([]);
  });
});

describe('sending', () => {
  it('starts the sandbox, uses the owner key it made, and shows the answer', async () => {
    const outcome = await sendAttempt(attempt(), deps());
    const owner = wallet.keys().find((k) => k.owner)!;
    expect(outcome).toMatchObject({ kind: 'result', result: { kind: 'response', status: 200, body: { key_id: owner.id }, error: null } });
    expect(outcome.kind === 'result' && outcome.announcement).toMatch(/^Response: 200 OK in \d+ ms$/);
    expect(resolved).toEqual([`wallet:${owner.id}`]);
    expect(sending).toBe(1);
    expect(history).toEqual([
      {
        draft: draftFor('whoami.get'),
        key: { source: 'wallet', id: owner.id, name: owner.name },
        status: 200,
        outcome: expect.stringMatching(/^200 OK in/),
        ms: expect.any(Number),
      },
    ]);
  });

  it('marks a wallet key the API refuses as revoked, and names the error', async () => {
    await startWithOwner();
    const owner = createClient({ apiKey: node.sandbox.ownerKey! });
    const key = await owner.keys.create({ name: 'Old CI key', scopes: [data.fullAccessScope] });
    await owner.keys.revoke(key.id);
    wallet.add(walletKey({ id: key.id, name: key.name, secret: key.secret }));

    const outcome = await sendAttempt(attempt({ selection: `wallet:${key.id}` }), deps());
    expect(outcome).toMatchObject({ kind: 'result', result: { status: 401, error: { code: 'revoked_api_key', reason: 'revoked' } } });
    expect(outcome.kind === 'result' && outcome.announcement).toMatch(/^Response: 401 Unauthorized in \d+ ms \(Revoked API key\)$/);
    expect(wallet.keys().find((k) => k.id === key.id)?.status).toBe('revoked');
    expect(resolved).toEqual([]);
  });

  it('sends a wrong-looking pasted key anyway when asked, and keeps no key in the history', async () => {
    const typo = node.sandbox.ownerKey!.slice(0, -1) + (node.sandbox.ownerKey!.endsWith('a') ? 'b' : 'a');
    const outcome = await sendAttempt(attempt({ selection: 'pasted', pasted: typo, anyway: true }), deps());
    expect(outcome).toMatchObject({ kind: 'result', result: { kind: 'response', status: 401 } });
    expect(history).toHaveLength(1);
    expect(history[0]!.key).toEqual({ source: 'pasted' });
    expect(JSON.stringify(history)).not.toContain(typo);
  });

  it('sends no auth header at all when told to, and the API says the key is missing', async () => {
    const outcome = await sendAttempt(attempt({ draft: draftFor('whoami.get', { scheme: 'none' }) }), deps());
    expect(outcome).toMatchObject({ kind: 'result', result: { status: 401, error: { code: 'missing_api_key' } } });
    expect(history[0]!.key).toEqual({ source: 'none' });
  });

  it('says why when the sandbox cannot start, and records nothing', async () => {
    const why = 'The sandbox could not start: its service worker did not run.';
    const outcome = await sendAttempt(attempt(), deps({ startSandbox: () => Promise.reject(new SandboxUnavailableError(why)) }));
    expect(outcome).toEqual({ kind: 'result', result: { kind: 'failure', message: why, ms: null }, announcement: why });
    const other = await sendAttempt(attempt(), deps({ startSandbox: () => Promise.reject(new Error('boom')) }));
    expect(other).toMatchObject({ announcement: 'The sandbox could not start.' });
    expect(history).toEqual([]);
  });

  it('asks for another key when the wallet has no owner key, or lost the chosen one', async () => {
    const noOwner = await sendAttempt(attempt(), deps({ startSandbox: async () => undefined }));
    expect(noOwner).toMatchObject({
      kind: 'field',
      field: 'key',
      message: expect.stringMatching(/^This browser’s wallet has no sandbox owner key/),
    });
    const gone = await sendAttempt(attempt({ selection: 'wallet:key_gone' }), deps());
    expect(gone).toEqual({
      kind: 'field',
      field: 'key',
      message: 'That key is no longer in this browser’s wallet. Choose another key.',
      announcement: 'That key is no longer in this browser’s wallet. Choose another key.',
    });
    expect(history).toEqual([]);
  });
});

describe('running a request again from the history', () => {
  const entry = (key: HistoryEntry['key'], scheme = 'X-API-Key'): HistoryEntry => ({
    at: 1,
    draft: draftFor('contacts.get', { scheme }),
    key,
    status: 200,
    outcome: '200 OK',
    ms: 3,
  });
  const kept = () => walletKey({ id: 'key_1', name: 'CI', secret: 'sk', scopes: [], createdAt: '' });

  it('sends at once with a key the wallet still has, or with none', () => {
    expect(
      planRerun(entry({ source: 'wallet', id: 'key_1', name: 'CI' }), { schemes: data.schemes, walletKeys: [kept()], pasted: '' }),
    ).toEqual({
      send: true,
      draft: entry({ source: 'none' }).draft,
      selection: 'wallet:key_1',
    });
    expect(planRerun(entry({ source: 'none' }), { schemes: data.schemes, walletKeys: [], pasted: '' })).toMatchObject({
      send: true,
      selection: 'none',
    });
  });

  it('waits, and says why, when the key is gone or was pasted and is not there any more', () => {
    expect(
      planRerun(entry({ source: 'wallet', id: 'key_2', name: 'Old' }), { schemes: data.schemes, walletKeys: [kept()], pasted: '' }),
    ).toMatchObject({
      send: false,
      selection: 'owner',
      note: 'The key “Old” is no longer in this browser’s wallet. Choose another key, then send.',
    });
    expect(planRerun(entry({ source: 'pasted' }), { schemes: data.schemes, walletKeys: [], pasted: '' })).toMatchObject({
      send: false,
      selection: 'pasted',
      focusKey: true,
      note: 'Keys are never kept in the history: paste the key again, then send.',
    });
    expect(planRerun(entry({ source: 'pasted' }), { schemes: data.schemes, walletKeys: [], pasted: 'sk_x' })).toMatchObject({
      send: true,
      selection: 'pasted',
    });
  });

  it('sends no auth header when the recorded scheme is not one this API has', () => {
    expect(planRerun(entry({ source: 'none' }, 'X-Other'), { schemes: data.schemes, walletKeys: [], pasted: '' }).draft.scheme).toBe(
      'none',
    );
  });
});

describe('a shared link', () => {
  const hash = (draft: RequestDraft) => new URL(shareLink('https://docs.example.com/', draft)).hash;

  it('fills in its request, with this API’s first scheme when it names an unknown one', () => {
    expect(draftFromLink(hash(draftFor('contacts.get', { scheme: 'X-Unknown' })), data)).toEqual({
      draft: draftFor('contacts.get'),
      note: 'Filled in from a shared link. Nothing has been sent: check the request, choose your key, then send it.',
    });
  });

  it('says so when it cannot be read or names an endpoint this API lacks, and ignores other hashes', () => {
    expect(draftFromLink('#try-it=%7Bbroken', data)).toEqual({
      draft: null,
      note: 'The request in this link could not be read, so the console shows its usual example instead.',
    });
    expect(draftFromLink(hash(draftFor('whoami.get', { endpoint: 'teleport.now' })), data)?.note).toBe(
      'The link names an endpoint this API does not have (“teleport.now”), so the console shows its usual example instead.',
    );
    expect(draftFromLink('#revoked-api-key', data)).toBeNull();
  });
});

describe('the key menu and the snippets', () => {
  const key = (id: string, patch: Partial<WalletKey> = {}) =>
    walletKey({ id, name: id, secret: `sk_test_${id}`, scopes: [], createdAt: '', ...patch });

  it('offer the newest working key until the reader chooses, and never a key the wallet lost', () => {
    const keys = [key('key_revoked', { status: 'revoked' }), key('key_new'), key('key_old')];
    expect(reconcileSelection('owner', keys, false)).toBe('wallet:key_new');
    expect(reconcileSelection('owner', keys, true)).toBeNull();
    expect(reconcileSelection('owner', [], false)).toBeNull();
    expect(reconcileSelection('wallet:key_old', keys, false)).toBeNull();
    expect(reconcileSelection('wallet:key_gone', keys, true)).toBe('owner');
    expect(reconcileSelection('pasted', keys, false)).toBeNull();
  });

  it('show the chosen key in the snippets, none when no header is sent, and its environment', () => {
    const live = `${model.environments.find((e) => e.keyPrefix.includes('live'))!.keyPrefix}AbCdEfGhIjKlMnOpQrStUvWx`;
    const draft = defaultDraft(endpoint('contacts.get'), 'X-API-Key');
    expect(draft).toEqual({ endpoint: 'contacts.get', id: 'ct_seed_1', parents: {}, query: {}, body: '', scheme: 'X-API-Key' });
    expect(snippetKey(draft, 'wallet:key_1', '', key('key_1'))).toEqual({ secret: 'sk_test_key_1', environment: 'test' });
    expect(snippetKey(draft, 'pasted', '', undefined)).toEqual({ secret: null, environment: 'test' });
    expect(snippetKey({ ...draft, scheme: 'none' }, 'wallet:key_1', '', key('key_1')).secret).toBeNull();
    expect(snippetKey(draft, 'none', '', undefined).secret).toBeNull();
    expect(snippetKey(draft, 'pasted', live, undefined)).toEqual({ secret: live, environment: 'live' });
  });
});

/**
 * What the labs share to reach the sandbox: start it on first need, manage keys with the wallet's
 * owner key (the key manager's `withManagementKey`), make and clean up throwaway keys, change a
 * sandbox setting only for the length of an action, and say what went wrong in words.
 */
import {
  isApiError,
  isConnectionError,
  isRateLimitError,
  type ApiKeyCreateParams,
  type CreatedApiKey,
  type KeyportClient,
} from '../../sdk/index.ts';
import { NoManagementKeyError, withManagementKey } from '../key-manager/management.ts';
import { SandboxUnavailableError, startSandboxFor, type Sandbox } from '../sandbox/sandbox-session.ts';
import { managementKeys, type Wallet } from '../wallet/wallet.ts';
import { plainMessage } from '../widgets/format.ts';
import { sleep } from '../widgets/sleep.ts';
import type { LabApi } from '../widgets/widget-data.ts';

export type { Sandbox };

/** Why a lab cannot go on: no key may manage keys, no sandbox in this browser, or something else. */
export type LabProblem = { kind: 'no-key' | 'unavailable' | 'error'; message: string };

export function describeProblem(error: unknown): LabProblem {
  if (error instanceof NoManagementKeyError) return { kind: 'no-key', message: error.message };
  if (error instanceof SandboxUnavailableError) return { kind: 'unavailable', message: error.message };
  if (isRateLimitError(error)) {
    return { kind: 'error', message: `The sandbox owner key reached its rate limit; try again in ${error.retryAfter ?? 'a few'} seconds.` };
  }
  if (isApiError(error)) return { kind: 'error', message: plainMessage(error.message) };
  if (isConnectionError(error)) return { kind: 'error', message: 'The sandbox did not answer. Reload the page to restart it.' };
  return { kind: 'error', message: error instanceof Error ? error.message : 'Something went wrong.' };
}

/**
 * Runs a management call and, when the owner key hits its rate limit, waits out `Retry-After`
 * (up to a minute) and tries again, saying so through `onWait`.
 */
export async function patiently<T>(run: () => Promise<T>, onWait?: (seconds: number) => void): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (!isRateLimitError(error) || attempt >= 2 || (error.retryAfter ?? 61) > 60) throw error;
      const seconds = error.retryAfter ?? 1;
      onWait?.(seconds);
      await sleep(seconds * 1000);
    }
  }
}

export interface LabSession {
  wallet: Wallet;
  api: LabApi;
  sandbox: Sandbox;
  /** Told when a management call waits for the owner key's rate limit. */
  onWait?: ((seconds: number) => void) | undefined;
}

export async function openSession(wallet: Wallet, api: LabApi, onWait?: (seconds: number) => void): Promise<LabSession> {
  const sandbox = await startSandboxFor(wallet, api);
  return { wallet, api, sandbox, onWait };
}

/** A management call with the wallet's owner key (or another key that may manage keys). */
export function manage<T>(session: LabSession, call: (client: KeyportClient) => Promise<T>): Promise<T> {
  return patiently(() => withManagementKey(session.wallet, session.api, (client) => call(client)), session.onWait);
}

/** The plaintext of a working key that may manage keys (the owner key first): for requests made as the account. */
export function ownerSecret(session: Pick<LabSession, 'wallet' | 'api'>): string {
  const key = managementKeys(session.wallet.keys(), session.api.managementScopes, session.api.fullAccessScope)[0];
  if (!key) {
    throw new NoManagementKeyError(
      'This browser’s wallet has no working key that may manage keys (the sandbox owner key, or another full-access key you created), so the lab cannot set anything up.',
    );
  }
  return key.secret;
}

/**
 * Creates a key for one demonstration, never kept in the wallet: narrow scopes unless told
 * otherwise (none where keys act with the account's role).
 */
export function createThrowaway(session: LabSession, body: ApiKeyCreateParams): Promise<CreatedApiKey> {
  const scopes = session.api.keyScopes && body.scopes === undefined && body.template === undefined ? { scopes: session.api.keyScopes } : {};
  return manage(session, (client) => client.keys.create({ ...scopes, ...body }));
}

/** Revokes a lab's key when it is done with it; a failure here must not hide the lab's result. */
export async function revokeQuietly(session: LabSession, id: string | null | undefined): Promise<void> {
  if (!id) return;
  try {
    await manage(session, (client) => client.keys.revoke(id));
  } catch {
    // The key stays listed in the key manager, where the reader can revoke it.
  }
}

type Settings = ReturnType<Sandbox['settings']['get']>;

/** Changes sandbox settings for the length of `run`, then puts back the values it changed. */
export async function withSettings<T>(sandbox: Sandbox, patch: Partial<Settings>, run: () => Promise<T>): Promise<T> {
  const before = sandbox.settings.get();
  const restore = Object.fromEntries(Object.keys(patch).map((name) => [name, before[name as keyof Settings]])) as Partial<Settings>;
  sandbox.settings.update(patch);
  try {
    return await run();
  } finally {
    sandbox.settings.update(restore);
    sandbox.flush();
  }
}

/** Header names that carry keys in this API, e.g. `X-API-Key`, `Authorization`. */
export const keyHeaderNames = (api: Pick<LabApi, 'schemes'>): string[] => api.schemes.flatMap((s) => (s.in === 'header' ? [s.header] : []));

/** Query parameters that carry keys in this API, e.g. `api_key`. */
export const keyParamNames = (api: Pick<LabApi, 'schemes'>): string[] => api.schemes.flatMap((s) => (s.in === 'query' ? [s.param] : []));

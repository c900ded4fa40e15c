/**
 * Key management calls (`client.keys.*`) need a key allowed to manage keys. The wallet's keys are
 * tried in turn — the sandbox owner's first — and a key the sandbox refuses is marked in the
 * wallet (revoked, expired, unknown) so no widget offers it as working again. A key created here
 * goes into the wallet at once, the only moment its plaintext exists.
 */
import {
  isAuthenticationError,
  isPermissionError,
  type ApiKeyCreateParams,
  type CreatedApiKey,
  type KeyportClient,
} from '../../sdk/index.ts';
import { sandboxClient, startSandboxFor, type Sandbox } from '../sandbox/sandbox-session.ts';
import { managementKeys, type Wallet, type WalletKeyStatus } from '../wallet/wallet.ts';
import type { ApiInfo } from '../widgets/widget-data.ts';

/** The wallet holds no key that may manage keys: the reader needs to reset the sandbox. */
export class NoManagementKeyError extends Error {
  override name = 'NoManagementKeyError';
}

const STATUS_FOR_REASON: Partial<Record<string, WalletKeyStatus>> = {
  revoked: 'revoked',
  expired: 'expired',
  inactive: 'inactive',
  invalid: 'missing',
};

export async function withManagementKey<T>(
  wallet: Wallet,
  api: ApiInfo,
  call: (client: KeyportClient, sandbox: Sandbox) => Promise<T>,
): Promise<T> {
  const sandbox = await startSandboxFor(wallet, api);
  const refused = new Set<string>();
  for (;;) {
    const key = managementKeys(wallet.keys(), api.managementScopes, api.fullAccessScope).find((k) => !refused.has(k.id));
    if (!key) {
      throw new NoManagementKeyError(
        'This browser’s wallet has no working key that may manage keys (the sandbox owner key, or another full-access key you created), so the key manager cannot reach the sandbox’s keys.',
      );
    }
    try {
      return await call(sandboxClient({ apiKey: key.secret }), sandbox);
    } catch (error) {
      const status = isAuthenticationError(error) ? STATUS_FOR_REASON[error.reason] : undefined;
      if (status) wallet.update(key.id, { status });
      // A refused key (or one locked to other IP addresses) cannot manage keys: try the next one.
      if (status || isPermissionError(error)) {
        refused.add(key.id);
        continue;
      }
      throw error;
    }
  }
}

/** Creates a sandbox key with a key that may manage keys, and keeps its plaintext in the wallet. */
export async function createKeyInWallet(wallet: Wallet, api: ApiInfo, body: ApiKeyCreateParams): Promise<CreatedApiKey> {
  const created = await withManagementKey(wallet, api, (client) => client.keys.create(body));
  wallet.add({
    id: created.id,
    name: created.name,
    secret: created.secret,
    environment: created.environment,
    scopes: created.scopes,
    createdAt: created.created_at,
    expiresAt: created.expires_at,
    status: created.status,
    replacedBy: null,
    owner: false,
  });
  return created;
}

/** How wallet keys are shown: masked, with a word for their status. */
import { maskApiKey } from '../../sdk/index.ts';
import type { WalletKey, WalletKeyStatus } from './wallet.ts';

export const STATUS_LABEL: Record<WalletKeyStatus, string> = {
  active: 'active',
  inactive: 'disabled',
  revoked: 'revoked',
  expired: 'expired',
  missing: 'not in the sandbox any more',
};

export const maskSecret = (secret: string): string => maskApiKey(secret);

/** "Production backend · sk_test_4fQz…x81K · test (revoked)" */
export function describeWalletKey(key: WalletKey): string {
  const status = key.status === 'active' ? '' : ` (${STATUS_LABEL[key.status]})`;
  return `${key.name} · ${maskSecret(key.secret)} · ${key.environment}${status}`;
}

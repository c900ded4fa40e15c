/**
 * The wallet in React: the keys, re-rendering on every change (this page or another tab).
 * The server and the first client render see an empty wallet, so hydration matches the
 * server's markup; the stored keys appear right after.
 */
import { useSyncExternalStore } from 'react';
import { getWallet, type Wallet, type WalletKey } from './wallet.ts';

const NO_KEYS: readonly WalletKey[] = [];

export function useWallet(productId: string): { wallet: Wallet; keys: readonly WalletKey[] } {
  const wallet = getWallet(productId);
  const keys = useSyncExternalStore(wallet.subscribe, wallet.keys, () => NO_KEYS);
  return { wallet, keys };
}

/**
 * False on the server and during hydration, true afterwards: for output that depends on the
 * browser (storage availability, the current URL), so hydration matches the server's markup.
 */
import { useSyncExternalStore } from 'react';

const nothing = () => () => {};

export const useHydrated = (): boolean =>
  useSyncExternalStore(
    nothing,
    () => true,
    () => false,
  );

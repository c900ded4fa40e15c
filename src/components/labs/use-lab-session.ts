/**
 * A lab's way to the sandbox in React: opens the session on the first action (never at load),
 * keeps what stopped the lab (no key that may manage keys, no service worker, an error), and
 * resets the sandbox when the reader asks to start over.
 */
import { useCallback, useRef, useState } from 'react';
import { resetSandbox } from '../sandbox/sandbox-session.ts';
import { useWallet } from '../wallet/use-wallet.ts';
import type { LabApi } from '../widgets/widget-data.ts';
import { describeProblem, openSession, type LabProblem, type LabSession } from './lab-session.ts';

export function useLabSession(api: LabApi) {
  const { wallet, keys } = useWallet(api.product.id);
  const [problem, setProblem] = useState<LabProblem | null>(null);
  /** Seconds a management call is waiting for the owner key's rate limit, or `null`. */
  const [waiting, setWaiting] = useState<number | null>(null);
  const session = useRef<LabSession | null>(null);

  const open = useCallback(async (): Promise<LabSession> => {
    setProblem(null);
    session.current ??= await openSession(wallet, api, (seconds) => setWaiting(seconds));
    return session.current;
  }, [wallet, api]);

  const fail = useCallback((error: unknown) => setProblem(describeProblem(error)), []);

  const reset = useCallback(async () => {
    try {
      await resetSandbox(wallet, api);
      setProblem(null);
    } catch (error) {
      setProblem(describeProblem(error));
    }
  }, [wallet, api]);

  return { wallet, keys, open, problem, fail, reset, waiting, clearWaiting: () => setWaiting(null) };
}

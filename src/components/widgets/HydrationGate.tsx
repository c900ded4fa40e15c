/**
 * Until an island has hydrated, its server-rendered controls look usable but have no handlers: a
 * click does nothing or submits a form natively, and typed text is wiped when React takes over.
 * The gate makes that markup inert (no focus, no clicks, no typing) and says, visibly and to
 * assistive technology, that the widget is loading; the first render after hydration lifts it.
 * The status line sits outside the inert part, which assistive technology does not see.
 *
 * @example
 * export default withHydrationGate(KeyManager, 'Loading the key manager…');
 */
import type { ComponentType } from 'react';
import { useHydrated } from './use-hydrated.ts';

export function withHydrationGate<P extends object>(Island: ComponentType<P>, loadingLabel: string): ComponentType<P> {
  function Gated(props: P) {
    const hydrated = useHydrated();
    return (
      <div className="kp-gate" aria-busy={!hydrated}>
        {!hydrated && (
          <p className="kp-gate__status" role="status">
            {loadingLabel}
          </p>
        )}
        <div inert={!hydrated}>
          <Island {...props} />
        </div>
      </div>
    );
  }
  Gated.displayName = `HydrationGate(${Island.displayName ?? Island.name})`;
  return Gated;
}

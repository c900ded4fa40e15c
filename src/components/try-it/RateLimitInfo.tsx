/**
 * The rate-limit headers in words, with a countdown to the window's reset that ticks live
 * (as a timer, which screen readers do not announce every second).
 */
import { useEffect, useState } from 'react';
import { RATE_LIMIT_HEADERS } from '../../api/runtime/headers.ts';
import { clock } from '../widgets/format.ts';
import { headerValue as get } from '../widgets/http-text.ts';

interface Props {
  headers: Array<[string, string]>;
  /** `performance.now()` when the response arrived: the reset counts from then. */
  receivedAt: number;
}

const num = (value: string | null) => (value !== null && /^\d+$/.test(value.trim()) ? Number(value) : null);

/** `"default";q=60;w=60` → `{ q: 60, w: 60 }`. */
function policy(value: string | null): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [, key, n] of (value ?? '').matchAll(/;\s*(\w+)=(\d+)/g)) out[key!] = Number(n);
  return out;
}

export default function RateLimitInfo({ headers, receivedAt }: Props) {
  const limit = num(get(headers, RATE_LIMIT_HEADERS.limit));
  const remaining = num(get(headers, RATE_LIMIT_HEADERS.remaining));
  const reset = num(get(headers, RATE_LIMIT_HEADERS.reset));
  const retryAfter = num(get(headers, RATE_LIMIT_HEADERS.retryAfter));
  const windowSeconds = policy(get(headers, RATE_LIMIT_HEADERS.ietfPolicy))['w'] ?? null;
  const [left, setLeft] = useState(reset);

  useEffect(() => {
    if (reset === null) return;
    const update = () => setLeft(Math.max(0, reset - (performance.now() - receivedAt) / 1000));
    update();
    const timer = setInterval(update, 1000);
    return () => clearInterval(timer);
  }, [reset, receivedAt]);

  if (limit === null && retryAfter === null) return null;
  return (
    <div className="kp-rate">
      <p>
        {limit !== null && (
          <>
            This key may send <strong>{limit} requests</strong>
            {windowSeconds ? ` every ${windowSeconds} seconds` : ' per window'}
            {remaining !== null && (
              <>
                ; <strong>{remaining}</strong> {remaining === 1 ? 'is' : 'are'} left in this window
              </>
            )}
            .{' '}
          </>
        )}
        {retryAfter !== null && (
          <>
            It used them all: wait <strong>{retryAfter} seconds</strong> before retrying (<code>Retry-After</code>).{' '}
          </>
        )}
      </p>
      {left !== null && (
        <p>
          The window resets in{' '}
          <span role="timer" className="kp-mono">
            {left > 0 ? clock(left) : 'now'}
          </span>
          {left === 0 && ': the full limit is available again'}.
        </p>
      )}
    </div>
  );
}

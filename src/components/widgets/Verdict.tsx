/**
 * A pass or fail in a table cell or a line: a coloured mark that screen readers skip (the words
 * say it), then the words.
 */
import type { ReactNode } from 'react';

export default function Verdict({ ok, children }: { ok: boolean; children: ReactNode }) {
  return (
    <span className={`kp-lab-verdict kp-lab-verdict--${ok ? 'ok' : 'bad'}`}>
      <span aria-hidden="true">{ok ? '✓ ' : '✗ '}</span>
      {children}
    </span>
  );
}

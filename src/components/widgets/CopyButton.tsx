/**
 * Copies text and says so: the button reads "Copied" for a moment and a polite live region
 * announces it. Falls back to a selection copy where the Clipboard API is refused.
 */
import { useEffect, useRef, useState } from 'react';

interface Props {
  /** The text, read when clicked (so a secret is not held in a closure longer than needed). */
  text: () => string;
  /** Visible label, e.g. "Copy key". */
  label: string;
  onCopied?: () => void;
  className?: string;
}

/** Copies text to the clipboard; false when the browser refused. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Permissions or an insecure context: copy through a temporary selection instead.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    let ok: boolean;
    try {
      ok = document.execCommand('copy');
    } catch {
      ok = false;
    }
    area.remove();
    return ok;
  }
}

export default function CopyButton({ text, label, onCopied, className }: Props) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const onClick = async () => {
    const ok = await copyText(text());
    setState(ok ? 'copied' : 'failed');
    if (ok) onCopied?.();
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setState('idle'), 2500);
  };

  return (
    <>
      <button type="button" className={`kp-button ${className ?? ''}`} onClick={onClick}>
        {state === 'copied' ? 'Copied' : label}
      </button>
      <span className="kp-sr-only" aria-live="polite">
        {state === 'copied'
          ? 'Copied to the clipboard.'
          : state === 'failed'
            ? 'Copying failed: select the text and copy it with the keyboard.'
            : ''}
      </span>
      {state === 'failed' && <span className="kp-hint">Copying failed: select the text and press Ctrl+C (⌘C).</span>}
    </>
  );
}

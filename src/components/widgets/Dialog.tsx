/**
 * A modal dialog on the native <dialog>: `showModal()` makes the rest of the page inert (focus
 * stays inside), Escape asks the owner to close it (`onCancel`), and focus returns to where it
 * was when the dialog opened.
 */
import { useEffect, useId, useRef, type ReactNode, type RefObject } from 'react';

interface Props {
  open: boolean;
  title: string;
  children: ReactNode;
  /** Escape or a close request: the owner decides (it may ask for confirmation first). */
  onCancel: () => void;
  /**
   * The browser closed the dialog without asking (Chrome lets a second Escape close a dialog
   * whose `cancel` was refused). @default onCancel
   */
  onForceClose?: (() => void) | undefined;
  /** Focused on open. @default the first focusable element (the browser's choice) */
  initialFocus?: RefObject<HTMLElement | null> | undefined;
  /** Focused on close when the element that opened the dialog is gone. */
  fallbackFocus?: RefObject<HTMLElement | null> | undefined;
  role?: 'dialog' | 'alertdialog' | undefined;
  className?: string | undefined;
}

export default function Dialog({ open, title, children, onCancel, onForceClose, initialFocus, fallbackFocus, role, className }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  const titleId = useId();
  const handlers = useRef({ onCancel, onForceClose, open, fallbackFocus });
  handlers.current = { onCancel, onForceClose, open, fallbackFocus };

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const cancel = (event: Event) => {
      event.preventDefault();
      handlers.current.onCancel();
    };
    const close = () => {
      if (handlers.current.open) (handlers.current.onForceClose ?? handlers.current.onCancel)();
    };
    dialog.addEventListener('cancel', cancel);
    dialog.addEventListener('close', close);
    return () => {
      dialog.removeEventListener('cancel', cancel);
      dialog.removeEventListener('close', close);
    };
  }, []);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      initialFocus?.current?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
    if (!open && returnTo.current) {
      const target = returnTo.current.isConnected ? returnTo.current : fallbackFocus?.current;
      returnTo.current = null;
      target?.focus();
    }
  }, [open, initialFocus, fallbackFocus]);

  // Unmounting while open (the owner stops rendering it): put focus back too.
  useEffect(
    () => () => {
      const target = returnTo.current;
      if (!target) return;
      // After the owner's update settles, the element may have been replaced (a re-keyed panel).
      queueMicrotask(() => (target.isConnected ? target : handlers.current.fallbackFocus?.current)?.focus());
    },
    [],
  );

  return (
    <dialog ref={ref} className={`kp-dialog ${className ?? ''}`} aria-labelledby={titleId} role={role}>
      {open && (
        <>
          <h2 id={titleId} className="kp-dialog__title">
            {title}
          </h2>
          {children}
        </>
      )}
    </dialog>
  );
}

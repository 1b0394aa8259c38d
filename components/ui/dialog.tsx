'use client';

import { useEffect, useId, useRef, type ReactNode } from 'react';

/** The field a dialog starts on: one marked `data-autofocus`, else its first text field. */
const FIRST_FIELD =
  '[data-autofocus], textarea, input:not([type=hidden]):not([type=radio]):not([type=checkbox]):not([type=button]):not([type=submit]), select';

/**
 * A modal dialog on the native <dialog> element: focus moves in and is trapped by the browser,
 * Escape closes it, and focus returns to where it was.
 *
 * Focus starts on the dialog's first text field (or the control marked `data-autofocus`), not on
 * Close: React's `autoFocus` runs before `showModal()`, which then moves focus to the first
 * focusable control, so typing a passage pressed Close at the first space and the rest of the
 * letters ran the editor's shortcuts on the selected claim.
 */
export function Dialog({
  open,
  onClose,
  title,
  children,
  wide = false,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
  /** true: room for a form or a list; 'xl': two columns side by side (History). */
  wide?: boolean | 'xl';
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      const opener = document.activeElement as HTMLElement | null;
      dialog.showModal();
      dialog.querySelector<HTMLElement>(FIRST_FIELD)?.focus();
      return () => {
        if (dialog.open) dialog.close();
        opener?.focus?.();
      };
    }
  }, [open]);

  if (!open) return null;
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClick={(e) => {
        if (e.target === ref.current) onClose();
      }}
      className={`m-auto w-[calc(100%-2rem)] rounded-lg border border-stone-200 bg-white p-0 text-stone-900 shadow-xl backdrop:bg-stone-900/40 ${wide === 'xl' ? 'max-w-5xl' : wide ? 'max-w-2xl' : 'max-w-md'}`}
    >
      <div className="p-5">
        <div className="mb-3 flex items-start justify-between gap-4">
          <h2 id={titleId} className="text-lg font-semibold">
            {title}
          </h2>
          <button
            type="button"
            onClick={onClose}
            className="-mr-1 -mt-1 rounded p-1 text-stone-500 hover:bg-stone-100 hover:text-stone-800"
            aria-label="Close"
          >
            <span aria-hidden="true">✕</span>
          </button>
        </div>
        {children}
      </div>
    </dialog>
  );
}

import type { ReactNode } from 'react';
import { Button } from './button';

/** A text field of a form that stands alone (sign-in, passwords): full width, in body text. */
export const cardInputClass =
  'mt-1 block w-full rounded-md border border-stone-400 bg-white px-3 py-2 text-base text-stone-900 shadow-sm aria-[invalid=true]:border-con-600';

/** What went wrong with a form as a whole (not one field), announced; nothing when all is well. */
export function FormAlert({ children }: { children: ReactNode }) {
  if (!children) return null;
  return (
    <p
      role="alert"
      className="rounded-md border border-con-600 bg-con-50 px-3 py-2 text-sm text-con-800"
    >
      {children}
    </p>
  );
}

/** The one button of a form that stands alone, saying so while the action runs. */
export function SubmitButton({
  pending,
  pendingLabel = 'Please wait…',
  wide = false,
  children,
}: {
  pending: boolean;
  pendingLabel?: string;
  /** As wide as the form (the sign-in and password cards). */
  wide?: boolean;
  children: ReactNode;
}) {
  return (
    <Button
      type="submit"
      disabled={pending}
      variant="primary"
      size="lg"
      text="inherit"
      className={wide ? 'w-full' : ''}
    >
      {pending ? pendingLabel : children}
    </Button>
  );
}

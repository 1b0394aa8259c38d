'use client';

import { useActionState } from 'react';
import { FormAlert } from '@/components/ui/form-parts';
import { signOutEverywhereAction, type SignOutEverywhereState } from '@/lib/actions/account';

/** Ends every session of the account (on success the action goes on to the sign-in page). */
export function SignOutEverywhereForm() {
  const [state, action, pending] = useActionState<SignOutEverywhereState, FormData>(
    signOutEverywhereAction,
    null,
  );
  return (
    <form action={action} className="space-y-3">
      <div aria-live="polite">
        <FormAlert>{state && !state.ok && state.message}</FormAlert>
      </div>
      <button
        disabled={pending}
        className="rounded-md border border-con-600 px-4 py-2 font-semibold text-con-800 hover:bg-con-50 disabled:opacity-60"
      >
        {pending ? 'Please wait…' : 'Sign out everywhere'}
      </button>
    </form>
  );
}

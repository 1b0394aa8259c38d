'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { ActionForm } from '@/components/ui/action-form';
import { FieldError } from '@/components/ui/field-error';
import { forgotPasswordAction, type ResetFormState } from '@/lib/actions/auth';
import { cardInputClass, SubmitButton } from '@/components/ui/form-parts';

/** Asks for a link to choose a new password. */
export function ForgotPasswordForm() {
  const [state, action, pending] = useActionState<ResetFormState, FormData>(
    forgotPasswordAction,
    null,
  );
  if (state?.ok) {
    // The same words for every address: whether it has an account is not told here.
    return (
      <div role="status" className="space-y-3 text-stone-800">
        {state.mailed ? (
          <>
            <p>
              If <strong className="break-all">{state.email}</strong> belongs to an account, we have
              emailed it a link to choose a new password. It works once, for one hour.
            </p>
            <p className="text-sm text-stone-600">
              Nothing after a few minutes? Look in your spam folder, check the address, or ask
              again. Students who sign in with a username: your teacher can give you a new password.
            </p>
          </>
        ) : (
          <>
            <p>
              This server does not send email, so no message will arrive. If{' '}
              <strong className="break-all">{state.email}</strong> belongs to an account, a link to
              choose a new password was made for it: ask whoever runs this server for it, or ask the
              admin to make you one.
            </p>
            <p className="text-sm text-stone-600">
              Students who sign in with a username: your teacher can give you a new password.
            </p>
          </>
        )}
        <Link href="/sign-in" className="inline-block font-medium underline">
          Back to sign in
        </Link>
      </div>
    );
  }
  const error = state && !state.ok ? state.message : null;
  return (
    <ActionForm action={action} className="space-y-4" noValidate>
      <p className="text-sm text-stone-700">
        Enter the email address of your account and we will send you a link to choose a new
        password.
      </p>
      <div>
        <label htmlFor="email" className="block text-sm font-medium text-stone-800">
          Email
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={state?.email}
          aria-invalid={error ? true : undefined}
          aria-describedby="email-error"
          className={cardInputClass}
        />
        <FieldError id="email-error" messages={error} />
      </div>
      <SubmitButton pending={pending} wide>
        Send me a link
      </SubmitButton>
      <p className="text-center text-sm text-stone-700">
        <Link href="/sign-in" className="font-medium underline">
          Back to sign in
        </Link>
      </p>
    </ActionForm>
  );
}

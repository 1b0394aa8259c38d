'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { ActionForm } from '@/components/ui/action-form';
import { FieldError } from '@/components/ui/field-error';
import { resetPasswordAction, type ResetFormState } from '@/lib/actions/auth';
import { PASSWORD_MIN } from '@/lib/schemas/auth';
import { Button } from '@/components/ui/button';

const inputClass =
  'mt-1 block w-full rounded-md border border-stone-400 bg-white px-3 py-2 text-base text-stone-900 shadow-sm aria-[invalid=true]:border-con-600';

/** Chooses a new password with the token of a reset link. */
export function ResetPasswordForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState<ResetFormState, FormData>(
    resetPasswordAction,
    null,
  );
  const errors = (state && !state.ok && state.fieldErrors) || {};
  const formError = state && !state.ok ? (errors.token?.[0] ?? null) : null;
  const field = (name: string, describedBy = '') => ({
    id: name,
    name,
    type: 'password',
    autoComplete: 'new-password',
    required: true,
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': `${name}-error ${describedBy}`.trim(),
    className: inputClass,
  });
  return (
    <ActionForm action={action} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <div>
        <label htmlFor="password" className="block text-sm font-medium text-stone-800">
          New password
        </label>
        <input {...field('password', 'password-hint')} minLength={PASSWORD_MIN} />
        <p id="password-hint" className="mt-1 text-sm text-stone-600">
          At least {PASSWORD_MIN} characters.
        </p>
        <FieldError id="password-error" messages={errors.password} />
      </div>
      <div>
        <label htmlFor="confirm" className="block text-sm font-medium text-stone-800">
          The same password again
        </label>
        <input {...field('confirm')} />
        <FieldError id="confirm-error" messages={errors.confirm} />
      </div>
      <div aria-live="assertive">
        {formError && (
          <p
            role="alert"
            className="rounded-md border border-con-600 bg-con-50 px-3 py-2 text-sm text-con-800"
          >
            {formError}{' '}
            <Link href="/forgot-password" className="font-medium underline">
              Ask for a new link
            </Link>
          </p>
        )}
      </div>
      <Button
        disabled={pending}
        type="submit"
        variant="primary"
        size="lg"
        text="inherit"
        className="w-full"
      >
        {pending ? 'Please wait…' : 'Set new password'}
      </Button>
    </ActionForm>
  );
}

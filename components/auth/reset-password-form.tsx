'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { ActionForm } from '@/components/ui/action-form';
import { FieldError } from '@/components/ui/field-error';
import { resetPasswordAction, type ResetFormState } from '@/lib/actions/auth';
import { cardInputClass, FormAlert, SubmitButton } from '@/components/ui/form-parts';
import { NewPasswordField } from '@/components/ui/new-password-field';

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
    className: cardInputClass,
  });
  return (
    <ActionForm action={action} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <NewPasswordField input={field('password')} errors={errors.password} />
      <div>
        <label htmlFor="confirm" className="block text-sm font-medium text-stone-800">
          The same password again
        </label>
        <input {...field('confirm')} />
        <FieldError id="confirm-error" messages={errors.confirm} />
      </div>
      <div aria-live="assertive">
        {formError && (
          <FormAlert>
            {formError}{' '}
            <Link href="/forgot-password" className="font-medium underline">
              Ask for a new link
            </Link>
          </FormAlert>
        )}
      </div>
      <SubmitButton pending={pending} wide>
        Set new password
      </SubmitButton>
    </ActionForm>
  );
}

'use client';

import { useActionState, useEffect } from 'react';
import { ActionForm } from '@/components/ui/action-form';
import { FieldError } from '@/components/ui/field-error';
import { changePasswordAction, type ChangePasswordState } from '@/lib/actions/account';
import { NewPasswordField } from '@/components/ui/new-password-field';
import { cardInputClass, FormAlert, SubmitButton } from '@/components/ui/form-parts';

/** Changes the password: the current one, then the new one twice. */
export function ChangePasswordForm({ username, changed }: { username: string; changed: boolean }) {
  const [state, action, pending] = useActionState<ChangePasswordState, FormData>(
    changePasswordAction,
    null,
  );
  const errors = (state && !state.ok && state.fieldErrors) || {};
  const formError =
    state && !state.ok && !Object.values(errors).some((m) => m?.length) ? state.message : null;
  const done = changed && state === null;

  // After a refusal, focus goes to the first field to correct.
  useEffect(() => {
    if (!state || state.ok) return;
    const first = ['currentPassword', 'newPassword', 'confirm'].find((f) => errors[f]?.length);
    if (first) document.getElementById(first)?.focus();
  }, [state]); // eslint-disable-line react-hooks/exhaustive-deps

  const field = (name: string, autoComplete: string, describedBy = '') => ({
    id: name,
    name,
    type: 'password',
    autoComplete,
    required: true,
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': `${name}-error ${describedBy}`.trim(),
    className: cardInputClass,
  });
  return (
    <ActionForm action={action} className="space-y-4" noValidate>
      {/* For password managers: which account this password belongs to. */}
      <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
      <div>
        <label htmlFor="currentPassword" className="block text-sm font-medium text-stone-800">
          Current password
        </label>
        <input {...field('currentPassword', 'current-password')} />
        <FieldError id="currentPassword-error" messages={errors.currentPassword} />
      </div>
      <NewPasswordField input={field('newPassword', 'new-password')} errors={errors.newPassword} />
      <div>
        <label htmlFor="confirm" className="block text-sm font-medium text-stone-800">
          The new password again
        </label>
        <input {...field('confirm', 'new-password')} />
        <FieldError id="confirm-error" messages={errors.confirm} />
      </div>
      <div aria-live="polite">
        <FormAlert>{formError}</FormAlert>
        {done && (
          <p role="status" className="rounded-md bg-pro-50 px-3 py-2 text-sm text-pro-800">
            Your password was changed. Your other devices were signed out.
          </p>
        )}
      </div>
      <SubmitButton pending={pending}>Change password</SubmitButton>
    </ActionForm>
  );
}

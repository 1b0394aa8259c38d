'use client';

import { useActionState, useEffect } from 'react';
import { ActionForm } from '@/components/ui/action-form';
import { FieldError } from '@/components/ui/field-error';
import { changePasswordAction, type ChangePasswordState } from '@/lib/actions/account';
import { PASSWORD_MIN } from '@/lib/schemas/auth';
import { Button } from '@/components/ui/button';

const inputClass =
  'mt-1 block w-full rounded-md border border-stone-400 bg-white px-3 py-2 text-base text-stone-900 shadow-sm aria-[invalid=true]:border-con-600';

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
    className: inputClass,
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
      <div>
        <label htmlFor="newPassword" className="block text-sm font-medium text-stone-800">
          New password
        </label>
        <input
          {...field('newPassword', 'new-password', 'newPassword-hint')}
          minLength={PASSWORD_MIN}
        />
        <p id="newPassword-hint" className="mt-1 text-sm text-stone-600">
          At least {PASSWORD_MIN} characters.
        </p>
        <FieldError id="newPassword-error" messages={errors.newPassword} />
      </div>
      <div>
        <label htmlFor="confirm" className="block text-sm font-medium text-stone-800">
          The new password again
        </label>
        <input {...field('confirm', 'new-password')} />
        <FieldError id="confirm-error" messages={errors.confirm} />
      </div>
      <div aria-live="polite">
        {formError && (
          <p
            role="alert"
            className="rounded-md border border-con-600 bg-con-50 px-3 py-2 text-sm text-con-800"
          >
            {formError}
          </p>
        )}
        {done && (
          <p role="status" className="rounded-md bg-pro-50 px-3 py-2 text-sm text-pro-800">
            Your password was changed. Your other devices were signed out.
          </p>
        )}
      </div>
      <Button disabled={pending} type="submit" variant="primary" size="lg" text="inherit">
        {pending ? 'Please wait…' : 'Change password'}
      </Button>
    </ActionForm>
  );
}

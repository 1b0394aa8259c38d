'use client';

import { useActionState } from 'react';
import { ActionForm } from '@/components/ui/action-form';
import { FormAlert, SubmitButton } from '@/components/ui/form-parts';
import { emailNotificationsAction, type EmailNotificationsState } from '@/lib/actions/account';

/** Whether the bell's notifications are also emailed to this account (off unless chosen). */
export function EmailNotificationsForm({ on, email }: { on: boolean; email: string }) {
  const [state, action, pending] = useActionState<EmailNotificationsState, FormData>(
    emailNotificationsAction,
    null,
  );
  return (
    <ActionForm action={action} className="space-y-3">
      <label className="flex items-start gap-3 text-stone-800">
        <input
          type="checkbox"
          name="emailNotifications"
          defaultChecked={on}
          className="mt-1 size-4 shrink-0 accent-stone-800"
        />
        <span>
          Also email me what my bell shows, at{' '}
          <strong className="font-medium wrap-anywhere">{email}</strong>
        </span>
      </label>
      <div aria-live="polite">
        <FormAlert>{state && !state.ok && state.message}</FormAlert>
        {state?.ok && (
          <p role="status" className="rounded-md bg-pro-50 px-3 py-2 text-sm text-pro-800">
            {state.data.on
              ? 'Saved. Your notifications are emailed to you from now on.'
              : 'Saved. Your notifications stay in the bell only.'}
          </p>
        )}
      </div>
      <SubmitButton pending={pending}>Save</SubmitButton>
    </ActionForm>
  );
}

'use client';

import { useActionState } from 'react';
import { ActionForm } from '@/components/ui/action-form';
import { joinClassAction } from '@/lib/actions/classes';
import { FormAlert, SubmitButton } from '@/components/ui/form-parts';

/** The "Join class" button of /join/<code>; opens the class when it worked. */
export function JoinClassForm({ code }: { code: string }) {
  const [state, action, pending] = useActionState(joinClassAction, null);
  const error = state && !state.ok ? state.message : null;
  return (
    <ActionForm action={action} className="space-y-3">
      <input type="hidden" name="code" value={code} />
      <div aria-live="assertive">
        <FormAlert>{error}</FormAlert>
      </div>
      <SubmitButton pending={pending} pendingLabel="Joining…">
        Join class
      </SubmitButton>
    </ActionForm>
  );
}

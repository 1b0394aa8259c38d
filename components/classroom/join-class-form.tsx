'use client';

import { useActionState } from 'react';
import { ActionForm } from '@/components/ui/action-form';
import { joinClassAction } from '@/lib/actions/classes';
import { Button } from '@/components/ui/button';

/** The "Join class" button of /join/<code>; opens the class when it worked. */
export function JoinClassForm({ code }: { code: string }) {
  const [state, action, pending] = useActionState(joinClassAction, null);
  const error = state && !state.ok ? state.message : null;
  return (
    <ActionForm action={action} className="space-y-3">
      <input type="hidden" name="code" value={code} />
      <div aria-live="assertive">
        {error && (
          <p
            role="alert"
            className="rounded-md border border-con-600 bg-con-50 px-3 py-2 text-sm text-con-800"
          >
            {error}
          </p>
        )}
      </div>
      <Button disabled={pending} type="submit" variant="primary" size="lg" text="inherit">
        {pending ? 'Joining…' : 'Join class'}
      </Button>
    </ActionForm>
  );
}

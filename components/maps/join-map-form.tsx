'use client';

import { useActionState } from 'react';
import { joinMapAction } from '@/lib/actions/members';
import type { ActionResult } from '@/lib/errors';
import { SubmitButton } from '@/components/ui/form-parts';

/**
 * "Join as editor/commenter" on a commenter or editor link: a plain form posting the join
 * action, so it works before (or without) the page's scripts; the action opens the map.
 */
export function JoinMapForm({ token, label }: { token: string; label: string }) {
  const [state, action, pending] = useActionState<ActionResult<{ mapId: string }> | null, FormData>(
    joinMapAction,
    null,
  );
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="token" value={token} />
      <SubmitButton pending={pending} pendingLabel="Joining…">
        {label}
      </SubmitButton>
      <div aria-live="assertive">
        {state && !state.ok && (
          <p role="alert" className="text-sm text-con-800">
            {state.message}
          </p>
        )}
      </div>
    </form>
  );
}

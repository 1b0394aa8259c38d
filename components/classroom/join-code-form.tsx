'use client';

import { useActionState } from 'react';
import { ActionForm } from '@/components/ui/action-form';
import { FieldError } from '@/components/ui/field-error';
import { findClassAction } from '@/lib/actions/classes';
import { JOIN_CODE_EXAMPLE } from '@/lib/domain/classroom/join-code';
import { SubmitButton } from '@/components/ui/form-parts';

/** Types a class code; goes on to the class's "Join …?" page. */
export function JoinCodeForm() {
  const [state, action, pending] = useActionState(findClassAction, null);
  const error = state && !state.ok ? state.message : null;
  return (
    <ActionForm action={action} className="space-y-3" noValidate>
      <div>
        <label htmlFor="code" className="block text-sm font-medium text-stone-800">
          Class code
        </label>
        <input
          id="code"
          name="code"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          placeholder={`e.g. ${JOIN_CODE_EXAMPLE}`}
          aria-invalid={error ? true : undefined}
          aria-describedby="code-error"
          className="mt-1 block w-full rounded-md border border-stone-400 px-3 py-2 font-mono text-lg tracking-widest uppercase"
        />
        <FieldError id="code-error" messages={error} />
      </div>
      <SubmitButton pending={pending} pendingLabel="Looking…" wide>
        Continue
      </SubmitButton>
    </ActionForm>
  );
}

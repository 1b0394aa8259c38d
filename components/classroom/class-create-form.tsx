'use client';

import { useActionState } from 'react';
import { ActionForm } from '@/components/ui/action-form';
import { FieldError } from '@/components/ui/field-error';
import { createClassAction } from '@/lib/actions/classes';
import { CLASS_NAME_MAX } from '@/lib/schemas/classes';
import { Button } from '@/components/ui/button';

/** Creates a class by name, then opens it. */
export function ClassCreateForm() {
  const [state, action, pending] = useActionState(createClassAction, null);
  const error = state && !state.ok ? state.message : null;
  return (
    <ActionForm
      action={action}
      className="rounded-lg border border-stone-200 bg-white p-4"
      noValidate
    >
      <label htmlFor="new-class-name" className="block text-sm font-medium text-stone-800">
        New class
      </label>
      <div className="mt-1 flex flex-col gap-2 sm:flex-row">
        <input
          id="new-class-name"
          name="name"
          maxLength={CLASS_NAME_MAX}
          placeholder="e.g. Year 10 History, period 3"
          aria-invalid={error ? true : undefined}
          aria-describedby="new-class-error"
          className="min-w-0 flex-1 rounded-md border border-stone-400 px-3 py-2"
        />
        <Button disabled={pending} type="submit" variant="primary" size="lg">
          {pending ? 'Creating…' : 'Create class'}
        </Button>
      </div>
      <FieldError id="new-class-error" messages={error} />
    </ActionForm>
  );
}

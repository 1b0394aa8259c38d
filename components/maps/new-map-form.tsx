'use client';

import { useActionState } from 'react';
import { ActionForm } from '@/components/ui/action-form';
import { FieldError } from '@/components/ui/field-error';
import { createMapAction } from '@/lib/actions/maps';
import { TITLE_MAX } from '@/lib/schemas/map';
import { Button } from '@/components/ui/button';

export function NewMapForm() {
  const [state, action, pending] = useActionState(createMapAction, null);
  const error = state && !state.ok ? state.message : null;
  return (
    <ActionForm
      action={action}
      className="rounded-lg border border-stone-200 bg-white p-4"
      noValidate
    >
      <label htmlFor="new-map-title" className="block text-sm font-medium text-stone-800">
        New map
      </label>
      <div className="mt-1 flex flex-col gap-2 sm:flex-row">
        <input
          id="new-map-title"
          name="title"
          maxLength={TITLE_MAX}
          placeholder="e.g. Team A: opening case"
          aria-invalid={error ? true : undefined}
          aria-describedby="new-map-error"
          className="min-w-0 flex-1 rounded-md border border-stone-400 px-3 py-2"
        />
        <Button disabled={pending} type="submit" variant="primary" size="lg">
          {pending ? 'Creating…' : 'Create map'}
        </Button>
      </div>
      <FieldError id="new-map-error" messages={error} />
    </ActionForm>
  );
}

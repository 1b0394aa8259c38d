'use client';

import { useActionState, type ReactNode } from 'react';
import type { ActionResult } from '@/lib/errors';
import { ActionForm } from './action-form';
import { Button } from './button';
import { FieldError } from './field-error';

/**
 * A form of one text field and its button that creates something by name ("New class", "New
 * map"): the action opens what it made, or says what is wrong next to the field.
 */
export function OneFieldForm<T>({
  action: serverAction,
  id,
  name,
  label,
  maxLength,
  placeholder,
  submit,
  more,
}: {
  action: (prev: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;
  /** The field's id; its error's id is `${id}-error`. */
  id: string;
  name: string;
  label: string;
  maxLength: number;
  placeholder: string;
  /** The button's words: idle, then while the action runs. */
  submit: [idle: string, pending: string];
  /** More fields under the first (a class's time zone). */
  more?: ReactNode;
}) {
  const [state, action, pending] = useActionState(serverAction, null);
  const error = state && !state.ok ? state.message : null;
  return (
    <ActionForm
      action={action}
      className="rounded-lg border border-stone-200 bg-white p-4"
      noValidate
    >
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      <div className="mt-1 flex flex-col gap-2 sm:flex-row">
        <input
          id={id}
          name={name}
          maxLength={maxLength}
          placeholder={placeholder}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-error`}
          className="min-w-0 flex-1 rounded-md border border-stone-400 px-3 py-2"
        />
        <Button disabled={pending} type="submit" variant="primary" size="lg">
          {pending ? submit[1] : submit[0]}
        </Button>
      </div>
      <FieldError id={`${id}-error`} messages={error} />
      {more}
    </ActionForm>
  );
}

import type { ComponentProps } from 'react';
import { FieldError } from '@/components/ui/field-error';
import { PASSWORD_MIN } from '@/lib/schemas/auth';

/**
 * A new password's field, with its label, the length it needs and its error. `input` is the
 * field's own props (id, name, autocomplete...); its hint is `${id}-hint`, its error `${id}-error`.
 */
export function NewPasswordField({
  input,
  errors,
}: {
  input: ComponentProps<'input'> & { id: string; 'aria-describedby'?: string };
  errors?: string[];
}) {
  const { id } = input;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        New password
      </label>
      <input
        {...input}
        aria-describedby={`${input['aria-describedby'] ?? ''} ${id}-hint`.trim()}
        minLength={PASSWORD_MIN}
      />
      <p id={`${id}-hint`} className="mt-1 text-sm text-stone-600">
        At least {PASSWORD_MIN} characters.
      </p>
      <FieldError id={`${id}-error`} messages={errors} />
    </div>
  );
}

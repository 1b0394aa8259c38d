import type { InputHTMLAttributes, ReactNode } from 'react';
import { FieldError } from '@/components/ui/field-error';

/** A labelled input or textarea with its hint and its errors, linked for screen readers. */
export function FormField({
  id,
  label,
  hint,
  errors,
  optional = false,
  multiline,
  rows,
  value,
  onChange,
  ...input
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[];
  optional?: boolean;
  multiline?: boolean;
  rows?: number;
  value: string;
  onChange: (value: string) => void;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value' | 'id'>) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const common = {
    id,
    name: id,
    value,
    'aria-invalid': errors?.length ? true : undefined,
    'aria-describedby': [hint ? hintId : null, errorId].filter(Boolean).join(' '),
    className:
      'mt-1 block w-full min-w-0 rounded-md border border-stone-400 bg-white px-3 py-2 text-base aria-[invalid]:border-con-600',
  };
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-stone-900">
        {label}
        {optional && <span className="font-normal text-stone-600"> (optional)</span>}
      </label>
      {hint && (
        <p id={hintId} className="mt-0.5 text-sm text-stone-600">
          {hint}
        </p>
      )}
      {multiline ? (
        <textarea
          {...common}
          rows={rows}
          maxLength={input.maxLength}
          placeholder={input.placeholder}
          onChange={(e) => onChange(e.target.value)}
        />
      ) : (
        <input {...input} {...common} onChange={(e) => onChange(e.target.value)} />
      )}
      <FieldError id={errorId} messages={errors} />
    </div>
  );
}

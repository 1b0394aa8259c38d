import {
  MOTION_MAX,
  SIDE_FIELDS,
  SUMMARY_MAX,
  type DebateFormValues,
  type SideField,
} from '@/lib/schemas/debates';
import { FormField } from './form-field';
import { SideFields } from './side-fields';

/**
 * The debate form's fields, shared by a new debate and an edit: the motion and summary, then each
 * side's name, thesis and article.
 */

export type TextField = Exclude<SideField, 'removed'>;
export type Values = DebateFormValues;
export type Errors = Record<string, string[] | undefined>;

export const TEXT_FIELDS = SIDE_FIELDS.filter((f): f is TextField => f !== 'removed');
export const EMPTY = Object.fromEntries(
  ['motion', 'summary', ...[1, 2].flatMap((n) => TEXT_FIELDS.map((f) => `${f}${n}`))].map((k) => [
    k,
    '',
  ]),
) as Values;
/** Field order, to focus the first one with an error. */
export const ORDER = Object.keys(EMPTY);

/** Focuses the first field with an error, once the fields are on screen. */
export function focusFirstError(errors: Errors) {
  const first = ORDER.find((k) => errors[k]?.length);
  requestAnimationFrame(() => first && document.getElementById(first)?.focus());
}

export function DebateFields({
  values,
  errors,
  onChange,
  editing = false,
}: {
  /** Editing a stored debate rather than making a new one. */
  editing?: boolean;
  values: Values;
  errors: Errors;
  onChange: (key: keyof Values, value: string) => void;
}) {
  return (
    <>
      <div className="max-w-3xl space-y-4 rounded-lg border border-stone-300 bg-white p-4 sm:p-5">
        <FormField
          id="motion"
          label="Motion"
          hint="The statement the class debates, e.g. “Social media does more harm than good to teenagers”."
          value={values.motion}
          errors={errors.motion}
          onChange={(v) => onChange('motion', v)}
          maxLength={MOTION_MAX + 20}
        />
        <FormField
          id="summary"
          label="Summary"
          hint="A sentence or two students read above the articles."
          optional
          multiline
          rows={2}
          value={values.summary}
          errors={errors.summary}
          onChange={(v) => onChange('summary', v)}
          maxLength={SUMMARY_MAX + 50}
        />
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        {([1, 2] as const).map((n) => (
          <SideFields
            key={n}
            n={n}
            values={
              Object.fromEntries(TEXT_FIELDS.map((f) => [f, values[`${f}${n}`]])) as Record<
                TextField,
                string
              >
            }
            errors={errors}
            onChange={(f, v) => onChange(`${f}${n}`, v)}
            editing={editing}
          />
        ))}
      </div>
    </>
  );
}

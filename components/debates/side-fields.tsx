import { ARTICLE_MAX_CHARS } from '@/lib/domain/classroom/article-text';
import { SIDE_LABEL_MAX, THESIS_MAX, type SideField } from '@/lib/schemas/debates';
import { FormField } from './form-field';

type SideValues = Record<Exclude<SideField, 'removed'>, string>;

/** One side of a new debate: its name and thesis, then its article's details and text. */
export function SideFields({
  n,
  values,
  errors,
  onChange,
  editing = false,
}: {
  n: 1 | 2;
  /** Editing a debate's stored text (no paragraph check follows) rather than pasting a new one. */
  editing?: boolean;
  values: SideValues;
  errors: Record<string, string[] | undefined>;
  onChange: (field: Exclude<SideField, 'removed'>, value: string) => void;
}) {
  const field = (name: Exclude<SideField, 'removed'>) => ({
    id: `${name}${n}`,
    value: values[name],
    errors: errors[`${name}${n}`],
    onChange: (v: string) => onChange(name, v),
  });
  const length = values.text.replace(/\r\n/g, '\n').length;
  return (
    <fieldset className="min-w-0 space-y-4 rounded-lg border border-stone-300 bg-white p-4 sm:p-5">
      <legend className="px-1 text-lg font-bold text-stone-900">Side {n}</legend>
      <FormField
        {...field('label')}
        label="Short name for this side"
        hint="Shown on tabs and buttons, e.g. “Talks can work”."
        maxLength={SIDE_LABEL_MAX + 20}
      />
      <FormField
        {...field('thesis')}
        label="Thesis"
        hint="The claim this side argues, in one or two sentences."
        multiline
        rows={2}
        maxLength={THESIS_MAX + 50}
      />
      <div className="space-y-4 rounded-md bg-stone-50 p-3 sm:p-4">
        <p className="text-sm font-semibold text-stone-800">The article for this side</p>
        <FormField {...field('title')} label="Article title" />
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField
            {...field('authors')}
            label="Authors"
            hint="As in the byline; the organisation if none."
          />
          <FormField
            {...field('publisher')}
            label="Publisher"
            hint="The newspaper, magazine or website."
          />
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField {...field('date')} label="Date published" type="date" optional />
          <FormField
            {...field('licence')}
            label="Licence"
            hint="e.g. CC BY 4.0. Leave empty if none is stated."
            optional
          />
        </div>
        <FormField
          {...field('url')}
          label="Web address"
          type="url"
          inputMode="url"
          placeholder="https://"
          hint="Where students can read the original. Leave it empty for an article that is not online."
          optional
        />
        <FormField
          {...field('text')}
          label="Article text"
          hint={
            <>
              {editing ? (
                <>
                  Its paragraphs, apart by blank lines: “## ” starts a heading, “&gt; ” a block
                  quote. Delete what does not belong.{' '}
                </>
              ) : (
                <>
                  Paste the whole article. Paragraphs are kept (separated by blank lines, or one per
                  line). You choose what to leave out in the next step.{' '}
                </>
              )}
              <span className={length > ARTICLE_MAX_CHARS ? 'font-semibold text-con-800' : ''}>
                {length.toLocaleString('en')} of {ARTICLE_MAX_CHARS.toLocaleString('en')}{' '}
                characters.
              </span>
            </>
          }
          multiline
          rows={editing ? 16 : 10}
        />
      </div>
    </fieldset>
  );
}

'use client';

import Link from 'next/link';
import { useEffect, useRef, useState, useTransition } from 'react';
import { z } from 'zod';
import { Button, buttonClass } from '@/components/ui/button';
import { ErrorBanner } from '@/components/ui/error-banner';
import { previewDebateEditAction, updateDebateAction } from '@/lib/actions/debates';
import type { ActionResult } from '@/lib/errors';
import { truncate } from '@/lib/domain/text';
import { impactSentences, type EditImpact } from '@/lib/domain/reanchor';
import { editDebateSchema } from '@/lib/schemas/debates';
import { plural } from '@/lib/format';
import { DebateFields, focusFirstError, type Errors, type Values } from './debate-fields';

type Step =
  { kind: 'edit' } | { kind: 'check'; impact: EditImpact } | { kind: 'saved'; impact: EditImpact };

const UNREACHABLE = 'The server could not be reached, so nothing was saved. Try again in a moment.';

/** What the edit does to the maps' quotes, as sentences, with a few of the quotes it loses. */
function ImpactSummary({ impact, when }: { impact: EditImpact; when: 'before' | 'after' }) {
  return (
    <div className="space-y-2">
      <ul className="list-disc space-y-1 pl-5 text-stone-800">
        {impactSentences(impact, when).map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ul>
      {impact.lostExamples.length > 0 && (
        <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
          <p className="font-semibold">
            {when === 'before' ? 'Quotes that will no longer be found' : 'Quotes no longer found'}
          </p>
          <ul className="mt-1 space-y-1">
            {impact.lostExamples.map((q) => (
              <li key={q.exact} className="break-words">
                <span className="font-serif text-base italic">“{truncate(q.exact, 160)}”</span>{' '}
                <span className="text-amber-900">({plural(q.maps, 'map')})</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

/**
 * A teacher's own debate, edited: the same fields as a new one, the articles as editable text.
 * Before saving, the teacher sees what the edit does to the quotes of every map on the debate
 * (moved with their text, or no longer in the article and flagged); after, what it did.
 */
export function EditDebateForm({
  debateId,
  initial,
  maps,
}: {
  debateId: string;
  initial: Values;
  maps: number;
}) {
  const [values, setValues] = useState<Values>(initial);
  const [step, setStep] = useState<Step>({ kind: 'edit' });
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const heading = useRef<HTMLHeadingElement>(null);

  const set = (key: keyof Values, value: string) => {
    setValues((v) => ({ ...v, [key]: value }));
    if (errors[key]) setErrors((e) => ({ ...e, [key]: undefined }));
  };

  // Where the keyboard goes once a new step is on screen: its heading, or the first field with
  // an error. Set with the step, done after React has drawn it (an action's answer arrives in a
  // transition, which may draw later than the next frame).
  const focusNext = useRef<'heading' | Errors | null>(null);
  useEffect(() => {
    const target = focusNext.current;
    focusNext.current = null;
    if (target === 'heading') {
      if (step.kind !== 'edit') window.scrollTo(0, 0);
      heading.current?.focus();
    } else if (target) focusFirstError(target);
  }, [step, errors]);

  const go = (next: Step) => {
    focusNext.current = 'heading';
    setStep(next);
  };

  /** Runs an action on the form; field errors send the teacher back to the fields. */
  function run(action: typeof previewDebateEditAction, then: (impact: EditImpact) => void) {
    setMessage(null);
    startTransition(async () => {
      let result: ActionResult<EditImpact>;
      try {
        result = await action({ ...values, debateId });
      } catch {
        setMessage(UNREACHABLE);
        return;
      }
      if (result.ok) return then(result.data);
      const fieldErrors = (result.fieldErrors ?? {}) as Errors;
      if (Object.values(fieldErrors).some((e) => e?.length)) {
        focusNext.current = fieldErrors;
        setErrors(fieldErrors);
        setStep({ kind: 'edit' });
      } else setMessage(result.message);
    });
  }

  function check() {
    const parsed = editDebateSchema.safeParse({ ...values, debateId });
    if (!parsed.success) {
      const fieldErrors = z.flattenError(parsed.error).fieldErrors as Errors;
      setErrors(fieldErrors);
      focusFirstError(fieldErrors);
      return;
    }
    setErrors({});
    run(previewDebateEditAction, (impact) => go({ kind: 'check', impact }));
  }

  const back = `/debates/${encodeURIComponent(debateId)}`;

  if (step.kind === 'saved') {
    return (
      <section className="max-w-3xl space-y-4 rounded-lg border border-pro-600 bg-white p-4 sm:p-5">
        <h2 ref={heading} tabIndex={-1} className="text-xl font-bold text-stone-900 outline-none">
          Your changes are saved
        </h2>
        <p className="text-stone-700">
          Everyone sees the new text from now on; anyone with a map open is asked to reload it.
        </p>
        <ImpactSummary impact={step.impact} when="after" />
        <div className="flex flex-wrap gap-3">
          <Link href={back} className={buttonClass({ variant: 'primary' })}>
            Back to the debate
          </Link>
          <Button onClick={() => go({ kind: 'edit' })}>Edit again</Button>
        </div>
      </section>
    );
  }

  if (step.kind === 'check') {
    return (
      <section className="max-w-3xl space-y-4 rounded-lg border border-stone-300 bg-white p-4 sm:p-5">
        <h2 ref={heading} tabIndex={-1} className="text-xl font-bold text-stone-900 outline-none">
          Before you save: what happens to the maps’ quotes
        </h2>
        <p className="text-stone-700">
          Every quote students made is looked for again in the new text. Nothing is deleted: a quote
          whose words are gone stays in its map, marked as no longer in the article.
        </p>
        {message && <ErrorBanner message={message} onDismiss={() => setMessage(null)} />}
        <ImpactSummary impact={step.impact} when="before" />
        <div className="flex flex-wrap justify-end gap-3 border-t border-stone-200 pt-3">
          <Button onClick={() => go({ kind: 'edit' })} disabled={pending}>
            Back to the details
          </Button>
          <Button
            variant="primary"
            disabled={pending}
            onClick={() => run(updateDebateAction, (impact) => go({ kind: 'saved', impact }))}
          >
            {pending ? 'Saving…' : 'Save changes'}
          </Button>
        </div>
      </section>
    );
  }

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        check();
      }}
      className="space-y-6"
    >
      <div className="max-w-3xl space-y-1">
        <h2 ref={heading} tabIndex={-1} className="text-xl font-bold text-stone-900 outline-none">
          The motion and the articles
        </h2>
        <p className="text-stone-700">
          {maps === 0
            ? 'No map uses this debate yet.'
            : `${plural(maps, 'map')} ${maps === 1 ? 'uses' : 'use'} this debate: their quotes are looked for again in the new text. You see what moves before anything is saved.`}
        </p>
      </div>
      {message && <ErrorBanner message={message} onDismiss={() => setMessage(null)} />}
      <DebateFields values={values} errors={errors} onChange={set} editing />
      <div className="flex flex-wrap items-center justify-end gap-3">
        <Link
          href={back}
          className="text-sm font-medium text-stone-700 underline underline-offset-4"
        >
          Cancel
        </Link>
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? 'Checking…' : 'Check the changes'}
        </Button>
      </div>
    </form>
  );
}

'use client';

import { useEffect, useMemo, useRef, useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorBanner } from '@/components/ui/error-banner';
import { createDebateAction } from '@/lib/actions/debates';
import { readArticleText, type PastedParagraph } from '@/lib/domain/classroom/article-text';
import { createDebateSchema } from '@/lib/schemas/debates';
import { z } from 'zod';
import {
  DebateFields,
  EMPTY,
  focusFirstError,
  ORDER,
  type Errors,
  type Values,
} from './debate-fields';
import { ParagraphPicker } from './paragraph-picker';

/** Per side: paragraph text → kept or not, where the teacher changed the default. */
type Choices = [Map<string, boolean>, Map<string, boolean>];

const sideMeta = (v: Values, n: 1 | 2) => ({
  title: v[`title${n}`],
  authors: v[`authors${n}`],
  publisher: v[`publisher${n}`],
});

const DRAFT_KEY = 'counterpoint:new-debate';

function readDraft(): Values | null {
  try {
    const raw = sessionStorage.getItem(DRAFT_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    if (!parsed || typeof parsed !== 'object') return null;
    const draft = parsed as Record<string, unknown>;
    return Object.fromEntries(
      ORDER.map((k) => [k, typeof draft[k] === 'string' ? draft[k] : '']),
    ) as Values;
  } catch {
    return null;
  }
}

function writeDraft(values: Values | null) {
  try {
    if (values) sessionStorage.setItem(DRAFT_KEY, JSON.stringify(values));
    else sessionStorage.removeItem(DRAFT_KEY);
  } catch {
    // Storage full or blocked: the form still works, the draft just does not outlive the tab.
  }
}

/**
 * What a choice is remembered by: the paragraph's text (and which occurrence of it), so choices
 * survive going back to edit the text above or below.
 */
function choiceKeys(paragraphs: PastedParagraph[]): string[] {
  const seen = new Map<string, number>();
  return paragraphs.map((p) => {
    const k = seen.get(p.text) ?? 0;
    seen.set(p.text, k + 1);
    return `${k}:${p.text}`;
  });
}

/** A debate from two pasted articles: the details, then a check of each article's paragraphs. */
export function NewDebateForm() {
  const [values, setValues] = useState<Values>(EMPTY);
  const [step, setStep] = useState<'edit' | 'preview'>('edit');
  const [choices, setChoices] = useState<Choices>([new Map(), new Map()]);
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const previewHeading = useRef<HTMLHeadingElement>(null);
  const editHeading = useRef<HTMLHeadingElement>(null);

  // A reload or a crash of the tab keeps what was typed: the draft lives in this tab's storage
  // until the debate is created.
  useEffect(() => {
    const saved = readDraft();
    // Read after hydration: the server renders the empty form, sessionStorage is the browser's.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (saved) setValues(saved);
  }, []);
  useEffect(() => {
    if (values !== EMPTY) writeDraft(values);
  }, [values]);

  const read = useMemo(
    () =>
      ([1, 2] as const).map((n) => {
        const r = readArticleText(values[`text${n}`], sideMeta(values, n));
        return r.ok ? r.paragraphs : [];
      }),
    [values],
  ) as [PastedParagraph[], PastedParagraph[]];
  const keys = read.map(choiceKeys);
  const kept = read.map((paragraphs, s) =>
    paragraphs.map((p, i) => choices[s]!.get(keys[s]![i]!) ?? !p.furniture),
  );
  const removed = (s: 0 | 1) => kept[s]!.flatMap((k, i) => (k ? [] : [i]));

  const set = (key: keyof Values, value: string) => {
    setValues((v) => ({ ...v, [key]: value }));
    if (errors[key]) setErrors((e) => ({ ...e, [key]: undefined }));
  };

  function showErrors(fieldErrors: Errors, goBack: boolean) {
    setErrors(fieldErrors);
    if (!goBack) return;
    setStep('edit');
    // After the edit step is back on screen.
    focusFirstError(fieldErrors);
  }

  function preview() {
    setMessage(null);
    const parsed = createDebateSchema.safeParse({ ...values, removed1: [], removed2: [] });
    if (!parsed.success) {
      showErrors(z.flattenError(parsed.error).fieldErrors as Errors, true);
      return;
    }
    setErrors({});
    setStep('preview');
    requestAnimationFrame(() => {
      window.scrollTo(0, 0);
      previewHeading.current?.focus();
    });
  }

  function create() {
    setMessage(null);
    startTransition(async () => {
      let result;
      try {
        result = await createDebateAction({
          ...values,
          removed1: removed(0),
          removed2: removed(1),
        });
      } catch (e) {
        // Next's own redirect to the new debate travels as an error: let it through.
        if (
          e &&
          typeof e === 'object' &&
          String((e as { digest?: unknown }).digest).startsWith('NEXT_')
        )
          throw e;
        setMessage('The server could not be reached, so nothing was saved. Try again in a moment.');
        return;
      }
      // On success the action has already moved on to the new debate's page.
      if (result.ok) {
        writeDraft(null);
        return;
      }
      const fieldErrors = (result.fieldErrors ?? {}) as Errors;
      const fields = Object.keys(fieldErrors).filter((k) => fieldErrors[k]?.length);
      if (fields.length && fields.some((k) => k !== 'text1' && k !== 'text2')) {
        showErrors(fieldErrors, true);
      } else {
        setErrors(fieldErrors);
        if (!fields.length) setMessage(result.message);
      }
    });
  }

  const toggle = (s: 0 | 1, index: number, keep: boolean) =>
    setChoices((c) => {
      const next: Choices = [new Map(c[0]), new Map(c[1])];
      next[s].set(keys[s]![index]!, keep);
      return next;
    });
  const all = (s: 0 | 1, keep: boolean | 'default') =>
    setChoices((c) => {
      const next: Choices = [new Map(c[0]), new Map(c[1])];
      next[s] = new Map(keep === 'default' ? [] : keys[s]!.map((k) => [k, keep]));
      return next;
    });

  if (step === 'preview') {
    return (
      <div className="space-y-5">
        <div className="space-y-2">
          <h2
            ref={previewHeading}
            tabIndex={-1}
            className="text-xl font-bold text-stone-900 outline-none"
          >
            Step 2 of 2: check the paragraphs
          </h2>
          <p className="max-w-3xl text-stone-700">
            Ticked paragraphs are saved as each article; students quote from them. What looks like
            page furniture (share buttons, captions, sign-up prompts, bylines…) starts unticked.
            Tick anything that belongs to the article, untick anything that does not.
          </p>
        </div>
        {message && <ErrorBanner message={message} onDismiss={() => setMessage(null)} />}
        <div className="grid gap-5 lg:grid-cols-2">
          {([0, 1] as const).map((s) => (
            <ParagraphPicker
              key={s}
              n={s === 0 ? 1 : 2}
              title={values[`title${s === 0 ? 1 : 2}`]}
              paragraphs={read[s]}
              kept={kept[s]!}
              onToggle={(i, keep) => toggle(s, i, keep)}
              onAll={(keep) => all(s, keep)}
              errors={errors[`text${s === 0 ? 1 : 2}`]}
            />
          ))}
        </div>
        <div className="sticky bottom-0 flex flex-wrap items-center justify-end gap-3 border-t border-stone-200 bg-stone-50 py-3">
          <Button
            onClick={() => {
              setStep('edit');
              requestAnimationFrame(() => editHeading.current?.focus());
            }}
            disabled={pending}
          >
            Back to the details
          </Button>
          <Button variant="primary" onClick={create} disabled={pending}>
            {pending ? 'Creating…' : 'Create debate'}
          </Button>
        </div>
      </div>
    );
  }

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        preview();
      }}
      className="space-y-6"
    >
      <h2 ref={editHeading} tabIndex={-1} className="text-xl font-bold text-stone-900 outline-none">
        Step 1 of 2: the motion and the articles
      </h2>
      {message && <ErrorBanner message={message} onDismiss={() => setMessage(null)} />}
      <DebateFields values={values} errors={errors} onChange={set} />
      <div className="flex flex-wrap items-center justify-end gap-3">
        <p className="text-sm text-stone-600">Nothing is saved until you create the debate.</p>
        <Button type="submit" variant="primary">
          Preview paragraphs
        </Button>
      </div>
    </form>
  );
}

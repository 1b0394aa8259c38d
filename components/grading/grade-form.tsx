'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { When } from '@/components/ui/zone';
import { saveGradeAction } from '@/lib/actions/grades';
import { scoreTotal, type RubricCriterion } from '@/lib/domain/classroom/rubric';
import { FEEDBACK_MAX } from '@/lib/schemas/grades';
import type { GradeView } from '@/lib/domain/classroom/views';

/** The rubric scores (a select per criterion), the total, the overall feedback and Save. */
export function GradeForm(props: { workId: string; rubric: RubricCriterion[]; grade: GradeView }) {
  const router = useRouter();
  // A score above its criterion's points (they were lowered since) counts as the points: so it
  // is shown, and saved if the teacher saves.
  const [scores, setScores] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      props.rubric.map((c) => [
        c.id,
        props.grade.scores[c.id] != null
          ? String(Math.min(props.grade.scores[c.id]!, c.points))
          : '',
      ]),
    ),
  );
  const [feedback, setFeedback] = useState(props.grade.feedback);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** When this page last saved the grade (ISO), shown in the viewer's zone. */
  const [saved, setSaved] = useState<string | null>(null);

  const numeric = Object.fromEntries(
    Object.entries(scores)
      .filter(([, v]) => v !== '')
      .map(([k, v]) => [k, Number(v)]),
  );
  const total = scoreTotal(props.rubric, numeric);

  return (
    <form
      aria-labelledby="grade-heading"
      className="space-y-4 rounded-lg border border-stone-200 bg-white p-4"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setError(null);
        setSaved(null);
        const result = await saveGradeAction({ workId: props.workId, scores: numeric, feedback });
        setBusy(false);
        if (!result.ok) {
          setError(result.message);
          return;
        }
        setSaved(new Date().toISOString());
        router.refresh();
      }}
    >
      <h2 id="grade-heading" className="text-lg font-semibold">
        Grade
      </h2>
      <div className="space-y-3">
        {props.rubric.map((c) => (
          <div key={c.id} className="flex flex-wrap items-center justify-between gap-x-3">
            <label htmlFor={`score-${c.id}`} className="text-sm font-medium text-stone-800">
              {c.label} <span className="font-normal text-stone-600">(out of {c.points})</span>
            </label>
            <select
              id={`score-${c.id}`}
              value={scores[c.id] ?? ''}
              onChange={(e) => setScores((s) => ({ ...s, [c.id]: e.target.value }))}
              className="rounded-md border border-stone-400 bg-white px-2 py-1 text-sm"
            >
              <option value="">Not scored</option>
              {Array.from({ length: c.points + 1 }, (_, i) => (
                <option key={i} value={String(i)}>
                  {i}
                </option>
              ))}
            </select>
            {(props.grade.scores[c.id] ?? 0) > c.points && (
              <p className="basis-full text-xs text-stone-600">
                Scored {props.grade.scores[c.id]} before the rubric changed: counts as {c.points}.
              </p>
            )}
          </div>
        ))}
      </div>
      <p className="text-sm font-semibold text-stone-900" aria-live="polite">
        Total: {total.earned} / {total.possible}
      </p>
      <div>
        <label htmlFor="overall-feedback" className="block text-sm font-medium text-stone-800">
          Overall feedback
        </label>
        <textarea
          id="overall-feedback"
          value={feedback}
          maxLength={FEEDBACK_MAX}
          onChange={(e) => setFeedback(e.target.value)}
          rows={5}
          aria-describedby="grade-error"
          className="mt-1 w-full rounded-md border border-stone-400 px-2 py-1 text-sm"
        />
        <p className="text-xs text-stone-600">
          {feedback.length} / {FEEDBACK_MAX} characters
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save grade'}
        </Button>
        <span role="status" className="text-sm text-pro-800">
          {saved && (
            <>
              Saved <When iso={saved} />.
            </>
          )}
        </span>
      </div>
      <FieldError id="grade-error" messages={error} />
    </form>
  );
}

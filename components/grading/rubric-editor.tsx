'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { updateRubricAction } from '@/lib/actions/grades';
import {
  criterionIdFor,
  RUBRIC_LABEL_MAX,
  RUBRIC_MAX_CRITERIA,
  RUBRIC_POINTS_MAX,
  type RubricCriterion,
} from '@/lib/domain/classroom/rubric';

type Row = { id: string; label: string; points: string };

/** Edits an assignment's rubric: rename, re-weight, add and remove criteria. */
export function RubricEditor(props: {
  assignmentId: string;
  rubric: RubricCriterion[];
  /** Start unfolded (the rubric page); folded on the grading page. */
  open?: boolean;
}) {
  const router = useRouter();
  const [rows, setRows] = useState<Row[]>(() =>
    props.rubric.map((c) => ({ id: c.id, label: c.label, points: String(c.points) })),
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const update = (i: number, patch: Partial<Row>) =>
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  return (
    <details open={props.open} className="rounded-lg border border-stone-200 bg-white p-4">
      <summary className="cursor-pointer text-base font-semibold">Edit the rubric</summary>
      <p className="mt-1 text-sm text-stone-600">
        Applies to every piece of work in this assignment. Scores for a removed criterion stop
        counting.
      </p>
      <form
        className="mt-3 space-y-3"
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          setError(null);
          setSaved(null);
          const result = await updateRubricAction({
            assignmentId: props.assignmentId,
            rubric: rows.map((r) => ({ id: r.id, label: r.label, points: Number(r.points) })),
          });
          setBusy(false);
          if (!result.ok) setError(result.message);
          else {
            setSaved('Rubric saved.');
            router.refresh();
          }
        }}
      >
        {rows.map((r, i) => (
          <fieldset key={r.id} className="flex flex-wrap items-end gap-2">
            <legend className="sr-only">Criterion {i + 1}</legend>
            <div className="min-w-0 flex-1">
              <label htmlFor={`crit-label-${r.id}`} className="block text-xs font-medium">
                Criterion {i + 1}
              </label>
              <input
                id={`crit-label-${r.id}`}
                value={r.label}
                maxLength={RUBRIC_LABEL_MAX}
                onChange={(e) => update(i, { label: e.target.value })}
                className="w-full rounded-md border border-stone-400 px-2 py-1 text-sm"
              />
            </div>
            <div>
              <label htmlFor={`crit-points-${r.id}`} className="block text-xs font-medium">
                Points
              </label>
              <input
                id={`crit-points-${r.id}`}
                type="number"
                min={1}
                max={RUBRIC_POINTS_MAX}
                value={r.points}
                onChange={(e) => update(i, { points: e.target.value })}
                className="w-20 rounded-md border border-stone-400 px-2 py-1 text-sm"
              />
            </div>
            <Button
              size="sm"
              variant="ghost"
              disabled={rows.length <= 1}
              onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}
              aria-label={`Remove criterion ${r.label || i + 1}`}
            >
              Remove
            </Button>
          </fieldset>
        ))}
        <div className="flex flex-wrap items-center gap-2">
          <Button
            size="sm"
            disabled={rows.length >= RUBRIC_MAX_CRITERIA}
            onClick={() =>
              setRows((rs) => [
                ...rs,
                {
                  id: criterionIdFor(
                    'criterion',
                    rs.map((x) => x.id),
                  ),
                  label: '',
                  points: '4',
                },
              ])
            }
          >
            Add criterion
          </Button>
          <Button type="submit" variant="primary" size="sm" disabled={busy}>
            {busy ? 'Saving…' : 'Save rubric'}
          </Button>
          <span role="status" className="text-sm text-pro-800">
            {saved}
          </span>
        </div>
        <FieldError id="rubric-error" messages={error} />
      </form>
    </details>
  );
}

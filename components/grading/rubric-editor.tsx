'use client';

import { useRouter } from 'next/navigation';
import { useMemo, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { FieldError } from '@/components/ui/field-error';
import { updateRubricAction } from '@/lib/actions/grades';
import {
  criterionIdFor,
  RUBRIC_LABEL_MAX,
  RUBRIC_MAX_CRITERIA,
  RUBRIC_POINTS_MAX,
  type RubricCriterion,
  type StoredRubric,
} from '@/lib/domain/classroom/rubric';
import {
  describeRubricChange,
  reviseRubric,
  type GradedWork,
} from '@/lib/domain/classroom/rubric-changes';

type Row = { id: string; label: string; points: string };

const toRows = (criteria: RubricCriterion[]): Row[] =>
  criteria.map((c) => ({ id: c.id, label: c.label, points: String(c.points) }));

/**
 * Edits an assignment's rubric: rename, re-weight, add and remove criteria. What the change does
 * to the scores already given is said as it is made (lib/domain/classroom/rubric-changes.ts);
 * saving a change that touches them asks first, and the saved change is said again after.
 */
export function RubricEditor(props: {
  assignmentId: string;
  rubric: RubricCriterion[];
  /** Criteria removed earlier (their scores are kept). */
  removed: RubricCriterion[];
  /** The scores every graded work has, removed criteria's included. */
  graded: GradedWork[];
  /** Start unfolded (the rubric page); folded on the grading page. */
  open?: boolean;
}) {
  const router = useRouter();
  // What the change is measured against: the rubric as last saved.
  const [base, setBase] = useState<StoredRubric>({
    criteria: props.rubric,
    removed: props.removed,
  });
  const [rows, setRows] = useState<Row[]>(() => toRows(props.rubric));
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string[] | null>(null);
  const update = (i: number, patch: Partial<Row>) => {
    setSaved(null);
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  };
  const scored = useMemo(
    () => [...new Set(props.graded.flatMap((g) => Object.keys(g.scores)))],
    [props.graded],
  );
  const criteria = rows.map((r) => ({ id: r.id, label: r.label, points: Number(r.points) }));
  const complete = criteria.every((c) => c.label.trim() && Number.isInteger(c.points));
  const change = complete
    ? describeRubricChange(base, reviseRubric(base, criteria, scored), props.graded)
    : { lines: [], weighty: false };
  const scoresFor = (id: string) =>
    props.graded.filter((g) => typeof g.scores[id] === 'number').length;
  const comeBack = base.removed.filter(
    (c) => scoresFor(c.id) > 0 && !rows.some((r) => r.id === c.id),
  );

  const save = async () => {
    setAsking(false);
    setBusy(true);
    setError(null);
    const result = await updateRubricAction({ assignmentId: props.assignmentId, rubric: criteria });
    setBusy(false);
    if (!result.ok) return setError(result.message);
    setBase({ criteria: result.data.rubric, removed: result.data.removed });
    setRows(toRows(result.data.rubric));
    setSaved(result.data.changes);
    router.refresh();
  };

  return (
    <details open={props.open} className="rounded-lg border border-stone-200 bg-white p-4">
      <summary className="cursor-pointer text-base font-semibold">Edit the rubric</summary>
      <p className="mt-1 text-sm text-stone-600">
        Applies to every piece of work in this assignment. No score is ever deleted: before you
        save, this says what a change does to the scores already given.
      </p>
      <form
        className="mt-3 space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          if (change.weighty) setAsking(true);
          else void save();
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
              onClick={() => {
                setSaved(null);
                setRows((rs) => rs.filter((_, j) => j !== i));
              }}
              aria-label={`Remove criterion ${r.label || i + 1}`}
            >
              Remove
            </Button>
          </fieldset>
        ))}
        {comeBack.length > 0 && (
          <div className="space-y-1 text-sm">
            <p className="text-stone-700">Removed, with their scores kept:</p>
            <ul className="flex flex-wrap gap-2">
              {comeBack.map((c) => (
                <li key={c.id}>
                  <Button
                    size="sm"
                    disabled={rows.length >= RUBRIC_MAX_CRITERIA}
                    onClick={() => {
                      setSaved(null);
                      setRows((rs) => [
                        ...rs,
                        { id: c.id, label: c.label, points: String(c.points) },
                      ]);
                    }}
                  >
                    Add back “{c.label}”
                    <span className="font-normal text-stone-600">({scoresFor(c.id)} scored)</span>
                  </Button>
                </li>
              ))}
            </ul>
          </div>
        )}
        <div className="flex flex-wrap items-center gap-2">
          <Button
            size="sm"
            disabled={rows.length >= RUBRIC_MAX_CRITERIA}
            onClick={() => {
              setSaved(null);
              setRows((rs) => [
                ...rs,
                {
                  // An id no score was ever given under, so the new criterion starts empty.
                  id: criterionIdFor('criterion', [
                    ...rs.map((x) => x.id),
                    ...base.removed.map((x) => x.id),
                    ...scored,
                  ]),
                  label: '',
                  points: '4',
                },
              ]);
            }}
          >
            Add criterion
          </Button>
          <Button type="submit" variant="primary" size="sm" disabled={busy}>
            {busy ? 'Saving…' : 'Save rubric'}
          </Button>
        </div>
        {change.lines.length > 0 && (
          <div
            aria-live="polite"
            data-testid="rubric-change"
            className={`rounded-md border p-3 text-sm ${change.weighty ? 'border-amber-400 bg-amber-50 text-amber-950' : 'border-stone-200 bg-stone-50 text-stone-800'}`}
          >
            <p className="font-medium">When you save:</p>
            <ChangeLines lines={change.lines} />
          </div>
        )}
        <div role="status" className="text-sm text-pro-800">
          {saved && (
            <>
              <p className="font-medium">Rubric saved.</p>
              {saved.length > 0 && <ChangeLines lines={saved} />}
            </>
          )}
        </div>
        <FieldError id="rubric-error" messages={error} />
      </form>
      <Dialog open={asking} onClose={() => setAsking(false)} title="Save the rubric?">
        <div className="space-y-3 text-stone-700">
          <p>This change touches scores you have already given:</p>
          <ChangeLines lines={change.lines} />
          <div className="flex flex-wrap justify-end gap-2">
            <Button onClick={() => setAsking(false)} data-autofocus>
              Keep editing
            </Button>
            <Button variant="primary" onClick={() => void save()} disabled={busy}>
              Save rubric
            </Button>
          </div>
        </div>
      </Dialog>
    </details>
  );
}

function ChangeLines({ lines }: { lines: string[] }) {
  return (
    <ul className="mt-1 list-disc space-y-1 pl-5">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}

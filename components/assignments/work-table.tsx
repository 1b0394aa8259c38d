'use client';

import Link from 'next/link';
import { ErrorBanner } from '@/components/ui/error-banner';
import { Button, buttonClass } from '@/components/ui/button';
import { addTeamAction, moveStudentAction, setWorkSideAction } from '@/lib/actions/assignments';
import type { Side } from '@/lib/domain/classroom/teams';
import { TeamNameEditor } from './team-name-editor';
import { useAssignmentAction } from './use-assignment-action';
import type { TeacherWork } from '@/lib/domain/classroom/views';

/**
 * The pieces of work of an assignment, for its teacher: who is in each, which side it argues
 * (changed in place), moving a student to another team, and links to the map and its grading.
 */
export function WorkTable(props: {
  assignmentId: string;
  mode: string;
  works: TeacherWork[];
  thesisLabels: string[];
  /** The class's students (team mode lists those in no team, to put in one). */
  students?: { userId: string; name: string }[];
}) {
  const { assignmentId, mode, works, thesisLabels } = props;
  const placed = new Set(works.flatMap((w) => w.members.map((m) => m.userId)));
  const unplaced = (props.students ?? []).filter((s) => !placed.has(s.userId));
  const { busy, error, clearError, run } = useAssignmentAction();
  const team = mode === 'team';
  const sideOptions: { value: Side; label: string }[] = [
    { value: 'first', label: `Thesis 1: ${thesisLabels[0] ?? ''}` },
    { value: 'second', label: `Thesis 2: ${thesisLabels[1] ?? ''}` },
    { value: 'both', label: 'Both sides' },
  ];
  const base = `/assignments/${encodeURIComponent(assignmentId)}`;

  return (
    <div className="space-y-3">
      {error && <ErrorBanner message={error} onDismiss={clearError} />}
      <ul
        aria-label={team ? 'Teams' : mode === 'class' ? 'The class map' : 'Students’ maps'}
        className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white"
      >
        {works.map((w) => (
          <li key={w.id} className="grid gap-3 p-4 md:grid-cols-[1fr_auto] md:items-start">
            <div className="min-w-0 space-y-2">
              {team ? (
                <TeamNameEditor assignmentId={assignmentId} workId={w.id} name={w.name} />
              ) : (
                <h3 className="font-semibold break-words">{w.name}</h3>
              )}
              <label className="block text-sm">
                <span className="mr-2 text-stone-700">Side</span>
                <select
                  value={w.side}
                  disabled={busy}
                  onChange={(e) =>
                    run(() =>
                      setWorkSideAction({
                        assignmentId,
                        workId: w.id,
                        side: e.target.value as Side,
                      }),
                    )
                  }
                  aria-label={`Side for ${w.name}`}
                  className="max-w-full rounded-md border border-stone-400 bg-white px-2 py-1"
                >
                  {sideOptions.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              </label>
              {(team || mode === 'class') && (
                <div className="text-sm">
                  {w.members.length === 0 ? (
                    <p className="text-stone-600">No one in this team yet.</p>
                  ) : (
                    <ul aria-label={`Members of ${w.name}`} className="flex flex-wrap gap-2">
                      {w.members.map((m) => (
                        <li
                          key={m.userId}
                          className="flex flex-wrap items-center gap-1 rounded-md bg-stone-100 px-2 py-1"
                        >
                          <span>{m.name}</span>
                          {team && works.length > 1 && (
                            <select
                              value=""
                              disabled={busy}
                              aria-label={`Move ${m.name} to another team`}
                              onChange={(e) =>
                                e.target.value &&
                                run(() =>
                                  moveStudentAction({
                                    assignmentId,
                                    studentId: m.userId,
                                    toWorkId: e.target.value,
                                  }),
                                )
                              }
                              className="rounded border border-stone-300 bg-white px-1 text-xs"
                            >
                              <option value="">Move to…</option>
                              {works
                                .filter((other) => other.id !== w.id)
                                .map((other) => (
                                  <option key={other.id} value={other.id}>
                                    {other.name}
                                  </option>
                                ))}
                            </select>
                          )}
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
              )}
            </div>
            <div className="flex flex-wrap gap-2">
              <Link
                href={`/maps/${encodeURIComponent(w.mapId)}`}
                className={buttonClass({ variant: 'primary' })}
              >
                Open map<span className="sr-only"> of {w.name}</span>
              </Link>
              <Link href={`${base}/work/${encodeURIComponent(w.id)}`} className={buttonClass()}>
                Grade<span className="sr-only"> {w.name}</span>
              </Link>
            </div>
          </li>
        ))}
      </ul>
      {team && unplaced.length > 0 && works.length > 0 && (
        <section
          aria-labelledby="unplaced-heading"
          className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-4"
        >
          <h3 id="unplaced-heading" className="font-semibold">
            Not in a team yet ({unplaced.length})
          </h3>
          <ul aria-label="Students not in a team" className="flex flex-wrap gap-2 text-sm">
            {unplaced.map((s) => (
              <li
                key={s.userId}
                className="flex flex-wrap items-center gap-1 rounded-md bg-white px-2 py-1"
              >
                <span>{s.name}</span>
                <select
                  value=""
                  disabled={busy}
                  aria-label={`Put ${s.name} in a team`}
                  onChange={(e) =>
                    e.target.value &&
                    run(() =>
                      moveStudentAction({
                        assignmentId,
                        studentId: s.userId,
                        toWorkId: e.target.value,
                      }),
                    )
                  }
                  className="rounded border border-stone-300 bg-white px-1 text-xs"
                >
                  <option value="">Put in…</option>
                  {works.map((w) => (
                    <option key={w.id} value={w.id}>
                      {w.name}
                    </option>
                  ))}
                </select>
              </li>
            ))}
          </ul>
        </section>
      )}
      {team && (
        <Button disabled={busy} onClick={() => run(() => addTeamAction({ assignmentId }))}>
          Add a team
        </Button>
      )}
    </div>
  );
}

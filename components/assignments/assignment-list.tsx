import Link from 'next/link';
import { DueDate } from './due-date';
import { SideBadge } from './side-badge';
import { MODE_LABELS, isMode } from '@/lib/domain/classroom/teams';
import type { AssignmentSummary } from '@/lib/domain/classroom/views';
import { buttonClass } from '@/components/ui/button';

/** A class's assignments, as its teacher or one of its students sees them on the class page. */
export function AssignmentList(props: {
  classId: string;
  role: 'teacher' | 'student';
  assignments: AssignmentSummary[];
  /** The class is archived: nothing new is set in it. */
  archived?: boolean;
}) {
  const { classId, assignments } = props;
  const teacher = props.role === 'teacher';
  return (
    <div className="space-y-3">
      {teacher && !props.archived && (
        <Link
          href={`/classes/${encodeURIComponent(classId)}/assignments/new`}
          className={buttonClass({ variant: 'primary' })}
        >
          New assignment
        </Link>
      )}
      {assignments.length === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 bg-white p-4 text-stone-700">
          {teacher && props.archived
            ? 'No assignments.'
            : teacher
              ? 'No assignments yet. Set a debate for this class with New assignment.'
              : 'Nothing assigned to you in this class yet.'}
        </p>
      ) : (
        <ul
          aria-label="Assignments"
          className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white"
        >
          {assignments.map((a) => (
            <li key={a.id} className="flex flex-wrap items-center justify-between gap-3 p-4">
              <div className="min-w-0 space-y-1">
                <Link
                  href={`/assignments/${encodeURIComponent(a.id)}`}
                  className="font-semibold break-words text-stone-900 underline-offset-4 hover:underline"
                >
                  {a.title}
                </Link>
                <p className="text-sm text-stone-700">
                  <DueDate dueAt={a.dueAt} />
                  {' · '}
                  {isMode(a.mode) ? MODE_LABELS[a.mode] : a.mode}
                  {teacher && ` · ${a.workCount} ${a.workCount === 1 ? 'map' : 'maps'}`}
                </p>
                {a.mine && (
                  <p className="flex flex-wrap items-center gap-2 text-sm">
                    <SideBadge side={a.mine.side} labels={a.mine.sideLabels} />
                    {a.mine.teamName && <span>{a.mine.teamName}</span>}
                  </p>
                )}
              </div>
              {a.mine ? (
                <Link
                  href={`/maps/${encodeURIComponent(a.mine.mapId)}`}
                  className={buttonClass({ variant: 'primary' })}
                >
                  Open your map<span className="sr-only"> for {a.title}</span>
                </Link>
              ) : (
                teacher && (
                  <Link
                    href={`/assignments/${encodeURIComponent(a.id)}/dashboard`}
                    className={buttonClass()}
                  >
                    Dashboard<span className="sr-only"> for {a.title}</span>
                  </Link>
                )
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

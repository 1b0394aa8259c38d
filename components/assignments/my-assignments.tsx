import Link from 'next/link';
import { DueDate } from './due-date';
import { SideBadge } from './side-badge';
import { buttonClass } from '@/components/ui/button';
import type { AssignmentSummary } from '@/lib/domain/classroom/views';

/** A student's assignments on their home page: due date, side, team, released feedback, map. */
export function MyAssignments({ assignments }: { assignments: AssignmentSummary[] }) {
  return (
    <section aria-labelledby="my-assignments" className="space-y-3">
      <h2 id="my-assignments" className="text-xl font-bold">
        Your assignments
      </h2>
      {assignments.length === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 bg-white p-4 text-stone-700">
          Nothing assigned to you yet. Your teacher’s assignments appear here.
        </p>
      ) : (
        <ul className="grid gap-3 md:grid-cols-2">
          {assignments.map((a) => (
            <li key={a.id} className="space-y-2 rounded-lg border border-stone-200 bg-white p-4">
              <div>
                <Link
                  href={`/assignments/${encodeURIComponent(a.id)}`}
                  className="font-semibold break-words text-stone-900 underline-offset-4 hover:underline"
                >
                  {a.title}
                </Link>
                <p className="text-sm text-stone-600">{a.className}</p>
              </div>
              <p className="text-sm">
                <DueDate dueAt={a.dueAt} />
              </p>
              {a.mine && (
                <>
                  <p className="flex flex-wrap items-center gap-2 text-sm">
                    <SideBadge side={a.mine.side} labels={a.mine.sideLabels} />
                    {a.mine.teamName && (
                      <span>
                        {a.mine.teamName}
                        {a.mine.teammates.length > 0 && ` with ${a.mine.teammates.join(', ')}`}
                      </span>
                    )}
                  </p>
                  {a.mine.released && (
                    <div className="rounded-md bg-pro-50 p-2 text-sm text-pro-800">
                      <p className="font-medium">
                        Feedback released
                        {a.mine.released.scored &&
                          `: ${a.mine.released.earned} / ${a.mine.released.possible}`}
                      </p>
                      {a.mine.released.feedback && (
                        <p className="line-clamp-3 whitespace-pre-wrap">
                          {a.mine.released.feedback}
                        </p>
                      )}
                    </div>
                  )}
                  <Link
                    href={`/maps/${encodeURIComponent(a.mine.mapId)}`}
                    className={buttonClass({ variant: 'primary' })}
                  >
                    Open your map<span className="sr-only"> for {a.title}</span>
                  </Link>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

import Link from 'next/link';
import { When } from '@/components/ui/zone';
import { plural } from '@/lib/format';
import { DeleteDebateButton } from './delete-debate-button';
import { buttonClass } from '@/components/ui/button';
import type { DebateSummary } from '@/lib/domain/classroom/views';

/** Debates as cards: the motion, the two sides, and for one's own, what uses it. */
export function DebateList({ debates, label }: { debates: DebateSummary[]; label: string }) {
  return (
    <ul aria-label={label} className="grid gap-3">
      {debates.map((d) => {
        const inUse = d.mapCount + d.assignmentCount > 0;
        return (
          <li
            key={d.id}
            className="flex flex-col gap-3 rounded-lg border border-stone-200 bg-white p-4 sm:flex-row sm:items-start sm:justify-between"
          >
            <div className="min-w-0 flex-1 space-y-1">
              <Link
                href={`/debates/${d.id}`}
                className="text-lg font-semibold leading-snug text-stone-900 underline-offset-4 hover:underline"
              >
                {d.motion}
              </Link>
              <p className="text-sm text-stone-700">
                {d.thesisLabels.map((l, i) => (
                  <span key={i}>
                    {i > 0 && <span className="text-stone-500"> versus </span>}
                    <span className="font-medium">{l}</span>
                  </span>
                ))}
              </p>
              {d.mine && (
                <p className="text-sm text-stone-600">
                  Created <When iso={d.createdAt} date />
                  {inUse &&
                    ` · used by ${[
                      d.mapCount ? plural(d.mapCount, 'map') : '',
                      d.assignmentCount ? plural(d.assignmentCount, 'assignment') : '',
                    ]
                      .filter(Boolean)
                      .join(' and ')}`}
                </p>
              )}
            </div>
            {d.mine && (
              <div
                role="group"
                aria-label={`Actions for ${d.motion}`}
                className="flex flex-wrap gap-2"
              >
                <Link href={`/debates/${d.id}#assign`} className={buttonClass()}>
                  Assign to a class
                </Link>
                {!inUse && <DeleteDebateButton debateId={d.id} motion={d.motion} />}
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}

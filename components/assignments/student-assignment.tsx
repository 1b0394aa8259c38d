import Link from 'next/link';
import { SideBadge } from './side-badge';
import { buttonClass } from '@/components/ui/button';
import type { AssignmentPage } from '@/lib/domain/classroom/views';

/** A student's own piece of an assignment: their side, team, teammates, and their map. */
export function StudentAssignment({ page }: { page: AssignmentPage }) {
  const mine = page.mine;
  if (!mine) {
    return (
      <p className="rounded-lg border border-dashed border-stone-300 bg-white p-4">
        You have no map in this assignment yet. Ask your teacher to add you to a team.
      </p>
    );
  }
  const thesis =
    mine.side === 'both'
      ? null
      : [...page.debate.theses].sort((x, y) => x.position - y.position)[
          mine.side === 'first' ? 0 : 1
        ];
  return (
    <section
      aria-labelledby="your-work"
      className="space-y-3 rounded-lg border border-stone-200 bg-white p-4"
    >
      <h2 id="your-work" className="text-lg font-semibold">
        Your work
      </h2>
      <p className="flex flex-wrap items-center gap-2">
        <span className="text-stone-700">You argue:</span>
        <SideBadge side={mine.side} labels={mine.sideLabels} />
      </p>
      {thesis && <p className="text-stone-800">“{thesis.text}”</p>}
      {mine.teamName && (
        <p>
          <span className="font-medium">{mine.teamName}</span>
          {mine.teammates.length > 0 && <>, with {mine.teammates.join(', ')}</>}
        </p>
      )}
      {mine.released && (
        <p className="rounded-md bg-pro-50 p-2 text-pro-800">
          Feedback released
          {mine.released.scored && `: ${mine.released.earned} / ${mine.released.possible}`}. Open
          your map to read it.
        </p>
      )}
      <Link
        href={`/maps/${encodeURIComponent(mine.mapId)}`}
        className={buttonClass({ variant: 'primary', size: 'lg', text: 'inherit' })}
      >
        Open your map
      </Link>
    </section>
  );
}

import { memo } from 'react';
import { thesisCounts } from '@/lib/domain/dialectic';
import type { CrossLink } from '@/lib/domain/cross-links';
import type { ClaimView } from '@/lib/domain/views';
import { plural } from '@/lib/format';

/**
 * Live tallies for one thesis (lib/domain/dialectic.ts decides what counts): claims for it and
 * against it, and objections to its case that have no rebuttal yet. Memoized: counting walks the
 * whole map, which at 10,000 claims is too slow to redo each time the selection moves.
 */
export const ThesisCounts = memo(function ThesisCounts({
  claims,
  links,
  thesisId,
}: {
  claims: ClaimView[];
  links: CrossLink[];
  thesisId: string;
}) {
  const c = thesisCounts(claims, links, thesisId);
  return (
    <ul className="mt-3 flex flex-wrap gap-2 text-sm" aria-label="Counts for this thesis">
      <li
        className="rounded bg-pro-50 px-2 py-1 text-pro-800"
        title="Claims that argue for the thesis, rebuttals included"
      >
        <span aria-hidden="true">+ </span>
        {plural(c.pros, 'pro', 'pros')}
      </li>
      <li
        className="rounded bg-con-50 px-2 py-1 text-con-800"
        title="Claims that argue against the thesis"
      >
        <span aria-hidden="true">− </span>
        {plural(c.cons, 'con', 'cons')}
      </li>
      <li
        className={`rounded px-2 py-1 ${c.unanswered ? 'bg-amber-100 text-amber-900' : 'bg-stone-100 text-stone-700'}`}
      >
        {plural(c.unanswered, 'objection')} without rebuttal
      </li>
    </ul>
  );
});

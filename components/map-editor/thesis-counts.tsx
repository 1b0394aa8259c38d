import { thesisCounts } from '@/lib/domain/argument-tree';
import type { ClaimView } from '@/lib/domain/views';
import { plural } from '@/lib/format';

/** Live tallies for one thesis. */
export function ThesisCounts({ claims, thesisId }: { claims: ClaimView[]; thesisId: string }) {
  const c = thesisCounts(claims, thesisId);
  return (
    <dl className="mt-3 flex flex-wrap gap-2 text-sm" aria-label="Counts for this thesis">
      <div className="rounded bg-pro-50 px-2 py-1 text-pro-800">
        <dt className="sr-only">Pro claims</dt>
        <dd>
          <span aria-hidden="true">+ </span>
          {plural(c.pros, 'pro', 'pros')}
        </dd>
      </div>
      <div className="rounded bg-con-50 px-2 py-1 text-con-800">
        <dt className="sr-only">Con claims</dt>
        <dd>
          <span aria-hidden="true">− </span>
          {plural(c.cons, 'con', 'cons')}
        </dd>
      </div>
      <div
        className={`rounded px-2 py-1 ${c.unanswered ? 'bg-amber-100 text-amber-900' : 'bg-stone-100 text-stone-700'}`}
      >
        <dt className="sr-only">Objections without a rebuttal</dt>
        <dd>{plural(c.unanswered, 'objection')} without rebuttal</dd>
      </div>
    </dl>
  );
}

import { StanceBadge } from '@/components/map/stance-badge';
import { childrenAt } from '@/lib/domain/argument-tree';
import { roles } from '@/lib/domain/dialectic';
import { groupBy } from '@/lib/domain/group-by';
import { isAnchored, LOST_QUOTE } from '@/lib/domain/reanchor';
import type { ClaimView, MapView } from '@/lib/domain/views';
import { ClaimFeedbackBox } from './claim-feedback-box';
import type { ClaimFeedbackView } from '@/lib/domain/classroom/views';

/**
 * The work's map as a readable outline for grading: per thesis, each claim with its stance, its
 * quoted evidence, the author's rating, and the teacher's feedback box.
 */
export function GradingOutline(props: {
  map: MapView;
  workId: string;
  feedback: ClaimFeedbackView[];
}) {
  const { map } = props;
  const anchors = groupBy(map.anchors, (a) => a.claimId);
  const blocksOf = new Map(map.debate.theses.map((t) => [t.source.id, t.source.blocks]));
  const notes = groupBy(props.feedback, (f) => f.claimId);
  const theses = [...map.debate.theses].sort((x, y) => x.position - y.position);
  const roleOf = roles(map.claims);

  function branch(thesisId: string, parent: ClaimView | null, depth: number) {
    const children = childrenAt(map.claims, { thesisId, parentId: parent?.id ?? null });
    if (children.length === 0) return null;
    return (
      <ul
        className={
          depth > 0 ? 'ml-3 mt-2 space-y-3 border-l-2 border-stone-200 pl-3 sm:ml-5' : 'space-y-3'
        }
      >
        {children.map((c) => (
          <li key={c.id}>
            <div className="rounded-md border border-stone-200 bg-white p-3">
              <div className="flex flex-wrap items-start gap-2">
                <StanceBadge stance={c.stance} role={roleOf.get(c.id) ?? 'support'} />
                <p className="min-w-0 flex-1 font-medium text-stone-900">{c.text}</p>
                {c.strength != null && (
                  <span className="text-xs text-stone-600">Author’s rating {c.strength}/5</span>
                )}
              </div>
              {(anchors.get(c.id) ?? []).map((a) => (
                <blockquote
                  key={a.id}
                  className="mt-2 border-l-4 border-stone-300 pl-3 text-sm italic text-stone-700"
                >
                  “{a.exact}”
                  {!isAnchored(a, blocksOf.get(a.sourceId) ?? []) && (
                    <span className="block text-xs font-semibold not-italic text-con-800">
                      {LOST_QUOTE}.
                    </span>
                  )}
                </blockquote>
              ))}
              {c.note && <p className="mt-2 text-sm text-stone-700">Note: {c.note}</p>}
              <ClaimFeedbackBox
                workId={props.workId}
                claimId={c.id}
                claimText={c.text}
                notes={notes.get(c.id) ?? []}
              />
            </div>
            {branch(thesisId, c, depth + 1)}
          </li>
        ))}
      </ul>
    );
  }

  return (
    <div className="space-y-6">
      {theses.map((t, i) => (
        <section key={t.id} aria-labelledby={`thesis-${t.id}`}>
          <h3 id={`thesis-${t.id}`} className="text-base font-semibold text-stone-900">
            Thesis {i + 1}: {t.label}
          </h3>
          <p className="mb-3 text-sm text-stone-600">{t.text}</p>
          {branch(t.id, null, 0) ?? (
            <p className="text-sm italic text-stone-600">No claims under this thesis yet.</p>
          )}
        </section>
      ))}
    </div>
  );
}

import Link from 'next/link';
import type { StatsThesis } from '@/lib/domain/classroom/dashboard-stats';
import { ClaimText } from './claim-text';
import type { ComparedWork } from '@/lib/domain/classroom/views';

const link = 'font-medium text-stone-900 underline underline-offset-2 hover:text-stone-600';

/** One map of a comparison: its unanswered objections, cross-links and claims thesis by thesis. */
export function ComparedColumn({
  work,
  theses,
  assignmentId,
}: {
  work: ComparedWork;
  theses: StatsThesis[];
  assignmentId: string;
}) {
  const label = (thesisId: string | null) => theses.find((t) => t.id === thesisId)?.label ?? '';
  const headingId = `work-${work.workId}`;
  return (
    <section
      aria-labelledby={headingId}
      data-testid="compared-work"
      className="min-w-0 space-y-4 rounded-md border border-stone-200 bg-white p-4"
    >
      <header className="space-y-1">
        <h2 id={headingId} className="text-lg font-semibold">
          {work.name}
        </h2>
        {work.members.length > 0 && work.members.join(', ') !== work.name && (
          <p className="text-sm text-stone-700">{work.members.join(', ')}</p>
        )}
        <p className="text-sm text-stone-700">
          Arguing for: <strong>{work.sideLabels.join(' and ') || 'both theses'}</strong>
        </p>
        <p className="flex flex-wrap gap-x-4 text-sm">
          <Link className={link} href={`/maps/${work.mapId}`}>
            Open map<span className="sr-only"> of {work.name}</span>
          </Link>
          <Link className={link} href={`/assignments/${assignmentId}/work/${work.workId}`}>
            Grade<span className="sr-only"> {work.name}</span>
          </Link>
        </p>
      </header>

      <div className="space-y-2">
        <h3 className="font-semibold">Unanswered objections ({work.unanswered.length})</h3>
        {work.unanswered.length === 0 ? (
          <p className="text-sm text-stone-700">Every objection has a rebuttal.</p>
        ) : (
          <ul className="space-y-2" data-testid="unanswered">
            {work.unanswered.map((o) => (
              <li key={`${o.thesisId}-${o.claim.id}`} className="border-l-4 border-con-600 pl-3">
                <ClaimText claim={o.claim} />
                <p className="text-xs text-stone-600">
                  {o.viaLink ? 'Cross-link attack on ' : 'Objects to '}
                  {o.target ? `“${o.target.text}”` : `the thesis “${label(o.thesisId)}”`}
                </p>
              </li>
            ))}
          </ul>
        )}
      </div>

      {work.crossLinks.length > 0 && (
        <div className="space-y-2">
          <h3 className="font-semibold">Cross-links ({work.crossLinks.length})</h3>
          <ul className="space-y-1 text-sm">
            {work.crossLinks.map((l, i) => (
              <li key={i}>
                “{l.from.text}” {l.stance === 'pro' ? 'supports' : 'attacks'}{' '}
                {l.to ? `“${l.to.text}”` : `the thesis “${label(l.toThesisId)}”`}
              </li>
            ))}
          </ul>
        </div>
      )}

      {theses.map((t) => {
        const outline = work.outline[t.id] ?? [];
        return (
          <div key={t.id} className="space-y-2">
            <h3 className="font-semibold">
              {t.label} <span className="font-normal text-stone-600">({outline.length})</span>
            </h3>
            {outline.length === 0 ? (
              <p className="text-sm text-stone-600">No claims yet.</p>
            ) : (
              <ul className="space-y-1">
                {outline.map((e) => (
                  <li
                    key={e.claim.id}
                    style={{ marginLeft: `${Math.min(e.depth, 6) * 1}rem` }}
                    className={e.depth > 0 ? 'border-l border-stone-200 pl-2' : undefined}
                  >
                    <ClaimText claim={e.claim} />
                  </li>
                ))}
              </ul>
            )}
          </div>
        );
      })}
    </section>
  );
}

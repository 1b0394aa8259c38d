import type { Meeting } from '@/lib/domain/classroom/compare';
import type { StatsThesis } from '@/lib/domain/classroom/dashboard-stats';
import { ClaimText } from './claim-text';

/** "Where they meet": pairs of claims, one from each map, on the same passage or in close words. */
export function MeetingList({
  a,
  b,
  meetings,
  sources,
  theses,
}: {
  a: string;
  b: string;
  meetings: Meeting[];
  sources: Record<string, string>;
  theses: StatsThesis[];
}) {
  const label = (thesisId: string) => theses.find((t) => t.id === thesisId)?.label ?? '';
  return (
    <section aria-labelledby="meet-heading" className="space-y-3">
      <h2 id="meet-heading" className="text-lg font-semibold">
        Where they meet
      </h2>
      <p className="max-w-3xl text-sm text-stone-700">
        Pairs of claims that quote overlapping words of the same paragraph, or say nearly the same
        thing (at least half their key words in common).
      </p>
      {meetings.length === 0 ? (
        <p className="rounded-md border border-stone-200 bg-white p-4 text-sm text-stone-700">
          No claims meet yet: the two maps quote different passages and use different words.
        </p>
      ) : (
        <ol className="space-y-3">
          {meetings.map((m) => (
            <li
              key={`${m.a.id}-${m.b.id}`}
              data-testid="meeting"
              className="space-y-2 rounded-md border border-stone-200 bg-white p-3"
            >
              <p className="text-xs font-medium uppercase tracking-wide text-stone-600">
                {m.reasons
                  .map((r) => (r === 'passage' ? 'Same passage' : 'Close wording'))
                  .join(' · ')}
              </p>
              <div className="grid gap-3 sm:grid-cols-2">
                <div className="min-w-0">
                  <p className="text-xs text-stone-600">
                    {a} · {label(m.a.thesisId)}
                  </p>
                  <ClaimText claim={m.a} />
                </div>
                <div className="min-w-0">
                  <p className="text-xs text-stone-600">
                    {b} · {label(m.b.thesisId)}
                  </p>
                  <ClaimText claim={m.b} />
                </div>
              </div>
              {m.passage && (
                <figure className="border-l-4 border-amber-400 bg-amber-50 px-3 py-2 text-sm">
                  <blockquote className="italic text-stone-800">“{m.passage.text}”</blockquote>
                  <figcaption className="mt-1 text-xs text-stone-600">
                    {sources[m.passage.sourceId] ?? 'The article'}, paragraph {m.passage.block + 1}
                  </figcaption>
                </figure>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

'use client';

import type { AnchorView } from '@/lib/domain/views';
import { useSession } from '@/components/map/session';
import { truncate } from '@/lib/domain/text';
import { isAnchored, LOST_QUOTE } from '@/lib/domain/reanchor';

/** A claim's quoted evidence: each quote shows its passage in the article when clicked. */
export function ClaimQuotes({ anchors }: { anchors: AnchorView[] }) {
  const session = useSession();
  if (anchors.length === 0) return null;
  return (
    <ul className="mt-2 space-y-1" aria-label="Quoted evidence">
      {anchors.map((a) => {
        const source = session.theses.find((t) => t.source.id === a.sourceId)?.source;
        // A quote whose words are no longer at its place: its article was edited since.
        const lost = source !== undefined && !isAnchored(a, source.blocks);
        return (
          <li key={a.id} className="flex items-start gap-1">
            {lost ? (
              <div
                data-quote={a.id}
                data-quote-lost
                className="min-w-0 flex-1 rounded border-l-4 border-con-600 bg-stone-100 px-2 py-1 font-serif text-sm text-stone-700"
              >
                <span className="italic">“{a.exact}”</span>
                <span className="mt-0.5 block font-sans text-xs font-semibold not-italic text-con-800">
                  {LOST_QUOTE} ({source.publisher}).
                </span>
              </div>
            ) : (
              <button
                type="button"
                data-quote={a.id}
                onClick={() => session.showQuote(a)}
                className="min-w-0 flex-1 rounded border-l-4 border-amber-500 bg-amber-50 px-2 py-1 text-left font-serif text-sm text-stone-800 hover:bg-amber-100"
              >
                <span className="italic">“{a.exact}”</span>
                <span className="mt-0.5 block font-sans text-xs not-italic text-stone-600">
                  {source?.publisher ?? 'Article'} · show in article
                </span>
              </button>
            )}
            {session.canEdit && (
              <button
                type="button"
                onClick={() => session.writes.removeAnchor(a.id)}
                className="rounded px-1.5 py-1 text-sm text-stone-600 hover:bg-stone-100 hover:text-con-800"
                aria-label={`Remove quote “${truncate(a.exact, 40)}”`}
              >
                <span aria-hidden="true">✕</span>
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}

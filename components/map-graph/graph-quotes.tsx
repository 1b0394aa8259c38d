'use client';

import { useEffect, useRef } from 'react';
import { useSession } from '@/components/map/session';
import type { AnchorView } from '@/lib/domain/views';
import { plural } from '@/lib/format';
import { isAnchored, LOST_QUOTE } from '@/lib/domain/reanchor';

/**
 * The selected box's evidence, beside the graph: each quote in full, with its article, and a way
 * to read it in place (the study desk opens on the passage).
 */
export function GraphQuotes({ anchors, focus }: { anchors: AnchorView[]; focus: boolean }) {
  const session = useSession();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) heading.current?.focus();
  }, [focus]);
  return (
    <section aria-labelledby="graph-quotes" className="border-t border-stone-200 pt-2">
      <h3
        id="graph-quotes"
        ref={heading}
        tabIndex={-1}
        className="text-sm font-semibold outline-none"
      >
        {anchors.length ? plural(anchors.length, 'quote') : 'No quote yet'}
      </h3>
      <ul className="mt-1 space-y-1.5" data-graph-quote-list>
        {anchors.map((a) => {
          const source = session.theses.find((t) => t.source.id === a.sourceId)?.source;
          if (source && !isAnchored(a, source.blocks))
            return (
              <li
                key={a.id}
                data-quote-lost
                className="rounded border-l-4 border-con-600 bg-stone-100 px-2 py-1"
              >
                <p className="font-serif text-sm italic text-stone-700">“{a.exact}”</p>
                <p className="mt-0.5 text-xs font-semibold text-con-800">
                  {LOST_QUOTE} ({source.publisher}).
                </p>
              </li>
            );
          return (
            <li key={a.id} className="rounded border-l-4 border-amber-500 bg-amber-50 px-2 py-1">
              <p className="font-serif text-sm italic text-stone-800">“{a.exact}”</p>
              <button
                type="button"
                className="mt-0.5 text-xs font-semibold text-stone-700 underline hover:text-stone-900"
                onClick={() => {
                  session.setView('outline');
                  session.showQuote(a);
                }}
              >
                {source?.publisher ?? 'Article'}: read it in the article
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

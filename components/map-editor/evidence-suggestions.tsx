'use client';

import { Button } from '@/components/ui/button';
import type { FoundPassage } from '@/lib/domain/evidence-finder';

/**
 * The evidence finder's picks for a claim (lib/domain/evidence-finder.ts): the sentences of both
 * articles most related to it, each to attach as evidence or to answer the claim with.
 */
export function EvidenceSuggestions({
  passages,
  publisherOf,
  onSupport,
  onObject,
}: {
  passages: FoundPassage[];
  publisherOf: (sourceId: string) => string;
  onSupport: (p: FoundPassage) => void;
  onObject: (p: FoundPassage) => void;
}) {
  if (!passages.length) return null;
  return (
    <section aria-labelledby="evidence-heading" data-evidence className="space-y-2">
      <h3 id="evidence-heading" className="text-sm font-semibold text-stone-800">
        Related passages in the articles
      </h3>
      <ol className="space-y-2">
        {passages.map((p) => (
          <li
            key={`${p.sourceId}:${p.location.block}:${p.location.start}`}
            className="rounded-md border border-stone-200 bg-stone-50 p-2"
          >
            <blockquote className="font-serif text-sm text-stone-900">“{p.text}”</blockquote>
            <p className="mt-0.5 text-xs text-stone-600">{publisherOf(p.sourceId)}</p>
            <div className="mt-1.5 flex flex-wrap gap-2">
              <Button size="sm" onClick={() => onSupport(p)}>
                Quote as support
              </Button>
              <Button size="sm" onClick={() => onObject(p)}>
                Quote as objection
              </Button>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

'use client';

import type { LinkEnd } from '@/lib/domain/cross-links';
import { useSession } from '@/components/map/session';
import { inLabel } from '@/lib/editor/places';

const LABELS = {
  out: { arrow: '⇢ ', pro: 'Supports', con: 'Attacks' },
  into: { arrow: '⇠ ', pro: 'Supported by', con: 'Attacked by' },
} as const;

/** A claim's cross-links, both ways: what it supports or attacks on the other side, and what does so to it. */
export function ClaimLinks({ out, into }: { out: LinkEnd[]; into: LinkEnd[] }) {
  const readOnly = !useSession().canEdit;
  if (out.length + into.length === 0) return null;
  return (
    <ul className="mt-2 space-y-1 text-sm" aria-label="Cross-links to the other side">
      {out.map((l) => (
        <LinkLine key={l.id} end={l} direction="out" removable={!readOnly} />
      ))}
      {into.map((l) => (
        <LinkLine key={l.id} end={l} direction="into" removable={false} />
      ))}
    </ul>
  );
}

/** One cross-link: its relation, the claim (a link to it) or thesis at the other end. */
function LinkLine({
  end,
  direction,
  removable,
}: {
  end: LinkEnd;
  direction: 'out' | 'into';
  removable: boolean;
}) {
  const session = useSession();
  const label = LABELS[direction];
  return (
    <li data-link={direction === 'out' ? end.id : undefined} className="flex items-start gap-1">
      <span
        className={`shrink-0 font-semibold ${end.stance === 'pro' ? 'text-pro-800' : 'text-con-800'}`}
      >
        <span aria-hidden="true">{label.arrow}</span>
        {label[end.stance]}
      </span>
      {end.otherClaimId ? (
        <button
          type="button"
          onClick={() => session.focus(end.otherClaimId!)}
          className="min-w-0 text-left text-blue-800 underline"
        >
          {inLabel(end.otherText)}
        </button>
      ) : (
        <span className="min-w-0">the thesis “{end.otherText}”</span>
      )}
      {removable && (
        <button
          type="button"
          onClick={() => session.writes.removeLink(end.id)}
          className="ml-auto rounded px-1.5 text-stone-600 hover:bg-stone-100 hover:text-con-800"
          aria-label="Remove this cross-link"
        >
          <span aria-hidden="true">✕</span>
        </button>
      )}
    </li>
  );
}

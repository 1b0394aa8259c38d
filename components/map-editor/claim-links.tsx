'use client';

import type { Stance } from '@/lib/domain/argument-tree';
import { useEditorActions } from './editor-context';

/** One end of a cross-link as a claim row shows it. */
export interface LinkEnd {
  id: string;
  stance: Stance;
  /** The claim at the other end, or null when it is a thesis. */
  otherClaimId: string | null;
  otherText: string;
}

const short = (t: string) => (t.length > 60 ? `${t.slice(0, 57)}…` : t);

/** A claim's cross-links, both ways: what it supports or attacks on the other side, and what does so to it. */
export function ClaimLinks({ out, into }: { out: LinkEnd[]; into: LinkEnd[] }) {
  const { focusClaim, readOnly, removeLink } = useEditorActions();
  if (out.length + into.length === 0) return null;
  return (
    <ul className="mt-2 space-y-1 text-sm" aria-label="Cross-links to the other side">
      {out.map((l) => (
        <li key={l.id} data-link={l.id} className="flex items-start gap-1">
          <span
            className={`shrink-0 font-semibold ${l.stance === 'pro' ? 'text-pro-800' : 'text-con-800'}`}
          >
            <span aria-hidden="true">⇢ </span>
            {l.stance === 'pro' ? 'Supports' : 'Attacks'}
          </span>
          {l.otherClaimId ? (
            <button
              type="button"
              onClick={() => focusClaim(l.otherClaimId!)}
              className="min-w-0 text-left text-blue-800 underline"
            >
              {short(l.otherText)}
            </button>
          ) : (
            <span className="min-w-0">the thesis “{l.otherText}”</span>
          )}
          {!readOnly && (
            <button
              type="button"
              onClick={() => removeLink(l.id)}
              className="ml-auto rounded px-1.5 text-stone-600 hover:bg-stone-100 hover:text-con-800"
              aria-label="Remove this cross-link"
            >
              <span aria-hidden="true">✕</span>
            </button>
          )}
        </li>
      ))}
      {into.map((l) => (
        <li key={l.id} className="flex items-start gap-1">
          <span
            className={`shrink-0 font-semibold ${l.stance === 'pro' ? 'text-pro-800' : 'text-con-800'}`}
          >
            <span aria-hidden="true">⇠ </span>
            {l.stance === 'pro' ? 'Supported by' : 'Attacked by'}
          </span>
          <button
            type="button"
            onClick={() => focusClaim(l.otherClaimId!)}
            className="min-w-0 text-left text-blue-800 underline"
          >
            {short(l.otherText)}
          </button>
        </li>
      ))}
    </ul>
  );
}

'use client';

import type { ClaimView } from '@/lib/domain/views';
import { useEditor } from './editor-context';

const short = (t: string) => (t.length > 60 ? `${t.slice(0, 57)}…` : t);

/** A claim's cross-links, both ways: what it supports or attacks on the other side, and what does so to it. */
export function ClaimLinks({ claim }: { claim: ClaimView }) {
  const { api, theses, focusClaim, readOnly } = useEditor();
  const out = api.links.filter((l) => l.fromClaimId === claim.id);
  const into = api.links.filter((l) => l.toClaimId === claim.id);
  if (out.length + into.length === 0) return null;
  const text = (id: string | null) => api.claims.find((c) => c.id === id)?.text ?? '';
  const thesisLabel = (id: string | null) => theses.find((t) => t.id === id)?.label ?? '';

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
          {l.toClaimId ? (
            <button
              type="button"
              onClick={() => focusClaim(l.toClaimId!)}
              className="min-w-0 text-left text-blue-800 underline"
            >
              {short(text(l.toClaimId))}
            </button>
          ) : (
            <span className="min-w-0">the thesis “{thesisLabel(l.toThesisId)}”</span>
          )}
          {!readOnly && (
            <button
              type="button"
              onClick={() => api.removeLink(l.id)}
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
            onClick={() => focusClaim(l.fromClaimId)}
            className="min-w-0 text-left text-blue-800 underline"
          >
            {short(text(l.fromClaimId))}
          </button>
        </li>
      ))}
    </ul>
  );
}

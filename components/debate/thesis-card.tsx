import type { ReactNode } from 'react';
import type { ThesisView } from '@/lib/domain/views';

/** A thesis: the side's short name, its statement, and where it comes from. */
export function ThesisCard({ thesis, children }: { thesis: ThesisView; children?: ReactNode }) {
  return (
    <div className="rounded-lg border-2 border-stone-800 bg-white p-4 shadow-sm">
      <p className="text-xs font-semibold uppercase tracking-wide text-stone-600">
        Thesis {thesis.position + 1} · {thesis.source.publisher}
      </p>
      <h2 className="mt-1 text-lg font-bold leading-snug text-stone-900">{thesis.label}</h2>
      <p className="mt-1 text-base text-stone-800">{thesis.text}</p>
      {children}
    </div>
  );
}

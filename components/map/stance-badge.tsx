import type { Stance } from '@/lib/domain/argument-tree';

/** Pro or con, in words and a sign as well as colour, so it reads in greyscale too. */
export function StanceBadge({ stance, rebuttal = false }: { stance: Stance; rebuttal?: boolean }) {
  const label = stance === 'pro' ? 'Pro' : rebuttal ? 'Rebuttal' : 'Con';
  return (
    <span
      className={`inline-flex shrink-0 items-center gap-1 rounded px-1.5 py-0.5 text-xs font-bold uppercase tracking-wide ${
        stance === 'pro' ? 'bg-pro-100 text-pro-800' : 'bg-con-100 text-con-800'
      }`}
    >
      <span aria-hidden="true">{stance === 'pro' ? '+' : '−'}</span>
      {label}
    </span>
  );
}

import type { Stance } from '@/lib/domain/argument-tree';
import { helpsThesis, type Role } from '@/lib/domain/dialectic';

const WORDS: Record<Role, string> = {
  support: 'Pro',
  objection: 'Con',
  rebuttal: 'Rebuttal',
  'objection-support': 'Pro',
};

/**
 * What a claim is, in words and a sign as well as colour, so it reads in greyscale too: the words
 * and sign say how it answers its parent (pro +, con −, a rebuttal), the colour which side it
 * helps (green for the thesis, red against), as in the counts, the graph and the brief.
 */
export function StanceBadge({ stance, role }: { stance: Stance; role: Role }) {
  return (
    <span
      data-helps={helpsThesis(role) ? 'thesis' : 'against'}
      className={`inline-flex shrink-0 items-center gap-1 rounded px-1.5 py-0.5 text-xs font-bold uppercase tracking-wide ${
        helpsThesis(role) ? 'bg-pro-100 text-pro-800' : 'bg-con-100 text-con-800'
      }`}
    >
      <span aria-hidden="true">{stance === 'pro' ? '+' : '−'}</span>
      {WORDS[role]}
    </span>
  );
}

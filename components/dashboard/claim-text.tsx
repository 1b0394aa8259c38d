import type { Stance } from '@/lib/domain/argument-tree';

/** A claim's text with its stance as a small tag (pro / con), as the map shows it. */
export function ClaimText({ claim }: { claim: { text: string; stance: Stance } }) {
  const pro = claim.stance === 'pro';
  return (
    <p className="text-sm text-stone-900">
      <span
        className={`mr-2 inline-block rounded px-1.5 py-0.5 text-xs font-semibold ${pro ? 'bg-pro-100 text-pro-800' : 'bg-con-100 text-con-800'}`}
      >
        {pro ? 'Pro' : 'Con'}
      </span>
      {claim.text || <em className="text-stone-500">(empty claim)</em>}
    </p>
  );
}

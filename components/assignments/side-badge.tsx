/** Which thesis a piece of work argues, by its label (thesis 1 blue, thesis 2 amber: not pro/con). */
export function SideBadge({ labels, side }: { labels: string[]; side: string }) {
  const number = side === 'first' ? 1 : 2;
  const text =
    side === 'both' ? 'Both theses' : `Thesis ${number}${labels[0] ? `: ${labels[0]}` : ''}`;
  const tone =
    side === 'first'
      ? 'border-sky-700 bg-sky-50 text-sky-900'
      : side === 'second'
        ? 'border-amber-700 bg-amber-50 text-amber-900'
        : 'border-stone-400 bg-stone-50 text-stone-800';
  return (
    <span className={`inline-block rounded-full border px-2 py-0.5 text-sm font-medium ${tone}`}>
      <span className="sr-only">Your side: </span>
      {text}
    </span>
  );
}

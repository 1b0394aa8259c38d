/** A debate's motion as a page's heading (id "motion", for aria-labelledby), and its summary. */
export function MotionHeading({ motion, summary }: { motion: string; summary?: string | null }) {
  return (
    <>
      <p className="text-sm font-semibold uppercase tracking-wide text-stone-600">The motion</p>
      <h1
        id="motion"
        className="max-w-4xl text-2xl font-bold leading-tight text-stone-900 sm:text-3xl"
      >
        {motion}
      </h1>
      {summary && <p className="max-w-3xl text-base text-stone-700">{summary}</p>}
    </>
  );
}

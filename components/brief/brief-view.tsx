import Link from 'next/link';
import { roleLabel, type Brief, type BriefNode, type BriefPoint } from '@/lib/domain/brief';
import { plural } from '@/lib/format';
import { LOST_QUOTE } from '@/lib/domain/reanchor';
import { PrintButton } from './print-button';
import { buttonClass } from '@/components/ui/button';

/** Quotes with a short cite; the full citation is in the sources list at the end. */
function Quotes({ point, sources }: { point: BriefPoint; sources: Brief['sources'] }) {
  if (!point.quotes.length) return null;
  return (
    <div className="mt-1 space-y-1">
      {point.quotes.map((q, i) => (
        <blockquote
          key={i}
          className="border-l-4 border-amber-500 pl-3 font-serif text-[0.95rem] italic text-stone-800"
        >
          “{q.exact}”{' '}
          <cite className="font-sans text-xs not-italic text-stone-600">
            — {sources[q.source - 1]?.short ?? 'source'}
          </cite>
          {q.lost && (
            <span className="block font-sans text-xs font-semibold not-italic text-con-800">
              {LOST_QUOTE}.
            </span>
          )}
        </blockquote>
      ))}
    </div>
  );
}

const Strength = ({ point }: { point: BriefPoint }) =>
  point.claim.strength ? (
    <span className="ml-2 text-xs font-medium text-stone-600">
      strength {point.claim.strength}/5
    </span>
  ) : null;

const Note = ({ point }: { point: BriefPoint }) =>
  point.claim.note ? (
    <p className="mt-1 whitespace-pre-line text-sm text-stone-700">Note: {point.claim.note}</p>
  ) : null;

/** Deep trees stop indenting after a few levels so the text keeps a readable width. */
const MAX_INDENT = 6;

/** One thesis's tree, every claim at every depth, coloured by the side it helps. */
function Tree({
  nodes,
  ours,
  sources,
}: {
  nodes: BriefNode[];
  ours: boolean;
  sources: Brief['sources'];
}) {
  if (!nodes.length) return null;
  const indent = (nodes[0]?.depth ?? 0) > 0 && nodes[0]!.depth <= MAX_INDENT;
  return (
    <ul className={`space-y-3 ${indent ? 'mt-2 border-l border-stone-200 pl-4' : 'mt-3'}`}>
      {nodes.map((n) => (
        <li key={n.claim.id} data-brief-claim={n.claim.id} className="break-inside-avoid-page">
          <p className={`font-medium ${n.helps === 'us' ? 'text-pro-800' : 'text-con-800'}`}>
            {n.gap && (
              <span className="mr-2 rounded bg-con-100 px-1.5 py-0.5 text-xs font-bold uppercase">
                Gap
              </span>
            )}
            <span className="mr-1 text-xs font-semibold uppercase tracking-wide">
              {roleLabel(n, ours)}
              {n.depth >= MAX_INDENT ? ` (level ${n.depth + 1})` : ''}:
            </span>{' '}
            <span className="whitespace-pre-line text-stone-900">{n.claim.text}</span>
            <Strength point={n} />
          </p>
          <Quotes point={n} sources={sources} />
          <Note point={n} />
          <Tree nodes={n.children} ours={ours} sources={sources} />
        </li>
      ))}
    </ul>
  );
}

const Heading = ({ id, children }: { id: string; children: React.ReactNode }) => (
  <h2 id={id} className="border-b border-stone-300 pb-1 text-xl font-bold">
    {children}
  </h2>
);

/** The printable brief for one side: the whole map, then what to prepare, then the sources. */
export function BriefView({
  brief,
  basePath,
  side,
}: {
  brief: Brief;
  basePath: string;
  side: number;
}) {
  const other = side === 1 ? 2 : 1;
  const missing = brief.claimCount - brief.shown;
  return (
    <article className="mx-auto max-w-3xl space-y-8 bg-white p-6 print:max-w-none print:p-0 sm:p-10">
      <nav data-no-print aria-label="Brief" className="flex flex-wrap items-center gap-3 text-sm">
        <Link href={basePath} className="font-medium underline">
          Back to the map
        </Link>
        <Link href={`${basePath}/brief?side=${other}`} className="font-medium underline">
          Brief for the other side
        </Link>
        <span className="flex-1" />
        <PrintButton />
        <a
          href={`${basePath}/export/brief-pdf?side=${side}`}
          className={buttonClass({ variant: 'primary' })}
        >
          Download PDF
        </a>
      </nav>
      <header>
        <p className="text-sm text-stone-600">Motion: {brief.motion}</p>
        <h1 className="mt-1 text-3xl font-bold">Brief: {brief.thesis.label}</h1>
        <p className="mt-1 text-stone-800">{brief.thesis.text}</p>
        <p className="mt-1 text-sm text-stone-600">
          From the map “{brief.title}”. Opponent: {brief.opponent.label}.{' '}
          {missing > 0
            ? `${plural(missing, 'claim is', 'claims are')} not shown (their place in the map is broken).`
            : `All ${plural(brief.claimCount, 'claim', 'claims')} of the map are below.`}{' '}
          Green helps our side, red helps theirs.
        </p>
        {brief.gaps > 0 && (
          <p className="mt-3 rounded-md border border-con-600 bg-con-50 px-3 py-2 font-semibold text-con-800">
            {plural(brief.gaps, 'objection has', 'objections have')} no prepared rebuttal yet
            (marked “Gap”).
          </p>
        )}
      </header>

      <section aria-labelledby="case">
        <Heading id="case">1. Our case: {brief.thesis.label}</Heading>
        {brief.case.length === 0 && <p className="mt-2 text-stone-600">No claims yet.</p>}
        <Tree nodes={brief.case} ours sources={brief.sources} />
      </section>

      <section aria-labelledby="objections">
        <Heading id="objections">2. Objections to expect, and our rebuttals</Heading>
        {brief.objections.length === 0 && (
          <p className="mt-2 text-stone-600">No objections mapped yet.</p>
        )}
        <ol className="mt-3 space-y-4">
          {brief.objections.map((o) => (
            <li key={o.claim.id} data-objection className="break-inside-avoid">
              <p className={`font-semibold ${o.gap ? 'text-con-800' : 'text-stone-900'}`}>
                {o.gap && (
                  <span className="mr-2 rounded bg-con-100 px-1.5 py-0.5 text-xs font-bold uppercase">
                    Gap
                  </span>
                )}
                {o.claim.text}
                {o.fromOtherSide && (
                  <span className="ml-2 text-xs font-normal text-stone-600">
                    (from the other side)
                  </span>
                )}
              </p>
              <p className="text-sm text-stone-600">Against {o.target}</p>
              {o.gap && <p className="mt-1 text-sm text-con-800">No rebuttal prepared yet.</p>}
              {o.rebuttals.map((r) => (
                <p key={r.claim.id} className="ml-5 mt-1 font-medium text-pro-800">
                  Rebuttal: {r.claim.text}
                  <Strength point={r} />
                </p>
              ))}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="their-case">
        <Heading id="their-case">3. Their case: {brief.opponent.label}</Heading>
        <p className="mt-1 text-sm text-stone-600">
          {plural(brief.attacks.length, 'objection', 'objections')} of ours to it
          {brief.attacks.some((a) => a.byLink)
            ? `, ${brief.attacks.filter((a) => a.byLink).length} of them by cross-links from our side`
            : ''}
          .
        </p>
        {brief.theirCase.length === 0 && <p className="mt-2 text-stone-600">No claims yet.</p>}
        <Tree nodes={brief.theirCase} ours={false} sources={brief.sources} />
      </section>

      <section aria-labelledby="sources">
        <Heading id="sources">Sources</Heading>
        <ol className="mt-3 space-y-2 text-sm">
          {brief.sources.map((s) => (
            <li key={s.number}>
              [{s.number}] {s.citation}.{' '}
              {s.url ? (
                <a href={s.url} className="break-words underline">
                  {s.url}
                </a>
              ) : (
                <span className="text-stone-600">No web address given.</span>
              )}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}

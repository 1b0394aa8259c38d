import Link from 'next/link';
import type { Brief, BriefPoint } from '@/lib/domain/brief';
import { plural } from '@/lib/format';
import { PrintButton } from './print-button';

function Quotes({ point }: { point: BriefPoint }) {
  if (!point.quotes.length) return null;
  return (
    <div className="mt-1 space-y-1">
      {point.quotes.map((q, i) => (
        <blockquote
          key={i}
          className="border-l-4 border-amber-500 pl-3 font-serif text-sm italic text-stone-800"
        >
          “{q.exact}”
          <footer className="font-sans text-xs not-italic text-stone-600">
            — {q.citation},{' '}
            <a href={q.url} className="break-all underline">
              {q.url}
            </a>
          </footer>
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

/** The printable brief for one side: our case, the objections to expect with rebuttals, the gaps. */
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
  return (
    <article className="mx-auto max-w-3xl space-y-6 bg-white p-6 print:max-w-none print:p-0 sm:p-10">
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
          className="rounded-md bg-stone-900 px-3 py-1.5 font-medium text-white hover:bg-stone-700"
        >
          Download PDF
        </a>
      </nav>
      <header>
        <p className="text-sm text-stone-600">Motion: {brief.motion}</p>
        <h1 className="mt-1 text-3xl font-bold">Brief: {brief.thesis.label}</h1>
        <p className="mt-1 text-stone-800">{brief.thesis.text}</p>
        <p className="mt-1 text-sm text-stone-600">
          From the map “{brief.title}”. Opponent: {brief.opponent.label}.
        </p>
        {brief.gaps > 0 && (
          <p className="mt-3 rounded-md border border-con-600 bg-con-50 px-3 py-2 font-semibold text-con-800">
            {plural(brief.gaps, 'objection has', 'objections have')} no prepared rebuttal yet
            (marked “Gap”).
          </p>
        )}
      </header>

      <section aria-labelledby="case">
        <h2 id="case" className="border-b border-stone-300 pb-1 text-xl font-bold">
          1. Our case, strongest first
        </h2>
        {brief.case.length === 0 && (
          <p className="mt-2 text-stone-600">No supporting claims yet.</p>
        )}
        <ol className="mt-3 space-y-4">
          {brief.case.map((p) => (
            <li key={p.claim.id} className="break-inside-avoid">
              <p className="font-semibold text-pro-800">
                {p.claim.text}
                <Strength point={p} />
              </p>
              <Quotes point={p} />
              {p.support.map((s) => (
                <div key={s.claim.id} className="ml-5 mt-2">
                  <p>+ {s.claim.text}</p>
                  <Quotes point={s} />
                </div>
              ))}
              {p.claim.note && <p className="mt-1 text-sm text-stone-700">Note: {p.claim.note}</p>}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="objections">
        <h2 id="objections" className="border-b border-stone-300 pb-1 text-xl font-bold">
          2. Objections to expect, and our rebuttals
        </h2>
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
              <Quotes point={o} />
              {o.gap && <p className="mt-1 text-sm text-con-800">No rebuttal prepared yet.</p>}
              {o.rebuttals.map((r) => (
                <div key={r.claim.id} className="ml-5 mt-2">
                  <p className="font-medium text-pro-800">
                    Rebuttal: {r.claim.text}
                    <Strength point={r} />
                  </p>
                  <Quotes point={r} />
                </div>
              ))}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="attacks">
        <h2 id="attacks" className="border-b border-stone-300 pb-1 text-xl font-bold">
          3. Our objections to the other side
        </h2>
        {brief.attacks.length === 0 && <p className="mt-2 text-stone-600">None mapped yet.</p>}
        <ul className="mt-3 space-y-3">
          {brief.attacks.map((a) => (
            <li key={a.claim.id} className="break-inside-avoid">
              <p>
                – {a.claim.text}
                <Strength point={a} />
              </p>
              <p className="text-sm text-stone-600">
                Against {a.target}
                {a.byLink ? ' (cross-link from our side)' : ''}
              </p>
              <Quotes point={a} />
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}

'use client';

import Link from 'next/link';
import { TimeAgo } from '@/components/ui/time-ago';
import type { PersonContribution } from '@/lib/domain/classroom/contributions';
import type { DashboardRow } from '@/lib/domain/classroom/dashboard-stats';

const cell = 'border-b border-stone-200 px-2 py-1.5 align-top';
const num = `${cell} text-right tabular-nums`;
const link = 'font-medium text-stone-900 underline underline-offset-2 hover:text-stone-600';

const COLUMNS: { key: keyof PersonContribution & string; label: string; title: string }[] = [
  { key: 'claims', label: 'Claims', title: 'Live claims they wrote' },
  { key: 'quotes', label: 'Quotes', title: 'Live quotes they attached' },
  { key: 'rebuttals', label: 'Rebuttals', title: 'Their claims that answer an objection' },
  { key: 'comments', label: 'Comments', title: 'Live comments they wrote' },
  {
    key: 'edits',
    label: 'Edits',
    title: 'Changes to what was there: text, note, stance, rating, moves, deletes, links',
  },
  { key: 'words', label: 'Words', title: 'Words in the live claims they wrote' },
];

const KIND_NOTE: Partial<Record<PersonContribution['kind'], string>> = {
  teacher: 'teacher',
  other: 'not a member now',
};

/**
 * Who did what, for every piece of work: a row per student (and anyone else who did something:
 * the teacher, a student since moved), with the numbers lib/domain/classroom/contributions.ts
 * defines. Grouped by work in team and whole-class assignments; each person's "in the map" link
 * opens the map showing their claims. Scrolls sideways in its own box on a narrow screen, the
 * names staying in view.
 */
export function ContributionTable({
  mode,
  rows,
  people,
  now,
}: {
  mode: string;
  rows: DashboardRow[];
  people: Record<string, PersonContribution[]>;
  now: number;
}) {
  const works = rows.filter((r) => (people[r.workId]?.length ?? 0) > 0);
  if (works.length === 0) return null;
  const grouped = mode !== 'individual';
  return (
    <section aria-labelledby="who-did-what" className="space-y-2">
      <h2 id="who-did-what" className="text-lg font-semibold">
        Who did what
      </h2>
      <p className="max-w-3xl text-sm text-stone-700">
        Per student, from what is in the map now and its record of changes: the{' '}
        <strong>claims</strong> and <strong>quotes</strong> they added, how many of their claims are{' '}
        <strong>rebuttals</strong>, their <strong>comments</strong>, their <strong>edits</strong> to
        what was there, and the <strong>words</strong> of their claims.
      </p>
      <div
        role="region"
        aria-label="Who did what (scrolls sideways)"
        tabIndex={0}
        className="relative max-w-full overflow-x-auto rounded-md border border-stone-200 bg-white focus-visible:outline-2 focus-visible:outline-stone-900"
      >
        <table className="min-w-full border-collapse text-sm" data-testid="contributions">
          <caption className="sr-only">
            One row per student{grouped ? ', grouped by team' : ''}: what each of them did.
          </caption>
          <thead className="bg-stone-50">
            <tr>
              <th
                scope="col"
                className="sticky left-0 z-10 border-b border-stone-300 bg-stone-50 px-2 py-2 text-left font-semibold shadow-[1px_0_0_0_var(--color-stone-200)]"
              >
                Student
              </th>
              {COLUMNS.map((c) => (
                <th
                  key={c.key}
                  scope="col"
                  title={c.title}
                  className="border-b border-stone-300 px-2 py-2 text-right font-semibold"
                >
                  {c.label}
                </th>
              ))}
              <th
                scope="col"
                className="border-b border-stone-300 px-2 py-2 text-left font-semibold"
              >
                Last active
              </th>
              <th
                scope="col"
                className="border-b border-stone-300 px-2 py-2 text-left font-semibold"
              >
                <span className="sr-only">Their claims in the map</span>
              </th>
            </tr>
          </thead>
          {works.map((w) => (
            <tbody key={w.workId} data-work={w.workId}>
              {grouped && (
                <tr className="bg-stone-100">
                  <th
                    scope="rowgroup"
                    colSpan={COLUMNS.length + 3}
                    className="px-2 pb-1 pt-2 text-left text-xs font-semibold uppercase tracking-wide text-stone-700"
                  >
                    <span className="sticky left-2 inline-block">{w.name}</span>
                  </th>
                </tr>
              )}
              {people[w.workId]!.map((p) => {
                const idle = p.lastActive === null;
                return (
                  <tr
                    key={p.userId ?? 'unknown'}
                    data-testid="contribution-row"
                    data-person={p.name}
                    className="bg-white"
                  >
                    <th
                      scope="row"
                      className={`${cell} sticky left-0 z-10 min-w-32 bg-inherit text-left font-medium shadow-[1px_0_0_0_var(--color-stone-200)]`}
                    >
                      {p.name}
                      {KIND_NOTE[p.kind] && (
                        <span className="block text-xs font-normal text-stone-600">
                          {KIND_NOTE[p.kind]}
                        </span>
                      )}
                    </th>
                    {COLUMNS.map((c) => (
                      <td
                        key={c.key}
                        data-col={c.key}
                        className={`${num} ${p[c.key] === 0 ? 'text-stone-500' : ''}`}
                      >
                        {p[c.key]}
                      </td>
                    ))}
                    <td className={`${cell} whitespace-nowrap`}>
                      {idle ? (
                        <span className="text-stone-500">Nothing yet</span>
                      ) : (
                        <TimeAgo iso={p.lastActive!} now={now} />
                      )}
                    </td>
                    <td className={`${cell} whitespace-nowrap`}>
                      {p.userId && p.claims > 0 && (
                        <Link
                          className={link}
                          href={`/maps/${w.mapId}?author=${encodeURIComponent(p.userId)}`}
                        >
                          In the map<span className="sr-only">: {p.name}’s claims</span>
                        </Link>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          ))}
        </table>
      </div>
    </section>
  );
}

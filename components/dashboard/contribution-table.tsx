'use client';

import Link from 'next/link';
import { TimeAgo } from '@/components/ui/time-ago';
import type { PersonContribution } from '@/lib/domain/classroom/contributions';
import type { DashboardRow } from '@/lib/domain/classroom/dashboard-stats';

const cell = 'border-b border-stone-200 px-2 py-1.5 align-top';
const link = 'font-medium text-stone-900 underline underline-offset-2 hover:text-stone-600';

type Count = 'claims' | 'quotes' | 'rebuttals' | 'comments' | 'edits' | 'words';
const COLUMNS: { key: Count; label: string; title: string }[] = [
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

interface Props {
  mode: string;
  rows: DashboardRow[];
  people: Record<string, PersonContribution[]>;
  now: number;
}

/**
 * Who did what, for every piece of work: a row per student (and anyone else who did something:
 * the teacher, a student since moved), with the numbers lib/domain/classroom/contributions.ts
 * defines, grouped by work in team and whole-class assignments. Each person's "In the map" opens
 * the map showing their claims. A table from a small tablet up; on a phone, a card per student
 * with every number in view.
 */
export function ContributionTable(props: Props) {
  const works = props.rows.filter((r) => (props.people[r.workId]?.length ?? 0) > 0);
  if (works.length === 0) return null;
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
      <PeopleTable {...props} works={works} />
      <PeopleCards {...props} works={works} />
    </section>
  );
}

function InTheMap({ mapId, p }: { mapId: string; p: PersonContribution }) {
  if (!p.userId || p.claims === 0) return null;
  return (
    <Link className={link} href={`/maps/${mapId}?author=${encodeURIComponent(p.userId)}`}>
      In the map<span className="sr-only">: {p.name}’s claims</span>
    </Link>
  );
}

function LastActive({ p, now }: { p: PersonContribution; now: number }) {
  return p.lastActive === null ? (
    <span className="text-stone-500">Nothing yet</span>
  ) : (
    <TimeAgo iso={p.lastActive} now={now} />
  );
}

function PeopleTable({ mode, people, now, works }: Props & { works: DashboardRow[] }) {
  const grouped = mode !== 'individual';
  return (
    <div
      role="region"
      aria-label="Who did what (scrolls sideways)"
      tabIndex={0}
      className="relative hidden w-fit max-w-full overflow-x-auto rounded-md border border-stone-200 bg-white focus-visible:outline-2 focus-visible:outline-stone-900 sm:block"
    >
      <table className="border-collapse text-sm" data-testid="contributions">
        <caption className="sr-only">
          One row per student{grouped ? ', grouped by team' : ''}: what each of them did.
        </caption>
        <thead className="bg-stone-50">
          <tr>
            <th
              scope="col"
              className="sticky left-0 z-10 min-w-40 border-b border-stone-300 bg-stone-50 px-2 py-2 text-left font-semibold shadow-[1px_0_0_0_var(--color-stone-200)]"
            >
              Student
            </th>
            {COLUMNS.map((c) => (
              <th
                key={c.key}
                scope="col"
                title={c.title}
                className="border-b border-stone-300 px-3 py-2 text-right font-semibold"
              >
                {c.label}
              </th>
            ))}
            <th scope="col" className="border-b border-stone-300 px-3 py-2 text-left font-semibold">
              Last active
            </th>
            <th scope="col" className="border-b border-stone-300 px-2 py-2">
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
            {people[w.workId]!.map((p) => (
              <tr key={p.userId ?? 'unknown'} data-testid="contribution-row" className="bg-white">
                <th
                  scope="row"
                  className={`${cell} sticky left-0 z-10 bg-inherit text-left font-medium shadow-[1px_0_0_0_var(--color-stone-200)]`}
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
                    className={`${cell} px-3 text-right tabular-nums ${p[c.key] === 0 ? 'text-stone-500' : ''}`}
                  >
                    {p[c.key]}
                  </td>
                ))}
                <td className={`${cell} whitespace-nowrap px-3`}>
                  <LastActive p={p} now={now} />
                </td>
                <td className={`${cell} whitespace-nowrap`}>
                  <InTheMap mapId={w.mapId} p={p} />
                </td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}

/** On a phone: a card per person, every number in view, under its work's name. */
function PeopleCards({ mode, people, now, works }: Props & { works: DashboardRow[] }) {
  const grouped = mode !== 'individual';
  return (
    <div className="space-y-3 sm:hidden">
      {works.map((w) => (
        <div key={w.workId} className="space-y-2">
          {grouped && (
            <h3 className="text-xs font-semibold uppercase tracking-wide text-stone-700">
              {w.name}
            </h3>
          )}
          <ul className="space-y-2">
            {people[w.workId]!.map((p) => (
              <li
                key={p.userId ?? 'unknown'}
                data-testid="contribution-card"
                className="rounded-md border border-stone-200 bg-white p-3 text-sm"
              >
                <div className="flex items-baseline justify-between gap-2">
                  <p className="font-semibold">
                    {p.name}
                    {KIND_NOTE[p.kind] && (
                      <span className="ml-1 text-xs font-normal text-stone-600">
                        ({KIND_NOTE[p.kind]})
                      </span>
                    )}
                  </p>
                  <InTheMap mapId={w.mapId} p={p} />
                </div>
                <dl className="mt-2 grid grid-cols-3 gap-x-3 gap-y-1">
                  {COLUMNS.map((c) => (
                    <div key={c.key} className="flex justify-between gap-1">
                      <dt className="text-stone-600">{c.label}</dt>
                      <dd className={`tabular-nums ${p[c.key] === 0 ? 'text-stone-500' : ''}`}>
                        {p[c.key]}
                      </dd>
                    </div>
                  ))}
                </dl>
                <p className="mt-1 text-stone-700">
                  Last active: <LastActive p={p} now={now} />
                </p>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}

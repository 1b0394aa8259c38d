import type { Metadata } from 'next';
import Link from 'next/link';
import { AssignmentNav } from '@/components/assignments/assignment-nav';
import { notFound, redirect } from 'next/navigation';
import { ComparedColumn } from '@/components/dashboard/compared-column';
import { MeetingList } from '@/components/dashboard/meeting-list';
import { ArchivedNotice } from '@/components/ui/archived-notice';
import { unlessMissing } from '@/lib/errors';
import { compareQuery, type Query } from '@/lib/schemas/query';
import { compareWorks } from '@/lib/server/classroom/compare-works';
import { getCurrentUser } from '@/lib/server/session';
import { withDb } from '@/lib/server/with-db';

export const metadata: Metadata = { title: 'Compare two maps' };
export const dynamic = 'force-dynamic';

const link = 'font-medium text-stone-900 underline underline-offset-2 hover:text-stone-600';

export default async function ComparePage({
  params,
  searchParams,
}: {
  params: Promise<{ assignmentId: string }>;
  searchParams: Promise<Query>;
}) {
  const { assignmentId } = await params;
  // Two ids, or none (pick two); an id no record can have is not found.
  const query = compareQuery.safeParse(await searchParams);
  if (!query.success) notFound();
  const { a, b } = query.data;
  const here = `/assignments/${encodeURIComponent(assignmentId)}`;
  const user = await getCurrentUser();
  if (!user) {
    const back =
      a && b
        ? `${here}/compare?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}`
        : `${here}/dashboard`;
    redirect(`/sign-in?next=${encodeURIComponent(back)}`);
  }
  if (!a || !b || a === b) {
    return (
      <div className="space-y-3">
        <h1 className="text-2xl font-bold">Compare two maps</h1>
        <p className="text-stone-700">
          Pick two different rows on the{' '}
          <Link className={link} href={`${here}/dashboard`}>
            dashboard
          </Link>{' '}
          and choose “Compare the two selected”.
        </p>
      </div>
    );
  }
  // The class's teacher only; works of another assignment are not found.
  const data = await unlessMissing(withDb(compareWorks, user.id, assignmentId, a, b));
  if (!data) notFound();
  const { assignment } = data;

  return (
    <div className="min-w-0 space-y-6">
      <AssignmentNav
        links={[
          [`/assignments/${assignment.id}/dashboard`, '← Dashboard'],
          [`/assignments/${assignment.id}`, assignment.title],
        ]}
      />
      <header className="space-y-1">
        <p className="text-sm text-stone-600">
          {assignment.className} · {assignment.title}
        </p>
        <h1 className="text-2xl font-bold">
          {data.a.name} <span className="font-normal text-stone-500">and</span> {data.b.name}
        </h1>
        {data.assignment.archived && <ArchivedNotice compact />}
      </header>

      <MeetingList
        a={data.a.name}
        b={data.b.name}
        meetings={data.meetings}
        sources={data.sources}
        theses={data.theses}
      />

      <div className="grid gap-6 lg:grid-cols-2">
        <ComparedColumn work={data.a} theses={data.theses} assignmentId={assignment.id} />
        <ComparedColumn work={data.b} theses={data.theses} assignmentId={assignment.id} />
      </div>
    </div>
  );
}

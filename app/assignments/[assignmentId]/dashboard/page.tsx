import type { Metadata } from 'next';
import { AssignmentNav } from '@/components/assignments/assignment-nav';
import { notFound, redirect } from 'next/navigation';
import { DashboardView } from '@/components/dashboard/dashboard-view';
import { ArchivedNotice } from '@/components/ui/archived-notice';
import { unlessMissing } from '@/lib/errors';
import { assignmentDashboard } from '@/lib/server/classroom/dashboard';
import { When } from '@/components/ui/zone';
import { getCurrentUser } from '@/lib/server/session';
import { withDb } from '@/lib/server/with-db';

export const metadata: Metadata = { title: 'Dashboard' };
export const dynamic = 'force-dynamic';

const MODES: Record<string, string> = {
  individual: 'each student builds a map',
  team: 'each team builds a map',
  class: 'the whole class builds one map',
};

export default async function DashboardPage({
  params,
}: {
  params: Promise<{ assignmentId: string }>;
}) {
  const { assignmentId } = await params;
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?next=/assignments/${encodeURIComponent(assignmentId)}/dashboard`);
  // The class's teacher only: students and everyone else are told it does not exist.
  const data = await unlessMissing(withDb(assignmentDashboard, user.id, assignmentId));
  if (!data) notFound();
  const { assignment } = data;

  return (
    <div className="min-w-0 space-y-5">
      <AssignmentNav
        links={[
          [`/assignments/${assignment.id}`, `← ${assignment.title}`],
          [`/classes/${assignment.classId}`, assignment.className],
          [`/assignments/${assignment.id}/rubric`, 'Rubric and all grades'],
        ]}
      />
      <header className="space-y-1">
        <p className="text-sm text-stone-600">
          {assignment.className} · {MODES[assignment.mode] ?? assignment.mode}
          {assignment.dueAt ? (
            <>
              {' · due '}
              <When iso={assignment.dueAt} />
            </>
          ) : (
            ''
          )}
          {assignment.anonymous ? ' · anonymous (students see pseudonyms; you see names)' : ''}
        </p>
        <h1 className="text-2xl font-bold">Dashboard: {assignment.title}</h1>
        {assignment.archived && <ArchivedNotice compact />}
        <p className="max-w-3xl text-sm text-stone-700">
          <strong>Pros</strong> and <strong>cons</strong> count each thesis’s claims by whether they
          argue for it or against it (a rebuttal of an objection argues for it).{' '}
          <strong>Evidence</strong> is the share of claims that quote an article;{' '}
          <strong>unrebutted</strong> counts objections nobody has answered yet.
        </p>
      </header>
      <DashboardView
        assignmentId={assignment.id}
        theses={data.theses}
        rows={data.rows}
        readAt={data.readAt}
        mode={assignment.mode}
        people={data.people}
      />
    </div>
  );
}

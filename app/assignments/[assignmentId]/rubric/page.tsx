import type { Metadata } from 'next';
import Link from 'next/link';
import { AssignmentNav } from '@/components/assignments/assignment-nav';
import { notFound, redirect } from 'next/navigation';
import { ReleaseAllButton } from '@/components/grading/release-all-button';
import { RubricEditor } from '@/components/grading/rubric-editor';
import { ArchivedNotice } from '@/components/ui/archived-notice';
import { unlessMissing } from '@/lib/errors';
import { getRubricForEditing, gradeSummaries } from '@/lib/server/classroom/grades';
import { getCurrentUser } from '@/lib/server/session';
import { withDb } from '@/lib/server/with-db';

export const metadata: Metadata = { title: 'Rubric and grades' };

const link = 'font-medium text-stone-900 underline underline-offset-2 hover:text-stone-600';
const SIDES: Record<string, string> = { first: 'Thesis 1', second: 'Thesis 2', both: 'Both' };

export default async function RubricPage({
  params,
}: {
  params: Promise<{ assignmentId: string }>;
}) {
  const { assignmentId } = await params;
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?next=/assignments/${encodeURIComponent(assignmentId)}/rubric`);
  const data = await unlessMissing(withDb(gradeSummaries, { userId: user.id, assignmentId }));
  if (!data) notFound();
  const { assignment, works } = data;
  const rubric = await withDb(getRubricForEditing, { userId: user.id, assignmentId });
  const pending = works.filter(
    (w) => !w.grade.releasedAt && (w.grade.updatedAt || w.claimFeedbackCount > 0),
  ).length;

  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <AssignmentNav
        links={[
          [`/assignments/${assignment.id}`, `← ${assignment.title}`],
          [`/assignments/${assignment.id}/dashboard`, 'Dashboard'],
        ]}
      />
      <h1 className="text-2xl font-bold">Rubric and grades: {assignment.title}</h1>
      {assignment.archived ? (
        <ArchivedNotice />
      ) : (
        <RubricEditor
          assignmentId={assignment.id}
          rubric={rubric.criteria}
          removed={rubric.removed}
          graded={rubric.graded}
          open
        />
      )}

      <section aria-labelledby="works-heading" className="space-y-3">
        <h2 id="works-heading" className="text-lg font-semibold">
          Grades
        </h2>
        <p className="text-sm text-stone-600">
          Grades and feedback stay private until released. Releasing shows a work’s grade, overall
          feedback and claim feedback to its students.
        </p>
        {!assignment.archived && (
          <ReleaseAllButton assignmentId={assignment.id} pending={pending} />
        )}
        {works.length === 0 ? (
          <p className="text-sm italic text-stone-600">This assignment has no work yet.</p>
        ) : (
          <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
            {works.map((w) => (
              <li
                key={w.workId}
                className="flex flex-wrap items-center gap-x-4 gap-y-1 p-3 text-sm"
              >
                <div className="min-w-0 basis-full sm:basis-auto sm:flex-1">
                  <p className="font-medium text-stone-900">{w.name}</p>
                  <p className="text-stone-600">
                    {SIDES[w.side] ?? w.side}
                    {w.students.length > 0 && w.name !== w.students.join(', ')
                      ? ` · ${w.students.join(', ')}`
                      : ''}
                  </p>
                </div>
                <p className="text-stone-800">
                  {w.grade.scored ? `${w.grade.earned} / ${w.grade.possible}` : 'Not scored'}
                  {w.claimFeedbackCount > 0
                    ? ` · ${w.claimFeedbackCount} claim ${w.claimFeedbackCount === 1 ? 'note' : 'notes'}`
                    : ''}
                </p>
                <p className={w.grade.releasedAt ? 'text-pro-800' : 'text-stone-700'}>
                  {w.grade.releasedAt ? 'Released' : 'Private'}
                </p>
                <Link
                  className={link}
                  href={`/assignments/${assignment.id}/work/${w.workId}`}
                  aria-label={`Grade ${w.name}`}
                >
                  Grade
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

import type { Metadata } from 'next';
import { When } from '@/components/ui/zone';
import { AssignmentNav } from '@/components/assignments/assignment-nav';
import { notFound, redirect } from 'next/navigation';
import { GradeForm } from '@/components/grading/grade-form';
import { GradingOutline } from '@/components/grading/grading-outline';
import { ReleaseControl } from '@/components/grading/release-control';
import { RubricEditor } from '@/components/grading/rubric-editor';
import { ArchivedNotice } from '@/components/ui/archived-notice';
import { unlessMissing } from '@/lib/errors';
import { getGradingData } from '@/lib/server/classroom/work-view';
import { getRubricForEditing } from '@/lib/server/classroom/grades';
import { getCurrentUser } from '@/lib/server/session';
import { withDb } from '@/lib/server/with-db';

export const metadata: Metadata = { title: 'Grade work' };

export default async function GradeWorkPage({
  params,
}: {
  params: Promise<{ assignmentId: string; workId: string }>;
}) {
  const { assignmentId, workId } = await params;
  const user = await getCurrentUser();
  if (!user) {
    redirect(
      `/sign-in?next=/assignments/${encodeURIComponent(assignmentId)}/work/${encodeURIComponent(workId)}`,
    );
  }
  // Anyone but the class's teacher is told the work does not exist (students: FORBIDDEN → 404 too).
  const data = await unlessMissing(
    withDb(getGradingData, { userId: user.id, assignmentId, workId }),
  );
  if (!data) notFound();
  const rubric = await withDb(getRubricForEditing, { userId: user.id, assignmentId });
  const { assignment, work, members } = data;
  const who =
    work.name || (members.length === 1 ? members[0]!.name : members.map((m) => m.name).join(', '));

  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <AssignmentNav
        links={[
          [`/assignments/${assignment.id}`, `← ${assignment.title}`],
          [`/assignments/${assignment.id}/dashboard`, 'Dashboard'],
          [`/assignments/${assignment.id}/rubric`, 'Rubric and all grades'],
          [`/maps/${work.mapId}`, 'Open the map'],
        ]}
      />
      <header className="space-y-1">
        <p className="text-sm text-stone-600">
          {assignment.className} · {assignment.title}
          {assignment.dueAt ? (
            <>
              {' · due '}
              <When iso={assignment.dueAt} />
            </>
          ) : (
            ''
          )}
        </p>
        <h1 className="text-2xl font-bold">Grade: {who || 'Untitled work'}</h1>
        <p className="text-sm text-stone-800">
          Arguing for: <strong>{work.sideLabels.join(' and ') || 'both theses'}</strong>
        </p>
        <p className="text-sm text-stone-800">
          {members.length === 0
            ? 'No students in this work yet.'
            : `Students: ${members
                .map((m) =>
                  assignment.anonymous && m.pseudonym ? `${m.name} (${m.pseudonym})` : m.name,
                )
                .join(', ')}`}
        </p>
      </header>
      {assignment.archived && <ArchivedNotice />}

      {/* An archived class's grading is read-only: everything shows, no control works. */}
      <fieldset
        disabled={assignment.archived}
        className="grid min-w-0 gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]"
      >
        <legend className="sr-only">
          {assignment.archived ? 'Grading, read-only: the class is archived' : 'Grading'}
        </legend>
        <section aria-labelledby="claims-heading" className="min-w-0 space-y-3">
          <h2 id="claims-heading" className="text-lg font-semibold">
            The map’s claims
          </h2>
          <p className="text-sm text-stone-600">
            Feedback on a claim stays private until you release this work.
          </p>
          <GradingOutline map={data.map} workId={work.id} feedback={data.feedback} />
        </section>
        <div className="space-y-4 lg:sticky lg:top-[calc(var(--site-header)+1rem)] lg:self-start">
          <ReleaseControl workId={work.id} releasedAt={data.grade.releasedAt} />
          <GradeForm
            key={JSON.stringify(data.rubric)}
            workId={work.id}
            rubric={data.rubric}
            grade={data.grade}
          />
          {!assignment.archived && (
            <RubricEditor
              assignmentId={assignment.id}
              rubric={rubric.criteria}
              removed={rubric.removed}
              graded={rubric.graded}
            />
          )}
        </div>
      </fieldset>
    </div>
  );
}

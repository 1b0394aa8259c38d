import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { AssignmentActions } from '@/components/assignments/assignment-actions';
import { AssignmentDetails } from '@/components/assignments/assignment-details';
import { StudentAssignment } from '@/components/assignments/student-assignment';
import { WorkTable } from '@/components/assignments/work-table';
import { ArchivedNotice } from '@/components/ui/archived-notice';
import { MODE_LABELS, isMode } from '@/lib/domain/classroom/teams';
import { unlessMissing } from '@/lib/errors';
import { getAssignmentPage } from '@/lib/server/classroom/assignment-views';
import { getCurrentUser } from '@/lib/server/session';
import { buttonClass } from '@/components/ui/button';
import type { AssignmentPage } from '@/lib/domain/classroom/views';
import { withDb } from '@/lib/server/with-db';

export const metadata: Metadata = { title: 'Assignment' };

const linkButton = buttonClass();

export default async function AssignmentPage(props: { params: Promise<{ assignmentId: string }> }) {
  const { assignmentId } = await props.params;
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(`/assignments/${assignmentId}`)}`);
  const page = await unlessMissing(withDb(getAssignmentPage, { userId: user.id, assignmentId }));
  if (!page) notFound();
  const { assignment: a } = page;
  const teacher = page.role === 'teacher';
  const archived = page.class.archived;
  const base = `/assignments/${encodeURIComponent(a.id)}`;

  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <div className="space-y-1">
        <p className="text-sm text-stone-600">
          <Link href={`/classes/${encodeURIComponent(page.class.id)}`} className="underline">
            {page.class.name}
          </Link>
        </p>
        <h1 className="text-2xl font-bold break-words">{a.title}</h1>
        <p className="text-stone-700">
          {page.debate.motion} · {isMode(a.mode) ? MODE_LABELS[a.mode] : a.mode}
          {a.round > 1 && ` · Round ${a.round}`}
        </p>
        {(a.previousRoundId || a.nextRoundIds.length > 0) && (
          <p className="flex flex-wrap gap-3 text-sm">
            {a.previousRoundId && (
              <Link
                href={`/assignments/${encodeURIComponent(a.previousRoundId)}`}
                className="underline"
              >
                Previous round
              </Link>
            )}
            {a.nextRoundIds.map((id, i) => (
              <Link key={id} href={`/assignments/${encodeURIComponent(id)}`} className="underline">
                Next round{a.nextRoundIds.length > 1 ? ` ${i + 1}` : ''}
              </Link>
            ))}
          </p>
        )}
      </div>
      {archived && <ArchivedNotice />}
      <AssignmentDetails
        assignmentId={a.id}
        title={a.title}
        instructions={a.instructions}
        dueAt={a.dueAt}
        anonymous={a.anonymous}
        editable={teacher && !archived}
        timeZone={page.class.timeZone}
      />
      {teacher ? (
        <>
          <nav aria-label="Review" className="flex flex-wrap gap-2">
            <Link href={`${base}/dashboard`} className={linkButton}>
              Dashboard
            </Link>
            <Link href={`${base}/rubric`} className={linkButton}>
              Rubric and release
            </Link>
          </nav>
          <section aria-labelledby="works-heading" className="space-y-3">
            <h2 id="works-heading" className="text-lg font-semibold">
              {a.mode === 'team' ? 'Teams' : a.mode === 'class' ? 'The class map' : 'Students'}
            </h2>
            {page.works.length === 0 ? (
              <p className="rounded-lg border border-dashed border-stone-300 bg-white p-4">
                No maps yet: the class had no students when this was set. Students who join now get
                their place automatically.
              </p>
            ) : (
              // An archived class's work is read-only: the table shows it, its controls are off.
              <fieldset disabled={archived} className="min-w-0">
                <legend className="sr-only">
                  {archived ? 'Read-only: the class is archived' : 'Sides and teams'}
                </legend>
                <WorkTable
                  assignmentId={a.id}
                  mode={a.mode}
                  works={page.works}
                  students={page.students}
                  thesisLabels={page.debate.theses.map((t) => t.label)}
                />
              </fieldset>
            )}
          </section>
          {!archived && (
            <AssignmentActions
              assignmentId={a.id}
              classId={page.class.id}
              title={a.title}
              round={a.round}
              timeZone={page.class.timeZone}
            />
          )}
        </>
      ) : (
        <StudentAssignment page={page} />
      )}
    </div>
  );
}

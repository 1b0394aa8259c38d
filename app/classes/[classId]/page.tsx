import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { AssignmentList } from '@/components/assignments/assignment-list';
import { ClassJoinPanel } from '@/components/classroom/class-join-panel';
import { ClassNameEditor } from '@/components/classroom/class-name-editor';
import { ClassSettings, UnarchiveButton } from '@/components/classroom/class-settings';
import { ArchivedNotice } from '@/components/ui/archived-notice';
import { listTimeZones } from '@/lib/domain/zoned-time';
import { RemovedStudents } from '@/components/classroom/removed-students';
import { RosterAddForm } from '@/components/classroom/roster-add-form';
import { RosterTable } from '@/components/classroom/roster-table';
import { SyncRosterButton } from '@/components/lti/sync-roster-button';
import { unlessMissing } from '@/lib/errors';
import { accountOf, FORMER_TEACHER } from '@/lib/server/classroom/access';
import { listClassAssignments } from '@/lib/server/classroom/assignment-views';
import { getClassPage } from '@/lib/server/classroom/classes';
import { listRemovedStudents, listRoster } from '@/lib/server/classroom/roster';
import { baseUrl } from '@/lib/server/config';
import { lmsRosterAvailable } from '@/lib/server/lti/roster';
import { getCurrentUser } from '@/lib/server/session';
import { buttonClass } from '@/components/ui/button';
import { withDb } from '@/lib/server/with-db';

export const metadata: Metadata = { title: 'Class' };

export default async function ClassPage({ params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(`/classes/${classId}`)}`);
  const page = await unlessMissing(withDb(getClassPage, { userId: user.id, classId }));
  if (!page) notFound();
  const assignments = await withDb(listClassAssignments, { userId: user.id, classId });
  const archived = page.archivedAt !== null;

  if (page.role === 'student') {
    return (
      <div className="mx-auto max-w-3xl space-y-6">
        <div>
          <p className="text-sm text-stone-600">
            <Link href="/classes" className="underline">
              Classes
            </Link>
          </p>
          <h1 className="text-2xl font-bold break-words">{page.name}</h1>
          <p className="text-stone-700">Taught by {page.teacherName}</p>
        </div>
        {archived && <ArchivedNotice />}
        <section aria-labelledby="assignments-heading" className="space-y-3">
          <h2 id="assignments-heading" className="text-lg font-semibold">
            Assignments
          </h2>
          <AssignmentList classId={page.id} role={page.role} assignments={assignments} />
        </section>
      </div>
    );
  }

  const [roster, account] = await Promise.all([
    withDb(listRoster, { userId: user.id, classId }),
    withDb(accountOf, user.id),
  ]);
  // Adding a removed student back is a teacher's: a former teacher's page is read-only, and so
  // is an archived class's.
  const teacher = account.kind === 'teacher';
  const changeable = teacher && !archived;
  const removed = changeable ? await withDb(listRemovedStudents, { userId: user.id, classId }) : [];
  const fromLms = changeable && (await withDb(lmsRosterAvailable, { userId: user.id, classId }));
  return (
    <div className="mx-auto max-w-5xl space-y-8">
      <div>
        <p className="text-sm text-stone-600">
          <Link href="/classes" className="underline">
            Classes
          </Link>
        </p>
        {changeable ? (
          <ClassNameEditor classId={page.id} name={page.name} />
        ) : (
          <h1 className="text-2xl font-bold break-words">{page.name}</h1>
        )}
        <p className="text-sm text-stone-600">
          {roster.length} {roster.length === 1 ? 'student' : 'students'} · you teach this class
        </p>
        {account.kind !== 'teacher' && (
          <p
            role="status"
            className="mt-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
          >
            {FORMER_TEACHER}
          </p>
        )}
      </div>
      {archived && (
        <ArchivedNotice>{teacher && <UnarchiveButton classId={page.id} />}</ArchivedNotice>
      )}
      {!archived && (
        <ClassJoinPanel classId={page.id} joinCode={page.joinCode} baseUrl={baseUrl()} />
      )}
      <section aria-labelledby="assignments-heading" className="space-y-3">
        <h2 id="assignments-heading" className="text-lg font-semibold">
          Assignments
        </h2>
        <AssignmentList
          classId={page.id}
          role={page.role}
          assignments={assignments}
          archived={archived}
        />
      </section>
      <section aria-labelledby="students-heading" className="space-y-4">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h2 id="students-heading" tabIndex={-1} className="text-lg font-semibold">
            Students
          </h2>
          <a
            href={`/api/classes/${encodeURIComponent(page.id)}/students.csv`}
            className={buttonClass()}
            download
          >
            Download roster (CSV)
          </a>
        </div>
        {fromLms && <SyncRosterButton classId={page.id} />}
        {!archived && <RosterAddForm classId={page.id} />}
        <RosterTable classId={page.id} roster={roster} readOnly={archived} />
        {changeable && <RemovedStudents classId={page.id} removed={removed} />}
      </section>
      {changeable && (
        <ClassSettings classId={page.id} timeZone={page.timeZone} zones={listTimeZones()} />
      )}
    </div>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { NewAssignmentForm } from '@/components/assignments/new-assignment-form';
import { ArchivedNotice } from '@/components/ui/archived-notice';
import { unlessMissing } from '@/lib/errors';
import { newAssignmentQuery, type Query } from '@/lib/schemas/query';
import { newAssignmentForm } from '@/lib/server/classroom/assignment-views';
import { getClassPage } from '@/lib/server/classroom/classes';
import { getCurrentUser } from '@/lib/server/session';
import { withDb } from '@/lib/server/with-db';

export const metadata: Metadata = { title: 'New assignment' };

export default async function NewAssignmentPage(props: {
  params: Promise<{ classId: string }>;
  searchParams: Promise<Query>;
}) {
  const { classId } = await props.params;
  const { debate } = newAssignmentQuery.parse(await props.searchParams);
  const user = await getCurrentUser();
  if (!user) {
    redirect(`/sign-in?next=${encodeURIComponent(`/classes/${classId}/assignments/new`)}`);
  }
  const cls = await unlessMissing(withDb(getClassPage, { userId: user.id, classId }));
  if (cls?.archivedAt) {
    // Nothing new is set in an archived class: say so rather than "not found".
    return (
      <div className="mx-auto max-w-2xl space-y-4">
        <h1 className="text-2xl font-bold">New assignment</h1>
        <ArchivedNotice>
          <Link href={`/classes/${encodeURIComponent(classId)}`} className="font-medium underline">
            Back to {cls.name}
          </Link>
        </ArchivedNotice>
      </div>
    );
  }
  const form = await unlessMissing(withDb(newAssignmentForm, { userId: user.id, classId }));
  if (!form) notFound();
  const { debates, studentCount } = form;
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div>
        <p className="text-sm text-stone-600">
          <Link href={`/classes/${encodeURIComponent(classId)}`} className="underline">
            {form.className}
          </Link>
        </p>
        <h1 className="text-2xl font-bold">New assignment</h1>
        <p className="text-stone-700">
          Set a debate for the class. Every map is created now, owned by you, with the students as
          its editors. Need other articles?{' '}
          <Link href="/debates/new" className="underline">
            Create a debate
          </Link>
          .
        </p>
      </div>
      <NewAssignmentForm
        classId={classId}
        studentCount={studentCount}
        debates={debates}
        debateId={debates.some((d) => d.id === debate) ? debate : undefined}
        timeZone={form.timeZone}
      />
    </div>
  );
}

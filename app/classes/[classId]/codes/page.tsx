import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { StudentCodesSheet } from '@/components/classroom/student-codes-sheet';
import { unlessMissing } from '@/lib/errors';
import { READING, requireClassAccess } from '@/lib/server/classroom/access';
import { baseUrl } from '@/lib/server/config';
import { getCurrentUser } from '@/lib/server/session';
import { withDb } from '@/lib/server/with-db';

export const metadata: Metadata = { title: 'Sign-in codes', robots: { index: false } };

/** The printable sheet of the sign-in codes just made (they live in the teacher's tab only). */
export default async function CodesPage({ params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(`/classes/${classId}/codes`)}`);
  const access = await unlessMissing(
    withDb(requireClassAccess, user.id, classId, 'class.manage', READING),
  );
  if (!access) notFound();
  return (
    <StudentCodesSheet
      classId={classId}
      className={access.class.name}
      signInUrl={`${baseUrl()}/sign-in`}
    />
  );
}

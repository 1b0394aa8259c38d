import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { JoinClassForm } from '@/components/classroom/join-class-form';
import { normalizeJoinCode } from '@/lib/domain/classroom/join-code';
import { classRole } from '@/lib/server/classroom/access';
import { findClassByCode } from '@/lib/server/classroom/classes';
import { db } from '@/lib/server/db';
import { getCurrentUser } from '@/lib/server/session';

export const metadata: Metadata = { title: 'Join a class', robots: { index: false } };

const linkClass =
  'inline-block rounded-md border border-stone-300 bg-white px-3 py-1.5 font-medium text-stone-800 hover:bg-stone-100';

export default async function JoinCodePage({ params }: { params: Promise<{ code: string }> }) {
  const { code: raw } = await params;
  const code = normalizeJoinCode(decodeURIComponent(raw));
  if (code && code !== raw) redirect(`/join/${code}`);
  const preview = code ? await findClassByCode(db, code) : null;
  const user = await getCurrentUser();

  if (!code || !preview) {
    return (
      <div className="mx-auto max-w-lg space-y-3 rounded-lg border border-stone-200 bg-white p-6">
        <h1 className="text-xl font-bold">No class to join with this code</h1>
        <p className="text-stone-700">
          The code may be mistyped, or your teacher may have closed joining or made a new code.
          Check it with them.
        </p>
        <Link href="/join" className={linkClass}>
          Type a code
        </Link>
      </div>
    );
  }

  const role = user ? await classRole(db, user.id, preview.classId) : null;
  if (role === 'student') redirect(`/classes/${encodeURIComponent(preview.classId)}`);
  const next = encodeURIComponent(`/join/${code}`);
  return (
    <div className="mx-auto max-w-lg space-y-4 rounded-lg border border-stone-200 bg-white p-6">
      <h1 className="text-xl font-bold break-words">
        Join “{preview.name}” taught by {preview.teacherName}?
      </h1>
      {role === 'teacher' ? (
        <p role="status" className="text-stone-700">
          You teach this class, so you cannot join it as a student. Share this page’s link or the
          code <strong className="font-mono">{code}</strong> with your students.{' '}
          <Link href={`/classes/${encodeURIComponent(preview.classId)}`} className="underline">
            Open the class
          </Link>
        </p>
      ) : user ? (
        <>
          <p className="text-stone-700">
            You are signed in as {user.name}. Your teacher will see your name in the class.
          </p>
          <JoinClassForm code={code} />
        </>
      ) : (
        <>
          <p className="text-stone-700">
            Sign in, or create an account, to join. You will come back here.
          </p>
          <div className="flex flex-wrap gap-2">
            <Link href={`/sign-in?next=${next}`} className={linkClass}>
              Sign in
            </Link>
            <Link href={`/sign-up?next=${next}`} className={linkClass}>
              Create an account
            </Link>
          </div>
        </>
      )}
    </div>
  );
}

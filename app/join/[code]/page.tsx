import type { Metadata } from 'next';
import Link from 'next/link';
import { SignInLinks } from '@/components/ui/sign-in-links';
import { buttonClass } from '@/components/ui/button';
import { redirect } from 'next/navigation';
import { JoinClassForm } from '@/components/classroom/join-class-form';
import {
  formatJoinCode,
  JOIN_CODE_LENGTH,
  normalizeJoinCode,
} from '@/lib/domain/classroom/join-code';
import { findOwnClassByCode } from '@/lib/server/classroom/classes';
import { getCurrentUser } from '@/lib/server/session';
import { withDb } from '@/lib/server/with-db';

export const metadata: Metadata = { title: 'Join a class', robots: { index: false } };

const linkClass = buttonClass({ text: 'inherit' });

/**
 * A join link. It shows nothing about the class it may name (not even whether one exists) until
 * the signed-in person joins it, which is throttled (lib/server/classroom/join.ts): guessing codes
 * here learns nothing. Only the class's own teacher and students are told which class it is.
 */
export default async function JoinCodePage({ params }: { params: Promise<{ code: string }> }) {
  const { code: raw } = await params;
  let typed = raw;
  try {
    typed = decodeURIComponent(raw);
  } catch {
    // Not valid percent-encoding: not a code either.
  }
  const code = normalizeJoinCode(typed);
  if (code && code !== raw) redirect(`/join/${code}`);

  if (!code) {
    return (
      <div className="mx-auto max-w-lg space-y-3 rounded-lg border border-stone-200 bg-white p-6">
        <h1 className="text-xl font-bold">That is not a class code</h1>
        <p className="text-stone-700">
          A class code has {JOIN_CODE_LENGTH} letters and digits. Check the link or the code with
          your teacher.
        </p>
        <Link href="/join" className={linkClass}>
          Type a code
        </Link>
      </div>
    );
  }

  const user = await getCurrentUser();
  const own = user ? await withDb(findOwnClassByCode, { userId: user.id, code }) : null;
  if (own?.role === 'student') redirect(`/classes/${encodeURIComponent(own.classId)}`);
  const shown = formatJoinCode(code);
  return (
    <div className="mx-auto max-w-lg space-y-4 rounded-lg border border-stone-200 bg-white p-6">
      <h1 className="text-xl font-bold">
        Join a class with the code <span className="font-mono whitespace-nowrap">{shown}</span>
      </h1>
      {own?.role === 'teacher' ? (
        <p role="status" className="text-stone-700">
          You teach this class, so you cannot join it as a student. Share this page’s link or the
          code <strong className="font-mono">{shown}</strong> with your students.{' '}
          <Link href={`/classes/${encodeURIComponent(own.classId)}`} className="underline">
            Open the class
          </Link>
        </p>
      ) : user ? (
        <>
          <p className="text-stone-700">
            You are signed in as {user.name}. If the code is right you join its class at once, and
            its teacher will see your name in it.
          </p>
          <JoinClassForm code={code} />
        </>
      ) : (
        <>
          <p className="text-stone-700">
            Sign in, or create an account, to join. You will come back here.
          </p>
          <SignInLinks back={`/join/${code}`} />
        </>
      )}
    </div>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { NewDebateForm } from '@/components/debates/new-debate-form';
import { accountOf } from '@/lib/server/classroom/access';
import { getCurrentUser } from '@/lib/server/session';
import { withDb } from '@/lib/server/with-db';

export const metadata: Metadata = { title: 'New debate' };

export default async function NewDebatePage() {
  const user = await getCurrentUser();
  if (!user) redirect('/sign-in?next=/debates/new');
  const account = await withDb(accountOf, user.id);
  return (
    <div className="space-y-6">
      <div className="max-w-3xl space-y-1">
        <Link
          href="/debates"
          className="mb-2 inline-block text-sm font-medium text-stone-700 underline underline-offset-4"
        >
          ← Debates
        </Link>
        <h1 className="text-2xl font-bold">New debate</h1>
        <p className="text-stone-700">
          A motion and two articles that take opposite sides. Students read both and build their
          maps under each side’s thesis, quoting the articles as evidence.
        </p>
      </div>
      {account.kind === 'teacher' ? (
        <NewDebateForm />
      ) : (
        <p role="status" className="max-w-3xl rounded-lg border border-amber-300 bg-amber-50 p-4">
          Only teacher accounts can make debates. Ask the admin of this server to make you a
          teacher.
        </p>
      )}
    </div>
  );
}

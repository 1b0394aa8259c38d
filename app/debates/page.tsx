import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { DebateList } from '@/components/debates/debate-list';
import { accountOf } from '@/lib/server/classroom/access';
import { listDebatesFor } from '@/lib/server/classroom/debates';
import { getCurrentUser } from '@/lib/server/session';
import { buttonClass } from '@/components/ui/button';
import { withDb } from '@/lib/server/with-db';

export const metadata: Metadata = { title: 'Debates' };

export default async function DebatesPage() {
  const user = await getCurrentUser();
  if (!user) redirect('/sign-in?next=/debates');
  const account = await withDb(accountOf, user.id);
  const teacher = account.kind === 'teacher';
  // A student's list is the seeded examples; their teachers' debates come with assignments.
  const debates = (await withDb(listDebatesFor, user.id)).filter((d) => teacher || !d.mine);
  const mine = debates.filter((d) => d.mine);
  const examples = debates.filter((d) => !d.mine);
  return (
    <div className="mx-auto max-w-3xl space-y-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">Debates</h1>
          <p className="text-sm text-stone-700">
            {teacher
              ? 'A debate is a motion and two articles, one for each side. Make one from any two articles, then assign it to a class.'
              : 'Open a debate to read both articles and start your own map. Your teachers’ debates open from your assignments.'}
          </p>
        </div>
        {teacher && (
          <Link href="/debates/new" className={buttonClass({ variant: 'primary', size: 'lg' })}>
            New debate
          </Link>
        )}
      </div>
      {teacher && (
        <section aria-labelledby="mine" className="space-y-3">
          <h2 id="mine" className="text-lg font-semibold">
            Your debates
          </h2>
          {mine.length ? (
            <DebateList debates={mine} label="Your debates" />
          ) : (
            <p className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-center text-stone-700">
              You have not made a debate yet.{' '}
              <Link href="/debates/new" className="font-medium underline">
                Paste two articles
              </Link>{' '}
              to make one.
            </p>
          )}
        </section>
      )}
      <section aria-labelledby="examples" className="space-y-3">
        <h2 id="examples" className="text-lg font-semibold">
          {teacher ? 'Example debates' : 'Debates for everyone'}
        </h2>
        <DebateList debates={examples} label="Example debates" />
      </section>
    </div>
  );
}

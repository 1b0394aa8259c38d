import { DebateSides } from '@/components/debate/debate-sides';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { StartDebateMapButton } from '@/components/debates/start-debate-map-button';
import { unlessMissing } from '@/lib/errors';
import { listClassesToAssign } from '@/lib/server/classroom/debates';
import { getDebate } from '@/lib/server/debates';
import { getCurrentUser } from '@/lib/server/session';
import { buttonClass } from '@/components/ui/button';
import { MotionHeading } from '@/components/debate/motion-heading';
import { withDb } from '@/lib/server/with-db';

export const metadata: Metadata = { title: 'Debate' };

export default async function DebateDetailPage({
  params,
}: {
  params: Promise<{ debateId: string }>;
}) {
  const { debateId } = await params;
  const user = await getCurrentUser();
  // A debate the person may not read looks the same as a missing one.
  const read = await unlessMissing(withDb(getDebate, { userId: user?.id ?? null, debateId }));
  if (!read || read.debate.theses.length !== 2) notFound();
  const { debate, mine } = read;
  const classes = mine && user ? await withDb(listClassesToAssign, user.id) : [];
  const here = `/debates/${debateId}`;
  return (
    <div className="space-y-8">
      <section aria-labelledby="motion" className="space-y-3">
        {user && (
          <Link
            href="/debates"
            className="mb-3 inline-block text-sm font-medium text-stone-700 underline underline-offset-4"
          >
            ← Debates
          </Link>
        )}
        <MotionHeading motion={debate.motion} summary={debate.summary} />
        <div className="flex flex-wrap items-start gap-3 pt-1">
          {user ? (
            <StartDebateMapButton debateId={debate.id} />
          ) : (
            <Link
              href={`/sign-in?next=${encodeURIComponent(here)}`}
              className={buttonClass({ variant: 'primary', size: 'lg' })}
            >
              Sign in to build your map
            </Link>
          )}
          {mine && (
            <Link href={`${here}/edit`} className={buttonClass({ size: 'lg' })}>
              Edit debate
            </Link>
          )}
        </div>
        {mine && (
          <div id="assign" className="max-w-3xl rounded-lg border border-stone-200 bg-white p-4">
            <h2 className="text-base font-semibold text-stone-900">Assign to a class</h2>
            {classes.length ? (
              <ul className="mt-2 flex flex-wrap gap-2" aria-label="Your classes">
                {classes.map((c) => (
                  <li key={c.id}>
                    <Link
                      href={`/classes/${c.id}/assignments/new?debate=${encodeURIComponent(debate.id)}`}
                      className={buttonClass()}
                    >
                      {c.name}
                    </Link>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-1 text-sm text-stone-700">
                You have no class yet.{' '}
                <Link href="/classes" className="font-medium underline underline-offset-4">
                  Create a class
                </Link>{' '}
                to assign this debate to it.
              </p>
            )}
          </div>
        )}
      </section>
      <DebateSides theses={debate.theses} />
    </div>
  );
}

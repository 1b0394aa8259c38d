import { DebateSides } from '@/components/debate/debate-sides';
import Link from 'next/link';
import { StartMapButton } from '@/components/maps/start-map-button';
import { getFeaturedDebate } from '@/lib/server/debates';
import { getCurrentUser } from '@/lib/server/session';
import { MyAssignments } from '@/components/assignments/my-assignments';
import { MyClasses } from '@/components/assignments/my-classes';
import { homeClasses, studentAssignments } from '@/lib/server/classroom/student-home';
import { buttonClass } from '@/components/ui/button';
import { MotionHeading } from '@/components/debate/motion-heading';
import { withDb } from '@/lib/server/with-db';

export const dynamic = 'force-dynamic';

export default async function DebatePage() {
  const [debate, user] = await Promise.all([withDb(getFeaturedDebate), getCurrentUser()]);
  const classroom = user ? await classroomFor(user.id) : null;
  if (!debate) {
    return (
      <p className="rounded-lg border border-amber-300 bg-amber-50 p-4">
        No debate has been loaded yet. Run <code>npm run db:setup</code> and reload.
      </p>
    );
  }
  return (
    <div className="space-y-8">
      {classroom?.teaching && <MyClasses classes={classroom.teaching} />}
      {classroom?.assignments && <MyAssignments assignments={classroom.assignments} />}
      <section aria-labelledby="motion" className="space-y-3">
        <MotionHeading motion={debate.motion} summary={debate.summary} />
        <div className="flex flex-wrap items-center gap-3 pt-1">
          {user ? (
            <>
              <StartMapButton />
              <Link
                href="/maps"
                className="text-sm font-medium text-stone-700 underline underline-offset-4"
              >
                Open my maps
              </Link>
            </>
          ) : (
            <>
              <Link
                href="/sign-up?next=%2Fstart%3Fnew%3Dmap"
                className={buttonClass({ variant: 'primary', size: 'lg' })}
              >
                Sign up to build your map
              </Link>
              <span className="text-sm text-stone-600">
                Reading needs no account. Already have one?{' '}
                <Link
                  href="/sign-in"
                  className="font-medium text-stone-800 underline underline-offset-4"
                >
                  Sign in
                </Link>
              </span>
            </>
          )}
        </div>
      </section>
      <DebateSides theses={debate.theses} />
    </div>
  );
}

/**
 * What a signed-in person's home page shows above the debate: a teacher's classes, and the
 * assignments of someone who is a student in a class (null parts are not shown).
 */
async function classroomFor(userId: string) {
  const { teaching, attends } = await withDb(homeClasses, userId);
  return { teaching, assignments: attends ? await withDb(studentAssignments, userId) : null };
}

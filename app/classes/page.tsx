import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { ClassList } from '@/components/classroom/class-list';
import { ClassCreateForm } from '@/components/classroom/class-create-form';
import { formatDate } from '@/lib/format';
import { listTimeZones } from '@/lib/domain/zoned-time';
import { accountOf } from '@/lib/server/classroom/access';
import { listClasses } from '@/lib/server/classroom/classes';
import { getCurrentUser } from '@/lib/server/session';
import { viewerZone } from '@/lib/server/viewer-zone';
import { withDb } from '@/lib/server/with-db';

export const metadata: Metadata = { title: 'Classes' };

export default async function ClassesPage() {
  const user = await getCurrentUser();
  if (!user) redirect('/sign-in?next=/classes');
  const [{ teaching, attending, archived }, account, zone] = await Promise.all([
    withDb(listClasses, user.id),
    withDb(accountOf, user.id),
    viewerZone(),
  ]);
  const teacher = account.kind === 'teacher';
  const shelved = [
    ...archived.teaching.map((c) => ({
      id: c.id,
      name: c.name,
      detail: `You teach it · ${c.studentCount} ${c.studentCount === 1 ? 'student' : 'students'} · archived ${formatDate(c.archivedAt!, zone)}`,
    })),
    ...archived.attending.map((c) => ({
      id: c.id,
      name: c.name,
      detail: `Taught by ${c.teacherName} · archived ${formatDate(c.archivedAt!, zone)}`,
    })),
  ];
  return (
    <div className="mx-auto max-w-3xl space-y-8">
      <div>
        <h1 className="text-2xl font-bold">Classes</h1>
        <p className="text-sm text-stone-600">
          {teacher
            ? 'Create a class, then give your students its code or add them by name.'
            : 'The classes you have joined.'}
        </p>
      </div>
      {teacher && (
        <section aria-labelledby="teaching" className="space-y-3">
          <h2 id="teaching" className="text-lg font-semibold">
            Classes you teach
          </h2>
          <ClassCreateForm zones={listTimeZones()} />
          <ClassList
            label="Classes you teach"
            classes={teaching.map((c) => ({
              id: c.id,
              name: c.name,
              detail: `${c.studentCount} ${c.studentCount === 1 ? 'student' : 'students'}${c.joinCode ? ` · code ${c.joinCode}` : ' · joining closed'}`,
            }))}
            empty={
              archived.teaching.length > 0
                ? 'No classes in use: yours are archived (below). Create one above.'
                : 'You have no classes yet. Create one above.'
            }
          />
        </section>
      )}
      {(!teacher || attending.length > 0) && (
        <section aria-labelledby="attending" className="space-y-3">
          <h2 id="attending" className="text-lg font-semibold">
            {teacher ? 'Classes you are a student in' : 'Your classes'}
          </h2>
          <ClassList
            label="Your classes"
            classes={attending.map((c) => ({
              id: c.id,
              name: c.name,
              detail: `Taught by ${c.teacherName}`,
            }))}
            empty={
              archived.attending.length > 0
                ? 'None in use: your classes are archived (below).'
                : 'You are not in a class yet.'
            }
          />
          <p className="text-sm text-stone-700">
            Has your teacher given you a class code?{' '}
            <Link href="/join" className="font-medium underline">
              Join a class
            </Link>
          </p>
        </section>
      )}
      {shelved.length > 0 && (
        <section aria-labelledby="archived" className="space-y-3">
          <h2 id="archived" className="text-lg font-semibold">
            Archived classes
          </h2>
          <p className="text-sm text-stone-700">
            Read-only: their assignments, maps and grades can be opened but not changed.
            {archived.teaching.length > 0 && ' Unarchive one from its page to change it again.'}
          </p>
          <ClassList label="Archived classes" classes={shelved} empty="" />
        </section>
      )}
    </div>
  );
}

import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { MyAssignments } from '@/components/assignments/my-assignments';
import { ImportMapForm } from '@/components/maps/import-map-form';
import { MapList } from '@/components/maps/map-list';
import { NewMapForm } from '@/components/maps/new-map-form';
import { SharedMapList } from '@/components/maps/shared-map-list';
import { studentAssignments } from '@/lib/server/classroom/student-home';
import { listMyMaps } from '@/lib/server/maps';
import { getCurrentUser } from '@/lib/server/session';
import { withDb } from '@/lib/server/with-db';

export const metadata: Metadata = { title: 'My maps' };

export default async function MyMapsPage() {
  const user = await getCurrentUser();
  if (!user) redirect('/sign-in?next=/maps');
  const [maps, assignments] = await Promise.all([
    withDb(listMyMaps, { userId: user.id }),
    withDb(studentAssignments, user.id),
  ]);
  const own = maps.filter((m) => m.role === 'owner');
  const shared = maps.filter((m) => m.role !== 'owner');
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">My maps</h1>
          <p className="text-sm text-stone-600">Every change in a map is saved as you make it.</p>
        </div>
      </div>
      {/* A student's assignment maps live with their assignments: listed here too. */}
      {assignments.length > 0 && <MyAssignments assignments={assignments} />}
      <NewMapForm />
      <ImportMapForm />
      <MapList maps={own} hasOther={assignments.length > 0 || shared.length > 0} />
      <SharedMapList maps={shared} />
    </div>
  );
}

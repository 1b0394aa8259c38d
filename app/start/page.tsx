import { redirect } from 'next/navigation';
import { startQuery, type Query } from '@/lib/schemas/query';
import { landingFor } from '@/lib/server/landing';
import { getCurrentUser } from '@/lib/server/session';
import { withDb } from '@/lib/server/with-db';

export const dynamic = 'force-dynamic';

/** After signing in or up with no page to return to: on to where this person's work is. */
export default async function StartPage({ searchParams }: { searchParams: Promise<Query> }) {
  const user = await getCurrentUser();
  if (!user) redirect('/sign-in');
  const { newMap } = startQuery.parse(await searchParams);
  redirect(await withDb(landingFor, user.id, { newMap }));
}

import { redirect } from 'next/navigation';
import { db } from '@/lib/server/db';
import { landingFor } from '@/lib/server/landing';
import { getCurrentUser } from '@/lib/server/session';

export const dynamic = 'force-dynamic';

/** After signing in or up with no page to return to: on to where this person's work is. */
export default async function StartPage({
  searchParams,
}: {
  searchParams: Promise<{ new?: string | string[] }>;
}) {
  const user = await getCurrentUser();
  if (!user) redirect('/sign-in');
  const { new: make } = await searchParams;
  redirect(await landingFor(db, user.id, { newMap: make === 'map' }));
}

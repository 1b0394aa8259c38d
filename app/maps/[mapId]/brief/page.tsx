import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { BriefView } from '@/components/brief/brief-view';
import { buildBrief } from '@/lib/domain/brief';
import { unlessMissing } from '@/lib/errors';
import { sideQuery, type Query } from '@/lib/schemas/query';
import { loadMapView } from '@/lib/server/maps';
import { getCurrentUser } from '@/lib/server/session';
import { withDb } from '@/lib/server/with-db';

export const metadata: Metadata = { title: 'Debate brief' };

export default async function BriefPage({
  params,
  searchParams,
}: {
  params: Promise<{ mapId: string }>;
  searchParams: Promise<Query>;
}) {
  const [{ mapId }, query] = await Promise.all([params, searchParams]);
  // ?side=1|2 (1 when absent); any other side is not found.
  const parsed = sideQuery.safeParse(query);
  if (!parsed.success) notFound();
  const { side } = parsed.data;
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?next=/maps/${encodeURIComponent(mapId)}/brief`);
  const map = await unlessMissing(withDb(loadMapView, { userId: user.id }, mapId));
  const thesis = map?.debate.theses[side - 1];
  if (!map || !thesis) notFound();
  return <BriefView brief={buildBrief(map, thesis.id)} basePath={`/maps/${mapId}`} side={side} />;
}

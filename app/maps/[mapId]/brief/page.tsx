import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { BriefView } from '@/components/brief/brief-view';
import { buildBrief } from '@/lib/domain/brief';
import { unlessMissing } from '@/lib/errors';
import { loadMapView } from '@/lib/server/maps';
import { getCurrentUser } from '@/lib/server/session';
import { withDb } from '@/lib/server/with-db';

export const metadata: Metadata = { title: 'Debate brief' };

export default async function BriefPage({
  params,
  searchParams,
}: {
  params: Promise<{ mapId: string }>;
  searchParams: Promise<{ side?: string }>;
}) {
  const [{ mapId }, { side: rawSide }] = await Promise.all([params, searchParams]);
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?next=/maps/${encodeURIComponent(mapId)}/brief`);
  const map = await unlessMissing(withDb(loadMapView, { userId: user.id }, mapId));
  const side = rawSide === '2' ? 2 : 1;
  const thesis = map?.debate.theses[side - 1];
  if (!map || !thesis) notFound();
  return <BriefView brief={buildBrief(map, thesis.id)} basePath={`/maps/${mapId}`} side={side} />;
}

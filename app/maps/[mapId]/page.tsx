import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { MapEditor } from '@/components/map-editor/map-editor';
import { unlessMissing } from '@/lib/errors';
import { db } from '@/lib/server/db';
import { getMapForEditor } from '@/lib/server/maps';
import { getCurrentUser } from '@/lib/server/session';
import { findActiveShareLink } from '@/lib/server/share-links';

export const metadata: Metadata = { title: 'Map editor' };

export default async function EditorPage({ params }: { params: Promise<{ mapId: string }> }) {
  const { mapId } = await params;
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?next=/maps/${encodeURIComponent(mapId)}`);
  // Someone else's map looks the same as a missing one: its existence is not revealed.
  const data = await unlessMissing(
    Promise.all([
      getMapForEditor(db, { userId: user.id, mapId }),
      findActiveShareLink(db, { userId: user.id, mapId }),
    ]),
  );
  if (!data) notFound();
  const [map, link] = data;
  return <MapEditor map={map} basePath={`/maps/${mapId}`} share={link} />;
}

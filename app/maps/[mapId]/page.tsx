import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { MapEditor } from '@/components/map-editor/map-editor';
import { unlessMissing } from '@/lib/errors';
import { db } from '@/lib/server/db';
import { getMapForMember } from '@/lib/server/maps';
import { getCurrentUser } from '@/lib/server/session';
import { findActiveShareLink } from '@/lib/server/share-links';

export const metadata: Metadata = { title: 'Map editor' };

export default async function EditorPage({ params }: { params: Promise<{ mapId: string }> }) {
  const { mapId } = await params;
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?next=/maps/${encodeURIComponent(mapId)}`);
  // Someone else's map looks the same as a missing one: its existence is not revealed.
  const data = await unlessMissing(getMapForMember(db, { userId: user.id, mapId }));
  if (!data) notFound();
  const { map, role } = data;
  const link = role === 'owner' ? await findActiveShareLink(db, { userId: user.id, mapId }) : null;
  return (
    <MapEditor
      map={map}
      role={role}
      me={{ id: user.id, name: user.name }}
      basePath={`/maps/${mapId}`}
      share={link}
    />
  );
}

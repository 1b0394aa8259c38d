import { loadMapView } from '@/lib/server/maps';
import { db } from './factories';

/**
 * A map as its owner sees it: everything (notes, names, comments). Tests read back what they
 * wrote with this; loadMapView itself checks the reader's access like every exit.
 */
export async function ownerView(mapId: string) {
  const { ownerId } = await db.argumentMap.findUniqueOrThrow({
    where: { id: mapId },
    select: { ownerId: true },
  });
  return loadMapView(db, { userId: ownerId }, mapId);
}

import crypto from 'node:crypto';
import { ACCESS_TOPIC } from '@/lib/server/live/access';
import { pubsub, type BusMessage } from '@/lib/server/live/pubsub';
import { apply, orderAt } from './factories';

// Helpers for the people-and-links tests (tests/integration/members*.test.ts).

/** The access changes published for a map (on its topic, or people's: ACCESS_TOPIC) while `work` runs. */
export async function published(mapId: string, work: () => Promise<unknown>) {
  const messages: BusMessage[] = [];
  const stops = [mapId, ACCESS_TOPIC].map((topic) =>
    pubsub().subscribe(topic, (m) => messages.push(m)),
  );
  try {
    await work();
  } finally {
    stops.forEach((stop) => stop());
  }
  return messages.filter((m) => m.type === 'access');
}

export const addClaim = async (userId: string, mapId: string, thesisId: string) =>
  apply(userId, mapId, {
    kind: 'claim.add',
    claimId: crypto.randomUUID(),
    thesisId,
    parentId: null,
    stance: 'pro',
    text: 'A claim',
    order: await orderAt(mapId, thesisId, null),
  });

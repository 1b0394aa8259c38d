import crypto from 'node:crypto';
import { pubsub, type BusMessage } from '@/lib/server/live/pubsub';
import { apply, orderAt } from './factories';

// Helpers for the people-and-links tests (tests/integration/members*.test.ts).

/** Everything published on a map's live topic while `work` runs. */
export async function published(mapId: string, work: () => Promise<unknown>) {
  const messages: BusMessage[] = [];
  const stop = pubsub().subscribe(mapId, (m) => messages.push(m));
  try {
    await work();
  } finally {
    stop();
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

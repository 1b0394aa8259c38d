import 'server-only';
import { pubsub, type BusMessage } from './pubsub';

/**
 * The live pub/sub's topic of one person's bell (map topics are map ids, never this). A message
 * on it says "your notifications changed": each of their open bell streams reads the count again
 * (lib/server/live/bell-stream.ts). On PostgreSQL it reaches every app server like a map's
 * messages do (lib/server/live/pg-pubsub.ts carries any topic).
 */
export const bellTopic = (userId: string) => `#bell:${userId}`;

/** Tells these people's open bells to count again. Call only once what changed is committed. */
export function ringBells(userIds: Iterable<string>) {
  const live = pubsub();
  for (const userId of new Set(userIds)) live.publish(bellTopic(userId), { type: 'bell' });
}

/** Calls `listener` whenever this person's bell should count again (a Resync included). */
export function onBell(userId: string, listener: (message: BusMessage) => void): () => void {
  return pubsub().subscribe(bellTopic(userId), listener);
}

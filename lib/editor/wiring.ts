import type { MapView } from '@/lib/domain/views';
import type { MapChange } from '@/lib/schemas/live';
import { LiveConnection, type LiveOptions } from '@/lib/sync/live-connection';
import { MapSync, type MapSyncOptions, type Refusal } from '@/lib/sync/map-sync';
import type { Who } from './access';
import type { SessionDeps } from './session';

/** The session's outbox for a map as the server sent it, checking quotes against its articles. */
export function newMapSync(
  map: MapView,
  who: Who,
  deps: SessionDeps,
  onRefusal: (r: Refusal) => void,
  heard: Pick<MapSyncOptions, 'onConfirmed' | 'onLoaded'> = {},
): MapSync {
  const blocks = new Map(
    map.debate.theses.map((t) => [t.source.id, t.source.blocks.map((b) => b.text)]),
  );
  const { claims, anchors, links, comments, revision } = map;
  return new MapSync({
    mapId: map.id,
    snapshot: { claims, anchors, links, comments, revision },
    transport: deps.transport,
    store: deps.store,
    clock: deps.clock,
    env: { blocksOf: (id) => blocks.get(id), ...(who.me ? { me: who.me } : {}) },
    onRefusal,
    ...heard,
  });
}

/**
 * The session's live stream: signed-in people are shown to others; a view link is not. Changes
 * it hears go to `receive` (which passes them to the outbox); it resumes from the outbox's
 * revision. `on`: what to load again when it says so (suggestions; marks for review, also after
 * a reconnect).
 */
export function newLive(
  mapId: string,
  who: Who,
  deps: SessionDeps,
  live: NonNullable<SessionDeps['live']>,
  sync: MapSync,
  receive: (change: MapChange) => void,
  on: Pick<LiveOptions, 'onMarks' | 'onSuggestions'>,
): LiveConnection {
  return new LiveConnection({
    ...live,
    mapId,
    sync: {
      get revision() {
        return sync.revision;
      },
      receive,
      catchUp: () => sync.catchUp(),
    },
    ...on,
    link: who.link ?? null,
    seen: who.seen ?? null,
    presence: who.me !== null,
    clock: deps.clock,
  });
}

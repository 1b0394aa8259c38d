import type { MapState } from '@/lib/domain/apply-op';
import { liveLinks, type CrossLink } from '@/lib/domain/cross-links';
import type { AnchorView, ClaimView } from '@/lib/domain/views';
import type { LiveSnapshot } from '@/lib/sync/live-connection';
import type { SyncStatus } from '@/lib/sync/map-sync';
import type { AuthorsView } from './authors';
import type { Screen } from './screen';

/** What the editor shows, as one value: React renders it (useSyncExternalStore). */
export interface EditorSnapshot extends MapParts {
  status: SyncStatus;
  screen: Screen;
  canUndo: boolean;
  canRedo: boolean;
  live: LiveSnapshot;
  /** Who wrote each claim; null where authors are not shown (a view link's page). */
  authors: AuthorsView | null;
}

/** The map, and its claims with the quotes and links whose claims are still there. */
export interface MapParts {
  map: MapState;
  claims: ClaimView[];
  anchors: AnchorView[];
  links: CrossLink[];
}

export const NOT_LIVE: LiveSnapshot = {
  state: 'offline',
  connectedOnce: false,
  others: [],
  ended: null,
};

/** The map's parts, reusing the previous ones where their inputs did not change. */
export function mapParts(map: MapState, prev: MapParts | null): MapParts {
  if (prev?.map === map) return prev;
  const same = prev?.claims === map.claims;
  return {
    map,
    claims: map.claims,
    anchors: same && prev.map.anchors === map.anchors ? prev.anchors : liveAnchors(map),
    links: same && prev.map.links === map.links ? prev.links : liveLinks(map.claims, map.links),
  };
}

const liveAnchors = (map: MapState) => {
  const ids = new Set(map.claims.map((c) => c.id));
  return map.anchors.filter((a) => ids.has(a.claimId));
};

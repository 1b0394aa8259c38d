import 'server-only';
import { can } from '@/lib/domain/capabilities';
import { standingKey } from '@/lib/domain/page-standing';
import { assignmentContextForMap } from './classroom/work-view';
import type { Tx } from './db';
import { getMapForMember } from './maps';
import { openMarks } from './marks';
import { viewerLinkOf } from './share-links';
import { votesIfShared } from './votes';

/**
 * Everything a map's page shows of the map for a member (app/maps/[mapId]/page.tsx), with the
 * reader's access checked and their lens read once for all of it: the map as they may see it,
 * their role (and whether the map's class is archived, where everyone only reads) and the id
 * they go by, the assignment it belongs to (banner, feedback), the open marks for review (null
 * for readers who may not see them), the class's impact votes (null unless the map is shared),
 * the active view link (the owner's, who may share it), and what the page is rendered for
 * (`seen`, lib/domain/page-standing.ts), which its live stream compares when it opens.
 */
export async function getMapPage(tx: Tx, opts: { userId: string; mapId: string }) {
  const { map, role, archived, selfId, lens } = await getMapForMember(tx, opts);
  const assignment = await assignmentContextForMap(tx, opts.userId, opts.mapId);
  const [marks, votes, link] = await Promise.all([
    openMarks(tx, { ...opts, role }, lens),
    votesIfShared(tx, { ...opts, role, wholeClass: assignment?.mode === 'class' }),
    role === 'owner' && can(role, 'map.share') ? viewerLinkOf(tx, opts.mapId) : null,
  ]);
  const seen = standingKey({ role, archived, see: lens.see });
  return { map, role, archived, selfId, assignment, marks, votes, link, seen };
}

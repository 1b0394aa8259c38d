'use client';

import { useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { MapGraph } from '@/components/map-graph/map-graph';
import { graphOf, layoutInBackground } from '@/components/map-graph/use-graph-layout';
import { ClaimFinder, useFindBox } from '@/components/map-outline/claim-finder';
import { EditorSide } from '@/components/map-outline/editor-side';
import { AuthorFilter } from '@/components/map/author-filter';
import { LiveEventsContext } from '@/components/map/claim-extras';
import { PresenceContext, usePresenceByClaim } from '@/components/map/presence';
import { SessionContext, useEditorState } from '@/components/map/session';
import { useEditorKeys } from '@/components/map/use-editor-keys';
import { SideTabs } from '@/components/side-tabs';
import { useHydrated } from '@/components/ui/use-hydrated';
import { SuggestionsButton } from '@/components/map-suggestions/suggestions-button';
import type { Role } from '@/lib/domain/capabilities';
import { linkEndsByClaim } from '@/lib/domain/cross-links';
import { groupBy } from '@/lib/domain/group-by';
import { layoutKey } from '@/lib/domain/graph';
import type { MarkView } from '@/lib/domain/marks';
import type { MapView, ShareLinkView } from '@/lib/domain/views';
import { browserSession, runInWindow } from '@/lib/editor/browser';
import type { EditorSession } from '@/lib/editor/session';
import { AccessEndedNotice } from './access-ended-notice';
import { EditorDialogs } from './editor-dialogs';
import { EditorHeader } from './editor-header';
import { EditorNotices, ViewSwitch } from './editor-notices';
import { ArticlePane } from './article-pane';

/**
 * The map editor: both theses side by side, each with its argument outline and its article, or
 * the graph. Everything it does lives in one EditorSession (lib/editor/session.ts); this
 * component creates it, hands it to the views, and puts the keyboard where the session says.
 * With a viewer's role it is the shared view: everything can be read, nothing changed.
 */
export function MapEditor(props: {
  map: MapView;
  /** The person's role in this map; null for whoever holds a view link. */
  role: Role | null;
  /** The map's class is archived: everyone only reads, whatever their role. */
  archived?: boolean;
  /** Who is signed in (null on a view link without an account). */
  me?: { id: string; name: string } | null;
  /** Where this view lives (/maps/id or /s/token): exports and the brief hang off it. */
  basePath: string;
  /** On a view link's page: its token, so the page follows the map live too. */
  liveLink?: string | null;
  /** What the page was rendered for (lib/domain/page-standing.ts): its live stream compares it. */
  seen?: string | null;
  /** The map's active read-only link and what it shows (the owner's view only). */
  share?: ShareLinkView | null;
  headerActions?: ReactNode;
  /** Opens showing this author's claims plainly, the others dimmed (?author= in the address). */
  author?: string;
  /** The map's open marks for review; null (or absent) for a reader who may not see them. */
  marks?: MarkView[] | null;
  /** A claim to open the map at (a notification's `?claim=`): selected, the keyboard on it. */
  focusClaimId?: string | null;
}) {
  const { map, role, archived = false, me = null, liveLink = null, seen = null, author } = props;
  const [session] = useState(() =>
    browserSession(
      map,
      { me, role, archived, link: liveLink, seen },
      { author },
      props.marks ?? null,
    ),
  );
  const onLiveEvent = useContext(LiveEventsContext);
  useEffect(() => {
    if (!onLiveEvent || !session.live) return;
    const stop = session.live.onEvent(onLiveEvent);
    return () => void stop();
  }, [session, onLiveEvent]);
  useEffect(() => runInWindow(session), [session]);
  useEditorKeys(session);
  return (
    <SessionContext.Provider value={session}>
      <EditorBody {...props} session={session} />
    </SessionContext.Provider>
  );
}

function EditorBody({
  map,
  role,
  me = null,
  share: initialShare = null,
  headerActions,
  basePath,
  focusClaimId = null,
  seen = null,
  session,
}: Parameters<typeof MapEditor>[0] & { session: EditorSession }) {
  const { claims, links, anchors, screen, live } = useEditorState();
  const readOnly = !session.canEdit;
  const theses = session.theses;
  const [share, setShare] = useState(initialShare);
  // Everyone else: this person's other tabs are not "someone else here".
  const others = useMemo(
    () => live.others.filter((e) => e.userId !== me?.id),
    [live.others, me?.id],
  );
  const presenceByClaim = usePresenceByClaim(others);
  useFocusTarget(screen.focus, screen.view);
  // Opened at a claim (from a notification): select it and put the keyboard on it, once.
  useEffect(() => {
    if (focusClaimId && session.sync.state.claims.some((c) => c.id === focusClaimId)) {
      session.focus(focusClaimId);
    }
  }, [focusClaimId, session]);
  useFindBox(screen.finding);

  // While the outline is shown, lay the graph out in the background once edits pause, so the
  // Graph view opens without waiting for the layout.
  useEffect(() => {
    if (screen.view !== 'outline') return;
    let cancel = () => {};
    const pause = setTimeout(() => {
      cancel = layoutInBackground(() => {
        const graph = graphOf(theses, claims, links, anchors, null, null);
        return { graph, key: layoutKey(graph) };
      });
    }, 1500);
    return () => {
      clearTimeout(pause);
      cancel();
    };
  }, [screen.view, theses, claims, links, anchors]);

  // Bring a shown quote's passage into view in the reading pane.
  const { highlight } = screen;
  useEffect(() => {
    if (!highlight) return;
    const el = document.getElementById(`${highlight.sourceId}-block-${highlight.block}`);
    const pane = el?.closest('[data-pane-scroll]');
    if (!el || !pane) return;
    // Only the pane scrolls: the claim whose quote was clicked stays where it is.
    const top = el.getBoundingClientRect().top - pane.getBoundingClientRect().top;
    pane.scrollBy({ top: top - pane.clientHeight / 3, behavior: 'smooth' });
    el.focus({ preventScroll: true });
  }, [highlight, screen.reading]);

  const anchorsByClaim = useMemo(() => groupBy(anchors, (a) => a.claimId), [anchors]);
  const linkEnds = useMemo(() => linkEndsByClaim(claims, links, theses), [claims, links, theses]);

  // True once React has hydrated the page and the keyboard shortcuts listen (false on the server).
  const hydrated = useHydrated();

  const [a, b] = theses;
  if (!a || !b) return <p>This debate is missing a thesis.</p>;
  // Access to the map is gone (removed, moved, signed out, link revoked): nothing of it stays.
  if (live.ended?.lost) return <AccessEndedNotice ended={live.ended} />;
  const side = (thesis: typeof a) => (
    <EditorSide
      key={thesis.id}
      thesis={thesis}
      readOnly={readOnly}
      anchorsByClaim={anchorsByClaim}
      linkEnds={linkEnds}
    />
  );

  return (
    <PresenceContext.Provider value={presenceByClaim}>
      <div
        className={`space-y-4 ${screen.sheet ? 'max-lg:pb-[55vh]' : ''}`}
        data-editor-ready={hydrated ? 'true' : undefined}
        // What the page was rendered for, in its HTML too (lib/server/kept-page.ts checks a kept
        // link page by it: in the page's data it may be split between two scripts).
        data-standing={seen ?? undefined}
      >
        <EditorHeader map={map} role={role} share={share} others={others} actions={headerActions} />
        {live.ended && <AccessEndedNotice ended={live.ended} />}
        <EditorNotices />
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          <ViewSwitch view={screen.view} onChange={session.setView} />
          <AuthorFilter />
          <SuggestionsButton />
          {/* Last, so that on a phone, where it takes a whole row, the others share the first. */}
          {screen.view === 'outline' && <ClaimFinder />}
        </div>
        {screen.view === 'graph' ? (
          <MapGraph title={map.title} />
        ) : (
          // The study desk: the map, and beside it the article it is built from.
          <div className="lg:grid lg:grid-cols-[minmax(0,1fr)_minmax(22rem,40%)] lg:items-start lg:gap-6">
            <SideTabs
              stacked
              labels={[a.label, b.label]}
              active={screen.side}
              onActiveChange={session.setSide}
              panels={[side(a), side(b)]}
            />
            <ArticlePane />
          </div>
        )}
      </div>
      <EditorDialogs map={map} basePath={basePath} share={share} onShareChange={setShare} />
    </PresenceContext.Provider>
  );
}

/**
 * Puts the keyboard on the claim the session asks for, once its row is on screen (after an add,
 * a move, a search, or a switch of side). Runs after every render until the row is there. In a
 * long (virtualized) outline the row is always drawn, and the outline has already scrolled it
 * into view, measuring as it goes: the focus itself then does not scroll.
 */
function useFocusTarget(focus: { claimId: string; seq: number } | null, view: string) {
  const done = useRef(0);
  useEffect(() => {
    if (!focus || focus.seq === done.current) return;
    // The graph shows the selection itself; a later switch to the outline does not steal focus.
    if (view === 'graph') return void (done.current = focus.seq);
    const row = `[data-claim-row="${CSS.escape(focus.claimId)}"]`;
    const el = document.querySelector<HTMLElement>(row);
    if (el) {
      el.focus({ preventScroll: el.closest('[data-virtual-outline]') !== null });
      done.current = focus.seq;
    }
  });
}

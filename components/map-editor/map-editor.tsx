'use client';

import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import { outline, siblingIndex } from '@/lib/domain/argument-tree';
import type { MarkRange } from '@/lib/domain/text-segments';
import type { AnchorView, ClaimView, MapView, ShareLinkView } from '@/lib/domain/views';
import { MapGraph } from '@/components/map-graph/map-graph';
import { layoutInBackground } from '@/components/map-graph/use-graph-layout';
import { linkEndsByClaim } from '@/lib/domain/cross-links';
import { buildGraph, elkGraph, layoutKey } from '@/lib/domain/graph';
import { SideTabs } from '@/components/side-tabs';
import { Button } from '@/components/ui/button';
import { DeleteDialog } from './delete-dialog';
import {
  EditorActionsContext,
  EditorContext,
  stableActions,
  type ComposerTarget,
  type EditorContextValue,
} from './editor-context';
import { EditorSide } from './editor-side';
import { LinkDialog } from './link-dialog';
import { MoveDialog } from './move-dialog';
import { QuoteDialog } from './quote-dialog';
import { SelectionQuoteBar } from './selection-quote-bar';
import { SaveStatus } from './save-status';
import { commandFor, type CommandContext } from './commands';
import { ShortcutsDialog } from './shortcuts-dialog';
import { CommentsPanel } from './comments-panel';
import { useMapEditor } from './use-map-editor';
import type { Role } from '@/lib/domain/capabilities';
import { truncate } from '@/lib/domain/text';
import { EditorHeader } from './editor-header';
import { EditorNotices, ViewSwitch } from './editor-notices';
import { PresenceContext, usePresenceByClaim } from './presence';
import { AccessEndedNotice } from './access-ended-notice';
import { useLiveMap } from './use-live-map';

/** Focus in a text field or an open dialog: no single-key shortcut runs there. */
const isTyping = (el: EventTarget | null) =>
  el instanceof HTMLElement &&
  (el.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) ||
    el.closest('dialog[open]') !== null);

const short = (t: string) => truncate(t, 48);
const noSubscription = () => () => {};

/**
 * The map editor: both theses side by side, each with its argument outline and its article.
 * With `readOnly` it is the shared view: everything can be read and quotes shown, nothing changed.
 */
export function MapEditor({
  map,
  role,
  me = null,
  share: initialShare = null,
  headerActions,
  basePath,
  liveLink = null,
}: {
  map: MapView;
  /** The person's role in this map; null for whoever holds a view link. */
  role: Role | null;
  /** Who is signed in (null on a view link without an account). */
  me?: { id: string; name: string } | null;
  /** Where this view lives (/maps/id or /s/token): exports and the brief hang off it. */
  basePath: string;
  /** On a view link's page: its token, so the page follows the map live too. */
  liveLink?: string | null;
  /** The map's active read-only link and what it shows (the owner's view only). */
  share?: ShareLinkView | null;
  headerActions?: ReactNode;
}) {
  const api = useMapEditor(map, { me, role, link: liveLink });
  const readOnly = !api.canEdit;
  const theses = map.debate.theses;
  const sources = useMemo(() => theses.map((t) => t.source), [theses]);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [noteId, setNoteId] = useState<string | null>(null);
  const [composer, setComposer] = useState<ComposerTarget | null>(null);
  const [quoteFor, setQuoteFor] = useState<string | null>(null);
  const [moveFor, setMoveFor] = useState<string | null>(null);
  const [linkFor, setLinkFor] = useState<string | null>(null);
  const [deleteFor, setDeleteFor] = useState<string | null>(null);
  const [commentsFor, setCommentsFor] = useState<string | null>(null);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [view, setView] = useState<'outline' | 'graph'>('outline');
  const [share, setShare] = useState(initialShare);
  const [side, setSide] = useState<0 | 1>(0);
  const [highlight, setHighlight] = useState<AnchorView | null>(null);
  const pendingFocus = useRef<string | null>(null);
  const live = useLiveMap(api.sync, {
    link: liveLink,
    here: me ? { claimId: activeId, editing: editingId !== null || noteId !== null } : null,
  });
  // Everyone else: this person's other tabs are not "someone else here".
  const others = useMemo(
    () => live.others.filter((e) => e.userId !== me?.id),
    [live.others, me?.id],
  );
  const presenceByClaim = usePresenceByClaim(others);

  const claimById = useCallback(
    (id: string | null) => api.claims.find((c) => c.id === id) ?? null,
    [api.claims],
  );
  const sideOfThesis = useCallback(
    (thesisId: string) => (theses.findIndex((t) => t.id === thesisId) === 1 ? 1 : 0),
    [theses],
  );

  const focusClaim = useCallback(
    (id: string) => {
      setActiveId(id);
      const claim = api.claims.find((c) => c.id === id);
      if (claim) setSide(sideOfThesis(claim.thesisId));
      pendingFocus.current = id;
    },
    [api.claims, sideOfThesis],
  );

  // Focus a claim once it is on screen (after an add, a move or a side switch).
  useEffect(() => {
    if (!pendingFocus.current) return;
    const el = document.querySelector<HTMLElement>(`[data-claim-row="${pendingFocus.current}"]`);
    if (el) {
      el.focus();
      pendingFocus.current = null;
    }
  });

  // While the outline is shown, lay the graph out in the background once edits pause, so the
  // Graph view opens without waiting for the layout.
  useEffect(() => {
    if (view !== 'outline') return;
    let cancel = () => {};
    const pause = setTimeout(() => {
      cancel = layoutInBackground(() => {
        const graph = buildGraph(theses, api.claims, api.links);
        return { trees: elkGraph(graph), key: layoutKey(graph) };
      });
    }, 1500);
    return () => {
      clearTimeout(pause);
      cancel();
    };
  }, [view, theses, api.claims, api.links]);

  // Bring a shown quote's passage into view in its article.
  useEffect(() => {
    if (!highlight) return;
    const el = document.getElementById(`${highlight.sourceId}-block-${highlight.block}`);
    el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    el?.focus({ preventScroll: true });
  }, [highlight, side]);

  const openComposer = useCallback(
    (claimId: string | null, thesisId: string, kind: 'pro' | 'con' | 'sibling') => {
      setEditingId(null);
      setNoteId(null);
      const claim = claimById(claimId);
      const rows = outline(api.claims, thesisId);
      if (!claim) {
        const stance = kind === 'con' ? 'con' : 'pro';
        setComposer({
          place: { thesisId, parentId: null },
          stance,
          afterClaimId: null,
          depth: 0,
          label: `New ${stance} for the thesis`,
        });
        return;
      }
      const at = rows.findIndex((r) => r.claim.id === claim.id);
      const depth = rows[at]?.depth ?? 0;
      if (kind === 'sibling') {
        let last = at;
        while (rows[last + 1] && rows[last + 1]!.depth > depth) last++;
        setComposer({
          place: { thesisId, parentId: claim.parentId },
          stance: claim.stance,
          index: siblingIndex(api.claims, claim.id) + 1,
          afterClaimId: rows[last]?.claim.id ?? claim.id,
          depth,
          label: `New claim after “${short(claim.text)}”`,
        });
      } else {
        setComposer({
          place: { thesisId, parentId: claim.id },
          stance: kind,
          index: 0,
          afterClaimId: claim.id,
          depth: depth + 1,
          label: `New ${kind} reply to “${short(claim.text)}”`,
        });
      }
    },
    [api.claims, claimById],
  );

  const requestDelete = useCallback(
    (id: string) => {
      if (api.descendantsOf(id) > 0) return setDeleteFor(id);
      const rows = api.claims;
      const claim = rows.find((c) => c.id === id);
      api.deleteClaim(id);
      // Keep the keyboard where it was: on the parent, or nowhere if it answered the thesis.
      if (claim?.parentId) focusClaim(claim.parentId);
    },
    [api, focusClaim],
  );

  const moveFocus = (id: string, delta: 1 | -1) => {
    const rows = Array.from(document.querySelectorAll<HTMLElement>('[data-claim-row]')).filter(
      (el) => el.offsetParent !== null,
    );
    const at = rows.findIndex((el) => el.dataset.claimRow === id);
    const next = rows[at + delta];
    if (next) focusClaim(next.dataset.claimRow!);
  };

  /** What the command registry (commands.ts) acts on, for the selected claim and this key. */
  const commandContext = (key: string, claim: ClaimView | null): CommandContext => ({
    claim,
    key,
    setAttribute: api.setAttribute,
    indent: api.indent,
    outdent: api.outdent,
    shift: api.shift,
    undo: api.undo,
    redo: api.redo,
    edit: setEditingId,
    compose: openComposer,
    openMove: setMoveFor,
    openNote: setNoteId,
    openQuote: setQuoteFor,
    openLink: setLinkFor,
    openComments: setCommentsFor,
    requestDelete,
    moveFocus,
    focusClaim,
    showHelp: () => setShortcutsOpen(true),
  });

  /** Runs the command for a key pressed on a claim; false when the key is not a command here. */
  const runCommand = (id: string, e: React.KeyboardEvent): boolean => {
    const claim = claimById(id);
    const command = commandFor(e);
    if (!claim || !command || (readOnly && !command.readOnly)) return false;
    command.run(commandContext(e.key, claim));
    return true;
  };

  // Commands that work anywhere outside a text field (? for help, Ctrl+Z for undo).
  const latestContext = useRef(commandContext);
  useLayoutEffect(() => {
    latestContext.current = commandContext;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target) || e.defaultPrevented) return;
      const command = commandFor(e);
      if (!command?.global || (readOnly && !command.readOnly)) return;
      e.preventDefault();
      command.run(latestContext.current(e.key, null));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [readOnly]);

  const showQuote = useCallback(
    (anchor: AnchorView) => {
      const s = theses.findIndex((t) => t.source.id === anchor.sourceId);
      if (s === 0 || s === 1) setSide(s);
      setHighlight({ ...anchor });
    },
    [theses],
  );

  const marksFor = useCallback(
    (sourceId: string) => {
      const marks: Record<number, MarkRange[]> = {};
      for (const a of api.anchors) {
        if (a.sourceId !== sourceId) continue;
        (marks[a.block] ??= []).push({ start: a.start, end: a.end, kind: 'anchored' });
      }
      if (highlight && highlight.sourceId === sourceId) {
        (marks[highlight.block] ??= []).push({
          start: highlight.start,
          end: highlight.end,
          kind: 'highlight',
        });
      }
      return marks;
    },
    [api.anchors, highlight],
  );

  const anchorsByClaim = useMemo(() => {
    const map = new Map<string, AnchorView[]>();
    for (const a of api.anchors) {
      const list = map.get(a.claimId);
      if (list) list.push(a);
      else map.set(a.claimId, [a]);
    }
    return map;
  }, [api.anchors]);
  const linkEnds = useMemo(
    () => linkEndsByClaim(api.claims, api.links, theses),
    [api.claims, api.links, theses],
  );

  // True once React has hydrated the page and the keyboard shortcuts listen (false on the server).
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );

  const ctx: EditorContextValue = {
    api,
    anchorsByClaim,
    linkEnds,
    readOnly,
    theses,
    sources,
    activeId,
    setActiveId,
    focusClaim,
    editingId,
    setEditingId: (id) => {
      setComposer(null);
      setEditingId(id);
    },
    noteId,
    setNoteId: (id) => {
      setComposer(null);
      setNoteId(id);
    },
    composer,
    openComposer,
    closeComposer: () => setComposer(null),
    openQuoteDialog: setQuoteFor,
    openMoveDialog: setMoveFor,
    openLinkDialog: setLinkFor,
    openComments: setCommentsFor,
    requestDelete,
    showQuote,
    runCommand,
  };

  // Rows read commands through a stable object that always reaches the latest context.
  // (The "latest ref" pattern: the object only reads the ref when a row calls it, never in render.)
  const latest = useRef(ctx);
  useLayoutEffect(() => {
    latest.current = ctx;
  });
  // eslint-disable-next-line react-hooks/refs
  const [actions] = useState(() => stableActions(latest));

  const quoteClaim = claimById(quoteFor);
  const moveClaim = claimById(moveFor);
  const linkClaim = claimById(linkFor);
  const deleteClaim = claimById(deleteFor);
  const [a, b] = theses;
  if (!a || !b) return <p>This debate is missing a thesis.</p>;
  // Access to the map is gone (removed, moved, signed out, link revoked): nothing of it stays.
  if (live.ended?.lost) return <AccessEndedNotice ended={live.ended} />;

  return (
    <EditorContext.Provider value={ctx}>
      <PresenceContext.Provider value={presenceByClaim}>
        <EditorActionsContext.Provider value={actions}>
          <div className="space-y-4" data-editor-ready={hydrated ? 'true' : undefined}>
            <EditorHeader
              map={map}
              role={role}
              basePath={basePath}
              share={share}
              onShareChange={setShare}
              live={live}
              others={others}
              onShortcuts={() => setShortcutsOpen(true)}
              actions={headerActions}
            />

            {live.ended && <AccessEndedNotice ended={live.ended} />}
            <EditorNotices />
            <ViewSwitch view={view} onChange={setView} />

            {view === 'graph' ? (
              <MapGraph title={map.title} />
            ) : (
              <SideTabs
                labels={[a.label, b.label]}
                active={side}
                onActiveChange={setSide}
                panels={[
                  <EditorSide
                    key={a.id}
                    thesis={a}
                    marks={marksFor(a.source.id)}
                    highlightBlock={
                      highlight?.sourceId === a.source.id ? highlight.block : undefined
                    }
                  />,
                  <EditorSide
                    key={b.id}
                    thesis={b}
                    marks={marksFor(b.source.id)}
                    highlightBlock={
                      highlight?.sourceId === b.source.id ? highlight.block : undefined
                    }
                  />,
                ]}
              />
            )}
          </div>

          {!readOnly && (
            <SelectionQuoteBar
              claim={claimById(activeId)}
              onAttach={async (sourceId, selector, block) => {
                if (!activeId) return 'Select a claim first.';
                const r = await api.addAnchor(activeId, sourceId, selector, block);
                return r.ok ? null : r.message;
              }}
            />
          )}
          <ShortcutsDialog open={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
          {quoteClaim && <QuoteDialog claim={quoteClaim} onClose={() => setQuoteFor(null)} />}
          {moveClaim && <MoveDialog claim={moveClaim} onClose={() => setMoveFor(null)} />}
          {linkClaim && <LinkDialog claim={linkClaim} onClose={() => setLinkFor(null)} />}
          {commentsFor && (
            <CommentsPanel claimId={commentsFor} onClose={() => setCommentsFor(null)} />
          )}
          {deleteClaim && (
            <DeleteDialog
              claim={deleteClaim}
              replies={api.descendantsOf(deleteClaim.id)}
              onClose={() => setDeleteFor(null)}
              onConfirm={() => {
                setDeleteFor(null);
                api.deleteClaim(deleteClaim.id);
                if (deleteClaim.parentId) focusClaim(deleteClaim.parentId);
              }}
            />
          )}
        </EditorActionsContext.Provider>
      </PresenceContext.Provider>
    </EditorContext.Provider>
  );
}

'use client';

import { ReactFlowProvider } from '@xyflow/react';
import { useCallback, useMemo, useState, useSyncExternalStore } from 'react';
import { Button } from '@/components/ui/button';
import { useEditorState, useSession } from '@/components/map/session';
import { layoutKey } from '@/lib/domain/graph';
import { showsAuthors } from '@/lib/editor/authors';
import { GraphCanvas, type Aim } from './graph-canvas';
import { downloadGraphImage } from './graph-download';
import { GraphOverview } from './graph-overview';
import { GraphPanel } from './graph-panel';
import { graphOf, useGraphLayout } from './use-graph-layout';

/**
 * The graph view: the same map as the outline, as boxes and arrows in two tidy trees (laid out
 * in a worker), readable from the start: it opens on a thesis and its first replies with 14 px
 * text, never fits below 12 px, and the Overview shows a big map whole, by branch. Editing goes
 * through the panel beside it, with the editor's commands.
 */
export function MapGraph({ title }: { title: string }) {
  return (
    <ReactFlowProvider>
      <GraphView title={title} />
    </ReactFlowProvider>
  );
}

const narrowQuery = '(max-width: 767px)';
const subscribeNarrow = (change: () => void) => {
  const q = window.matchMedia(narrowQuery);
  q.addEventListener('change', change);
  return () => q.removeEventListener('change', change);
};

function GraphView({ title }: { title: string }) {
  const session = useSession();
  const { claims, links, anchors, screen, authors } = useEditorState();
  const activeId = screen.activeId;
  // Under an author filter, the boxes of everyone else's claims are dimmed.
  const filter = showsAuthors(authors, session.me?.id ?? null) ? screen.author : null;
  const dimmed = useMemo(
    () =>
      filter && authors
        ? new Set(claims.filter((c) => authors.of.get(c.id) !== filter).map((c) => c.id))
        : null,
    [filter, authors, claims],
  );
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const [focusId, setFocusId] = useState<string | null>(null);
  const [mode, setMode] = useState<'boxes' | 'overview'>('boxes');
  const [exporting, setExporting] = useState(false);
  const [quotesOf, setQuotesOf] = useState<string | null>(null);
  // On a phone, one thesis at a time (the side the editor is on).
  const narrow = useSyncExternalStore(
    subscribeNarrow,
    () => window.matchMedia(narrowQuery).matches,
    () => false,
  );
  const theses = useMemo(
    () => (narrow ? session.theses.filter((_, i) => i === screen.side) : session.theses),
    [narrow, session.theses, screen.side],
  );

  // Unfolded and unfocused, the same graph the editor laid out in the background: not rebuilt.
  const graph = useMemo(
    () => graphOf(theses, claims, links, anchors, collapsed.size ? collapsed : null, focusId),
    [theses, claims, links, anchors, collapsed, focusId],
  );
  const key = useMemo(() => layoutKey(graph), [graph]);
  const { layout, error } = useGraphLayout(graph, key);
  const ready = layout?.key === key;

  // Where the camera goes: first the thesis (of the selected claim's side) and its replies.
  const [aimSeq, setAimSeq] = useState(1);
  const [aimAt, setAimAt] = useState<'open' | 'all'>('open');
  const aim: Aim | null = useMemo(() => {
    const root = focusId ?? graph.nodes.find((n) => n.id === activeId)?.thesisId ?? theses[0]?.id;
    if (!root) return null;
    const branch = new Set([
      root,
      ...graph.nodes.filter((n) => n.parentId === root).map((n) => n.id),
    ]);
    const all = new Set(graph.nodes.map((n) => n.id));
    const targets = aimAt === 'all' || !focusId ? [all, branch] : [branch];
    // The canvas moves only when `seq` changes: a new selection does not move the camera.
    // A phone turning sideways, or its thesis switch, aims again at what is now shown.
    return {
      anchorId: root,
      targets,
      seq: `${aimSeq}:${narrow ? `phone:${screen.side}` : 'wide'}`,
    };
  }, [aimSeq, aimAt, focusId, graph, activeId, theses, narrow, screen.side]);
  const aimAgain = (at: 'open' | 'all') => {
    setAimAt(at);
    setAimSeq((s) => s + 1);
  };

  // The panel's list of boxes: all of them in a small map; in a big one, the way around the
  // selected box (the theses, what it answers, it, its replies), so the list stays short.
  const choices = useMemo(() => {
    if (graph.nodes.length <= 400) return graph.nodes.map((n) => n.id);
    const byId = new Map(graph.nodes.map((n) => [n.id, n]));
    const path: string[] = [];
    for (
      let n = activeId ? byId.get(activeId) : undefined;
      n;
      n = n.parentId ? byId.get(n.parentId) : undefined
    )
      path.unshift(n.id);
    const here = activeId && byId.has(activeId) ? activeId : null;
    const kids = graph.nodes.filter((n) => n.parentId === (here ?? theses[0]?.id)).map((n) => n.id);
    return [...new Set([...theses.map((t) => t.id), ...path, ...kids])];
  }, [graph, activeId, theses]);

  const showQuotes = useCallback(
    (id: string) => {
      session.select(id);
      setQuotesOf(id);
    },
    [session],
  );

  const download = async (format: 'png' | 'svg') => {
    if (!layout) return;
    setExporting(true);
    try {
      await downloadGraphImage(graph, layout.layout, format, `${title}-graph`);
    } finally {
      setExporting(false);
    }
  };

  return (
    <div className="flex flex-col gap-3 lg:flex-row">
      <div className="min-w-0 flex-1">
        {narrow && session.theses.length > 1 && (
          <div
            className="mb-2 grid grid-cols-2 gap-1 rounded-lg bg-stone-200 p-1"
            role="group"
            aria-label="Thesis shown"
          >
            {session.theses.map((t, i) => (
              <button
                key={t.id}
                type="button"
                aria-pressed={screen.side === i}
                onClick={() => {
                  session.setSide(i as 0 | 1);
                  aimAgain('open');
                }}
                className={`min-h-11 rounded-md px-2 text-sm font-semibold ${screen.side === i ? 'bg-white text-stone-900 shadow' : 'text-stone-700'}`}
              >
                {t.label}
              </button>
            ))}
          </div>
        )}
        <div className="mb-2 flex flex-wrap items-center gap-2" data-no-print>
          <div className="flex rounded-md bg-stone-200 p-0.5" role="group" aria-label="Graph shows">
            {(['boxes', 'overview'] as const).map((m) => (
              <button
                key={m}
                type="button"
                aria-pressed={mode === m}
                onClick={() => setMode(m)}
                className={`min-h-9 rounded px-3 text-sm font-semibold ${mode === m ? 'bg-white text-stone-900 shadow' : 'text-stone-700'}`}
              >
                {m === 'boxes' ? 'Boxes' : 'Overview'}
              </button>
            ))}
          </div>
          {mode === 'boxes' && (
            <Button size="sm" onClick={() => aimAgain('all')}>
              Fit to screen
            </Button>
          )}
          {focusId && (
            <Button
              size="sm"
              onClick={() => {
                setFocusId(null);
                aimAgain('open');
              }}
            >
              Show the whole map
            </Button>
          )}
          <Button size="sm" disabled={exporting || !ready} onClick={() => void download('png')}>
            Download PNG
          </Button>
          <Button size="sm" disabled={exporting || !ready} onClick={() => void download('svg')}>
            Download SVG
          </Button>
          <p
            className="text-xs text-stone-600"
            data-layout-ms={layout ? Math.round(layout.ms) : undefined}
            aria-live="polite"
          >
            {error
              ? `Layout failed: ${error}`
              : layout
                ? `${graph.nodes.length} boxes`
                : 'Laying out…'}
          </p>
        </div>
        <p className="mb-2 text-xs text-stone-700">
          <span className="font-semibold text-pro-800">Green helps the thesis</span>,{' '}
          <span className="font-semibold text-con-800">red argues against it</span>. Arrows point to
          what a claim answers: solid supports, dashed objects, dotted links to the other side.
        </p>
        <div data-graph data-graph-ready={ready ? 'true' : 'false'}>
          {mode === 'overview' ? (
            <GraphOverview
              graph={graph}
              narrow={narrow}
              onOpen={(id) => {
                setMode('boxes');
                const thesis = theses.some((t) => t.id === id);
                setFocusId(thesis ? null : id);
                session.select(id);
                aimAgain('open');
              }}
            />
          ) : (
            <GraphCanvas
              graph={graph}
              layout={layout?.layout ?? null}
              current={ready}
              activeId={activeId}
              dimmed={dimmed}
              aim={aim}
              onSelect={(id) => {
                session.select(id);
                setQuotesOf(null);
              }}
              onQuotes={showQuotes}
            />
          )}
        </div>
      </div>
      <GraphPanel
        collapsed={collapsed}
        quotesOpen={quotesOf !== null && quotesOf === activeId}
        onToggleCollapse={(id) =>
          setCollapsed((s) => {
            const next = new Set(s);
            if (next.has(id)) next.delete(id);
            else next.add(id);
            return next;
          })
        }
        onFocus={(id) => {
          setFocusId(id);
          aimAgain('open');
        }}
        choices={choices}
      />
    </div>
  );
}

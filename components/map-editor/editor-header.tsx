'use client';

import type { ReactNode } from 'react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import type { Role } from '@/lib/domain/capabilities';
import type { MapView, ShareLinkView } from '@/lib/domain/views';
import { useEditor } from './editor-context';
import { ExportDialog } from './export-dialog';
import { HistoryDialog } from './history-dialog';
import { PresenceBar } from './presence';
import { SaveStatus } from './save-status';
import { ShareDialog } from './share-dialog';
import { TrashDialog } from './trash-dialog';
import type { useLiveMap } from './use-live-map';
import type { PresenceEntry } from '@/lib/schemas/live';

/** The line above the title: whose map this is and what this person may do in it. */
function roleLine(role: Role | null, ownerName: string | null): string {
  const by = ownerName ? ` by ${ownerName}` : '';
  switch (role) {
    case 'owner':
      return 'Argument map';
    case 'editor':
      return `Shared map${by} · you can edit`;
    case 'commenter':
      return `Shared map${by} · you can comment`;
    default:
      return `Shared map${by} · read-only`;
  }
}

/**
 * The editor's title and toolbar: who is here and whether changes arrive live, the save status,
 * undo and redo, and the map-wide dialogs (Trash, History, Export, Share), which it opens itself.
 */
export function EditorHeader({
  map,
  role,
  basePath,
  share,
  onShareChange,
  live,
  others,
  onShortcuts,
  actions,
}: {
  map: MapView;
  role: Role | null;
  basePath: string;
  share: ShareLinkView | null;
  onShareChange: (link: ShareLinkView | null) => void;
  live: ReturnType<typeof useLiveMap>;
  /** Who else is here (this person's other tabs left out). */
  others: PresenceEntry[];
  onShortcuts: () => void;
  actions?: ReactNode;
}) {
  const { api, theses } = useEditor();
  const readOnly = !api.canEdit;
  const [open, setOpen] = useState<'trash' | 'history' | 'export' | 'share' | null>(null);
  const close = () => setOpen(null);
  return (
    <>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="text-sm text-stone-600">
            {roleLine(role, map.ownerName)} · {map.debate.motion}
          </p>
          <h1 className="break-words text-2xl font-bold text-stone-900">{map.title}</h1>
        </div>
        <div className="flex flex-wrap items-center gap-2" data-no-print>
          <PresenceBar entries={others} live={live.live} />
          {(api.canEdit || api.canComment) && (
            <SaveStatus status={api.status} onRetry={api.retryNow} />
          )}
          {!readOnly && (
            <>
              <Button onClick={api.undo} disabled={!api.canUndo} aria-keyshortcuts="Control+Z">
                Undo
              </Button>
              <Button
                onClick={api.redo}
                disabled={!api.canRedo}
                aria-keyshortcuts="Control+Shift+Z"
              >
                Redo
              </Button>
            </>
          )}
          {!readOnly && <Button onClick={() => setOpen('trash')}>Trash</Button>}
          {role && <Button onClick={() => setOpen('history')}>History</Button>}
          <Button onClick={() => setOpen('export')}>Export & brief</Button>
          <Button onClick={() => onShortcuts()} aria-keyshortcuts="?">
            Shortcuts
          </Button>
          {role === 'owner' && (
            <Button variant="primary" onClick={() => setOpen('share')}>
              {share ? 'Shared' : 'Share'}
            </Button>
          )}
          {actions}
        </div>
      </div>
      {open === 'export' && <ExportDialog basePath={basePath} theses={theses} onClose={close} />}
      {open === 'share' && (
        <ShareDialog mapId={map.id} link={share} onLinkChange={onShareChange} onClose={close} />
      )}
      {open === 'trash' && <TrashDialog mapId={map.id} onClose={close} />}
      {open === 'history' && <HistoryDialog onClose={close} />}
    </>
  );
}

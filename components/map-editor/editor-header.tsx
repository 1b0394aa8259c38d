'use client';

import { useId, useState, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import type { Role } from '@/lib/domain/capabilities';
import type { MapView, ShareLinkView } from '@/lib/domain/views';
import { CommandButton } from '@/components/map/command-button';
import { PresenceBar } from '@/components/map/presence';
import { useEditorState, useSession } from '@/components/map/session';
import { SaveStatus } from './save-status';
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
 * undo and redo, and the buttons for the map-wide dialogs (Trash, History, Export, Share).
 */
export function EditorHeader({
  map,
  role,
  share,
  others,
  actions,
}: {
  map: MapView;
  role: Role | null;
  share: ShareLinkView | null;
  /** Who else is here (this person's other tabs left out). */
  others: PresenceEntry[];
  actions?: ReactNode;
}) {
  const session = useSession();
  const { status, canUndo, canRedo, live, screen } = useEditorState();
  const readOnly = !session.canEdit;
  const [menu, setMenu] = useState(false);
  const menuId = useId();
  const setOpen = (kind: 'trash' | 'history' | 'export' | 'share') => {
    setMenu(false);
    session.open(kind, null);
  };
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
          <PresenceBar entries={others} live={live.state} connectedOnce={live.connectedOnce} />
          {(session.canEdit || session.canComment) && (
            <SaveStatus
              status={status}
              unsaved={screen.unsaved.length}
              onRetry={() => session.sync.retryNow()}
            />
          )}
          {!readOnly && (
            <>
              <CommandButton
                command="undo"
                size="md"
                disabled={!canUndo}
                aria-keyshortcuts="Control+Z"
              >
                Undo
              </CommandButton>
              <CommandButton
                command="redo"
                size="md"
                disabled={!canRedo}
                aria-keyshortcuts="Control+Shift+Z"
              >
                Redo
              </CommandButton>
            </>
          )}
          {/* On a phone the map's own actions fold under one button, so the map starts sooner. */}
          <Button
            className="md:hidden"
            aria-expanded={menu}
            aria-controls={menuId}
            onClick={() => setMenu((open) => !open)}
          >
            Map ▾
          </Button>
          <div id={menuId} className={`${menu ? 'flex' : 'hidden'} flex-wrap gap-2 md:flex`}>
            {!readOnly && <Button onClick={() => setOpen('trash')}>Trash</Button>}
            {role && <Button onClick={() => setOpen('history')}>History</Button>}
            <Button onClick={() => setOpen('export')}>Export & brief</Button>
            <CommandButton
              command="help"
              size="md"
              aria-keyshortcuts="?"
              className="[@media(pointer:coarse)]:hidden"
            >
              Shortcuts
            </CommandButton>
          </div>
          {role === 'owner' && (
            <Button variant="primary" onClick={() => setOpen('share')}>
              {share ? 'Shared' : 'Share'}
            </Button>
          )}
          {actions}
        </div>
      </div>
    </>
  );
}

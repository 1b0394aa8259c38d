'use client';

import { useEditorState, useSession } from '@/components/map/session';
import { subtreeIds } from '@/lib/domain/argument-tree';
import type { MapView, ShareLinkView } from '@/lib/domain/views';
import { CommentsPanel } from '@/components/map-comments/comments-panel';
import { DeleteDialog } from './delete-dialog';
import { ExportDialog } from './export-dialog';
import { HistoryDialog } from '@/components/map-history/history-dialog';
import { LinkDialog } from './link-dialog';
import { MarkDialog } from './mark-dialog';
import { MoveDialog } from './move-dialog';
import { QuoteDialog } from './quote-dialog';
import { ShareDialog } from '@/components/map-sharing/share-dialog';
import { ShortcutsDialog } from './shortcuts-dialog';
import { SuggestionsPanel } from '@/components/map-suggestions/suggestions-panel';
import { TrashDialog } from './trash-dialog';

/** The one dialog the session has open (lib/editor/screen.ts), for the claim it is about. */
export function EditorDialogs({
  map,
  basePath,
  share,
  onShareChange,
}: {
  map: MapView;
  basePath: string;
  share: ShareLinkView | null;
  onShareChange: (link: ShareLinkView | null) => void;
}) {
  const session = useSession();
  const { screen, claims } = useEditorState();
  const { dialog } = screen;
  if (!dialog) return null;
  const close = session.closeDialog;
  const claim = claims.find((c) => c.id === dialog.claimId);
  switch (dialog.kind) {
    case 'shortcuts':
      return <ShortcutsDialog open onClose={close} />;
    case 'export':
      return <ExportDialog basePath={basePath} theses={session.theses} onClose={close} />;
    case 'share':
      return (
        <ShareDialog mapId={map.id} link={share} onLinkChange={onShareChange} onClose={close} />
      );
    case 'trash':
      return <TrashDialog mapId={map.id} onClose={close} />;
    case 'history':
      return <HistoryDialog onClose={close} />;
    case 'suggestions':
      return <SuggestionsPanel />;
    case 'comments':
      return dialog.claimId ? <CommentsPanel claimId={dialog.claimId} /> : null;
  }
  if (!claim) return null;
  switch (dialog.kind) {
    case 'quote':
      return <QuoteDialog claim={claim} onClose={close} />;
    case 'move':
      return <MoveDialog claim={claim} onClose={close} />;
    case 'link':
      return <LinkDialog claim={claim} onClose={close} />;
    case 'mark':
      return <MarkDialog claim={claim} onClose={close} />;
    case 'delete':
      return (
        <DeleteDialog
          claim={claim}
          replies={subtreeIds(claims, claim.id).size - 1}
          onClose={close}
          onConfirm={() => session.confirmDelete()}
        />
      );
  }
}

'use client';

import { createContext, useContext } from 'react';
import type { Place, Stance } from '@/lib/domain/argument-tree';
import type { linkEndsByClaim } from '@/lib/domain/cross-links';
import type { AnchorView, SourceView, ThesisView } from '@/lib/domain/views';
import type { MapEditorApi } from './use-map-editor';

export interface ComposerTarget {
  place: Place;
  stance: Stance;
  index?: number;
  /** The claim the composer shows under; null for a new top-level claim of the thesis. */
  afterClaimId: string | null;
  /** Indentation of the new claim. */
  depth: number;
  label: string;
}

/** What every part of the editor needs: the map's state and writes, and the editor's UI state. */
export interface EditorContextValue {
  api: MapEditorApi;
  /** The map's quotes by claim, and its cross-links by claim, both ways (computed once). */
  anchorsByClaim: Map<string, AnchorView[]>;
  linkEnds: ReturnType<typeof linkEndsByClaim>;
  readOnly: boolean;
  theses: ThesisView[];
  sources: SourceView[];
  activeId: string | null;
  setActiveId: (id: string | null) => void;
  focusClaim: (id: string) => void;
  editingId: string | null;
  setEditingId: (id: string | null) => void;
  noteId: string | null;
  setNoteId: (id: string | null) => void;
  composer: ComposerTarget | null;
  openComposer: (claimId: string | null, thesisId: string, kind: 'pro' | 'con' | 'sibling') => void;
  closeComposer: () => void;
  openQuoteDialog: (claimId: string) => void;
  openMoveDialog: (claimId: string) => void;
  openLinkDialog: (claimId: string) => void;
  /** Opens the comments panel on a claim (comments-panel.tsx). */
  openComments: (claimId: string) => void;
  requestDelete: (claimId: string) => void;
  showQuote: (anchor: AnchorView) => void;
  runCommand: (claimId: string, e: React.KeyboardEvent) => boolean;
}

export const EditorContext = createContext<EditorContextValue | null>(null);

export function useEditor(): EditorContextValue {
  const value = useContext(EditorContext);
  if (!value) throw new Error('useEditor must be used inside <MapEditor>.');
  return value;
}

/**
 * The editor's commands and fixed data, as one object that never changes identity, so claim rows
 * can be memoized and only the rows whose own data changed re-render.
 */
export type EditorActions = Pick<
  EditorContextValue,
  | 'readOnly'
  | 'theses'
  | 'sources'
  | 'setActiveId'
  | 'focusClaim'
  | 'setEditingId'
  | 'setNoteId'
  | 'openComposer'
  | 'openQuoteDialog'
  | 'openMoveDialog'
  | 'openLinkDialog'
  | 'openComments'
  | 'requestDelete'
  | 'showQuote'
  | 'runCommand'
> &
  Pick<
    MapEditorApi,
    | 'editClaim'
    | 'setAttribute'
    | 'shift'
    | 'indent'
    | 'outdent'
    | 'removeAnchor'
    | 'removeLink'
    // The outbox itself (a stable object), so a comment badge can follow its own claim's count.
    | 'sync'
    | 'canComment'
  >;

/** Builds the stable actions object over a ref that always holds the latest context. */
export function stableActions(latest: { current: EditorContextValue }): EditorActions {
  const c = () => latest.current;
  return {
    get readOnly() {
      return c().readOnly;
    },
    get theses() {
      return c().theses;
    },
    get sources() {
      return c().sources;
    },
    get sync() {
      return c().api.sync;
    },
    get canComment() {
      return c().api.canComment;
    },
    setActiveId: (id) => c().setActiveId(id),
    focusClaim: (id) => c().focusClaim(id),
    setEditingId: (id) => c().setEditingId(id),
    setNoteId: (id) => c().setNoteId(id),
    openComposer: (...args) => c().openComposer(...args),
    openQuoteDialog: (id) => c().openQuoteDialog(id),
    openMoveDialog: (id) => c().openMoveDialog(id),
    openLinkDialog: (id) => c().openLinkDialog(id),
    openComments: (id) => c().openComments(id),
    requestDelete: (id) => c().requestDelete(id),
    showQuote: (a) => c().showQuote(a),
    runCommand: (id, e) => c().runCommand(id, e),
    editClaim: (...args) => c().api.editClaim(...args),
    setAttribute: (...args) => c().api.setAttribute(...args),
    shift: (...args) => c().api.shift(...args),
    indent: (id) => c().api.indent(id),
    outdent: (id) => c().api.outdent(id),
    removeAnchor: (id) => c().api.removeAnchor(id),
    removeLink: (id) => c().api.removeLink(id),
  };
}

export const EditorActionsContext = createContext<EditorActions | null>(null);

export function useEditorActions(): EditorActions {
  const value = useContext(EditorActionsContext);
  if (!value) throw new Error('useEditorActions must be used inside <MapEditor>.');
  return value;
}

'use client';

import { createContext, useContext } from 'react';
import type { Place, Stance } from '@/lib/domain/argument-tree';
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

import type { Place, Stance } from '@/lib/domain/argument-tree';
import type { AnchorView } from '@/lib/domain/views';
import type { UnsavedText } from '@/lib/sync/unsaved-text';

/**
 * What the editor shows besides the map itself: which claim is selected, which text is being
 * typed, which dialog is open, and what was last said. It changes only through `screenReducer`,
 * so every view (outline, graph, toolbar, keys) sees the same screen.
 */

/** Where the new-claim form is open, and what it will add. */
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

export type DialogKind =
  // About one claim:
  | 'quote'
  | 'move'
  | 'link'
  | 'delete'
  | 'comments'
  // About the whole map:
  | 'shortcuts'
  | 'trash'
  | 'history'
  | 'export'
  | 'share';

export interface Screen {
  /** The selected claim, or (in the graph) thesis. */
  activeId: string | null;
  /** The claim whose text or note is being edited in place. */
  editing: { claimId: string; field: 'text' | 'note' } | null;
  composer: ComposerTarget | null;
  /** The one dialog open, and the claim it is about. */
  dialog: { kind: DialogKind; claimId: string | null } | null;
  view: 'outline' | 'graph';
  /** Which thesis is worked on: the tab shown on a narrow screen. */
  side: 0 | 1;
  /** Which article the reading pane shows (follows the side worked on, or the reader's pick). */
  reading: 0 | 1;
  /** On a narrow screen, whether the reading pane is open over the lower part of the map. */
  sheet: boolean;
  /** A quote whose passage is shown in its article. */
  highlight: AnchorView | null;
  /** Where the keyboard goes next: a claim row, once it is on screen. `seq` rises each time. */
  focus: { claimId: string; seq: number } | null;
  /** Rises each time "Find a claim" is asked for: the keyboard goes to the find box. */
  finding: number;
  /** The last thing done, in words, for screen readers. */
  announcement: string;
  /** A refusal to show in a banner. */
  error: string | null;
  /** Typed text the server did not take, kept until the person decides. */
  unsaved: UnsavedText[];
  /** Claims someone else just changed, with their name (marked for a few seconds). */
  touched: Record<string, string>;
  /** Whose claims are shown plainly (an author's id as the page knows them); others' are dimmed. */
  author: string | null;
}

export const initialScreen: Screen = {
  activeId: null,
  editing: null,
  composer: null,
  dialog: null,
  view: 'outline',
  side: 0,
  reading: 0,
  sheet: false,
  highlight: null,
  focus: null,
  finding: 0,
  announcement: '',
  error: null,
  unsaved: [],
  touched: {},
  author: null,
};

export type ScreenAction =
  /** Selects a claim or thesis; `side` is its side, and the pane turns to that side's article. */
  | { type: 'select'; id: string | null; side?: 0 | 1 }
  | { type: 'focus'; claimId: string; side?: 0 | 1 }
  /** Puts the keyboard in the find box (in the outline, which it switches to). */
  | { type: 'find' }
  | { type: 'edit'; claimId: string; field: 'text' | 'note' }
  | { type: 'stopEditing' }
  | { type: 'compose'; target: ComposerTarget }
  | { type: 'closeComposer' }
  | { type: 'open'; kind: DialogKind; claimId: string | null }
  | { type: 'closeDialog' }
  | { type: 'view'; view: Screen['view'] }
  | { type: 'side'; side: 0 | 1 }
  | { type: 'read'; side: 0 | 1 }
  | { type: 'sheet'; open: boolean }
  /** Shows a quote's passage: the pane turns to its article (`side`) and opens on a phone. */
  | { type: 'showQuote'; anchor: AnchorView; side?: 0 | 1 }
  | { type: 'announce'; text: string }
  | { type: 'error'; text: string | null }
  /** The server refused a change: typed text it carried is kept with its own notice; the rest gets the banner. */
  | { type: 'refused'; message: string; texts: UnsavedText[]; undo?: boolean }
  | { type: 'settled'; claimId: string; field?: 'text' | 'note' }
  | { type: 'touched'; claimId: string; by: string }
  | { type: 'untouched'; claimId: string }
  /** Shows one author's claims plainly and dims the rest; null shows everyone's. */
  | { type: 'author'; id: string | null }
  /** Claims gone from the map (deleted here or by someone else): nothing may point at them. */
  | { type: 'claimsGone'; exists: (id: string) => boolean };

export function screenReducer(s: Screen, a: ScreenAction): Screen {
  switch (a.type) {
    case 'select':
      if (s.activeId === a.id && (a.side === undefined || a.side === s.reading)) return s;
      return { ...s, activeId: a.id, reading: a.side ?? s.reading };
    case 'focus':
      return {
        ...s,
        activeId: a.claimId,
        side: a.side ?? s.side,
        reading: a.side ?? s.reading,
        focus: { claimId: a.claimId, seq: (s.focus?.seq ?? 0) + 1 },
      };
    case 'find':
      return { ...s, view: 'outline', finding: s.finding + 1 };
    case 'edit':
      // One thing typed at a time: editing closes the composer and any dialog.
      return {
        ...s,
        activeId: a.claimId,
        editing: { claimId: a.claimId, field: a.field },
        composer: null,
        dialog: null,
      };
    case 'stopEditing':
      return { ...s, editing: null };
    case 'compose':
      return { ...s, composer: a.target, editing: null, dialog: null };
    case 'closeComposer':
      return { ...s, composer: null };
    case 'open':
      return { ...s, dialog: { kind: a.kind, claimId: a.claimId } };
    case 'closeDialog':
      return s.dialog ? { ...s, dialog: null } : s;
    case 'view':
      return { ...s, view: a.view };
    case 'side':
      return { ...s, side: a.side, reading: a.side };
    case 'read':
      return { ...s, reading: a.side };
    case 'sheet':
      return { ...s, sheet: a.open };
    case 'showQuote':
      return { ...s, highlight: { ...a.anchor }, reading: a.side ?? s.reading, sheet: true };
    case 'announce':
      // A repeated message gets an invisible change (a no-break space), so it is heard again.
      return {
        ...s,
        announcement: a.text === s.announcement ? `${a.text}\u00a0` : a.text,
      };
    case 'error':
      return { ...s, error: a.text };
    case 'refused': {
      const said = `${a.undo ? 'Not undone' : 'Not saved'}: ${a.message}`;
      return {
        ...screenReducer(s, { type: 'announce', text: said }),
        error: a.texts.length === 0 ? said : s.error,
        unsaved: [
          ...s.unsaved.filter(
            (u) => !a.texts.some((t) => t.claimId === u.claimId && t.field === u.field),
          ),
          ...a.texts,
        ],
      };
    }
    case 'settled':
      return {
        ...s,
        unsaved: s.unsaved.filter(
          (u) => u.claimId !== a.claimId || (a.field !== undefined && u.field !== a.field),
        ),
      };
    case 'touched':
      return { ...s, touched: { ...s.touched, [a.claimId]: a.by } };
    case 'untouched': {
      if (!(a.claimId in s.touched)) return s;
      const { [a.claimId]: _gone, ...rest } = s.touched;
      return { ...s, touched: rest };
    }
    case 'author':
      return s.author === a.id ? s : { ...s, author: a.id };
    case 'claimsGone': {
      const gone = (id: string | null | undefined) => !!id && !a.exists(id);
      const composerGone = s.composer?.place.parentId && gone(s.composer.place.parentId);
      // The comments panel stays: it says the claim was deleted, and Ctrl+Z brings both back.
      const dialogGone =
        s.dialog?.kind !== 'comments' && s.dialog?.claimId && gone(s.dialog.claimId);
      const editingGone = gone(s.editing?.claimId);
      if (!composerGone && !dialogGone && !editingGone) return s;
      return {
        ...s,
        composer: composerGone ? null : s.composer,
        dialog: dialogGone ? null : s.dialog,
        editing: editingGone ? null : s.editing,
      };
    }
  }
}

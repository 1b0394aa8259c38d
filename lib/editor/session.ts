import { subtreeIds, type Stance } from '@/lib/domain/argument-tree';
import type { MapState } from '@/lib/domain/apply-op';
import type { Role } from '@/lib/domain/capabilities';
import type { MarkView } from '@/lib/domain/marks';
import type { AnchorView, ClaimView, MapView, ThesisView } from '@/lib/domain/views';
import type { MapChange } from '@/lib/schemas/live';
import type { OpDraft } from '@/lib/schemas/ops';
import { LiveConnection, type LiveOptions } from '@/lib/sync/live-connection';
import { MapSync, type Clock, type OutboxStore, type SyncTransport } from '@/lib/sync/map-sync';
import type { UnsavedText } from '@/lib/sync/unsaved-text';
import { AuthorBook, filteredWords, showsAuthors, type AuthorsView } from './authors';
import { refusedAction, touchedBy, TOUCHED_MS } from './incoming';
import { newLive, newMapSync } from './wiring';
import { commandById, contextFor, enabled, type CommandId } from './commands';
import { commandAt, type KeyLike } from './keys';
import { commentWrites } from './comment-writes';
import { MarkStore, type LoadMarks } from './marks';
import { editorAccess, type Who } from './access';
import { composerFor, edgeOf, focusAfterDelete, neighbour, type ComposeKind } from './places';
import {
  initialScreen,
  screenReducer,
  type DialogKind,
  type Screen,
  type ScreenAction,
} from './screen';
import { mapParts, NOT_LIVE, type EditorSnapshot, type MapParts } from './snapshot';
import { Suggestions, type SuggestionTransport } from './suggestions';
import * as suggesting from './suggestion-verbs';
import { UndoableChanges } from './undoable';
import { mapWrites, type WriteResult } from './writes';

/**
 * The map editor, as plain TypeScript: the map and its outbox (MapSync), this person's undo
 * stack, the live stream, and the screen (selection, what is being typed, the one open dialog).
 * Every view (outline, graph, toolbar, keys, dialogs) reads `snapshot` and changes things by
 * calling `run(commandId)` or one of the verbs below; React only subscribes and renders.
 */

export interface SessionDeps {
  transport: SyncTransport;
  store: OutboxStore;
  clock?: Clock;
  newId?: () => string;
  /** How the live stream connects (absent: no live updates, as on the server or in tests). */
  live?: Pick<LiveOptions, 'open' | 'postPresence' | 'tabId'>;
  /**
   * The map's open marks for review as the page read them, and how to load them again; absent
   * for a reader who may not see marks (lib/domain/visibility.ts).
   */
  marks?: { initial: readonly MarkView[]; load: LoadMarks };
  /** Where suggestions are listed, made and decided (absent: none are offered). */
  suggestions?: SuggestionTransport;
}

/** How the editor opens: whose claims are shown plainly (the dashboard's "in the map" link). */
export interface Opening {
  author?: string | null;
}

/** Where a command was asked for: a claim, a thesis, or (by default) what is selected. */
export interface Target {
  claimId?: string | null;
  thesisId?: string | null;
  key?: string;
  value?: number | null;
}

export class EditorSession {
  readonly sync: MapSync;
  readonly live: LiveConnection | null;
  readonly theses: ThesisView[];
  readonly me: Who['me'];
  readonly role: Role | null;
  // What this person is offered (lib/editor/access.ts); the server checks every write again.
  readonly canEdit: boolean;
  readonly canComment: boolean;
  readonly canReview: boolean;
  readonly canSuggest: boolean;
  /** May mark claims for review (and sees the marks: the page gave them). */
  readonly canMark: boolean;
  /** The suggestions this person sees (null: they neither make nor decide any here). */
  readonly suggestions: Suggestions | null;
  readonly writes: ReturnType<typeof mapWrites>;
  readonly comments: ReturnType<typeof commentWrites>;
  /** The map's open marks for review; null for a reader who may not see them. */
  readonly marks: MarkStore | null;
  readonly #changes: UndoableChanges;
  #screen: Screen = initialScreen;
  #snapshot: EditorSnapshot | null = null;
  #listeners = new Set<() => void>();
  #parts: MapParts | null = null;
  readonly #clock: Clock;
  /** Who last changed each claim, as heard live (for the conflict notice). */
  readonly #lastBy = new Map<string, string>();
  /** Who wrote each claim; null on a page that is not shown authors. */
  readonly #authors: AuthorBook | null;

  constructor(map: MapView, who: Who, deps: SessionDeps, opening: Opening = {}) {
    const newId = deps.newId ?? (() => crypto.randomUUID());
    this.theses = map.debate.theses;
    this.me = who.me;
    this.role = who.role;
    const { may, ...access } = editorAccess(who);
    this.canEdit = access.canEdit;
    this.canComment = access.canComment;
    this.canReview = access.canReview;
    this.canSuggest = access.canSuggest;
    this.suggestions =
      deps.suggestions && (this.canReview || this.canSuggest)
        ? new Suggestions(map.id, this.canReview ? 'review' : 'suggest', deps.suggestions)
        : null;
    const authors = map.authors ? new AuthorBook(map.authors, who.me) : null;
    this.#authors = authors;
    this.sync = newMapSync(
      map,
      who,
      deps,
      (r) =>
        this.dispatch(
          refusedAction(r, this.#changes.wasStep(r.op.id), (id) => this.#lastBy.get(id)),
        ),
      authors
        ? {
            onConfirmed: (change) => authors.confirmed(change),
            onLoaded: (snapshot) => authors.reloaded(snapshot.authors),
          }
        : {},
    );
    const shown = opening.author;
    if (authors && shown && Object.values(map.authors!.byClaim).includes(shown))
      this.#screen = { ...this.#screen, author: shown };
    this.#changes = new UndoableChanges(this.sync, newId);
    // Called as methods of this object: the window's own setTimeout, so called, throws "Illegal
    // invocation" (it did for every live change by someone else), hence the arrows.
    this.#clock = deps.clock ?? {
      setTimeout: (fn, ms) => setTimeout(fn, ms),
      clearTimeout: (h) => clearTimeout(h as number),
    };
    const host = {
      state: () => this.sync.state,
      theses: this.theses,
      newId,
      announce: (text: string) => this.announce(text),
      submit: (op: OpDraft) => {
        this.dispatch({ type: 'error', text: null });
        this.#changes.submit(op);
      },
    };
    this.writes = mapWrites(host);
    this.comments = commentWrites({
      ...host,
      me: who.me,
      role: who.role,
      canComment: this.canComment,
    });
    this.marks = deps.marks ? new MarkStore(deps.marks.initial, deps.marks.load) : null;
    this.canMark = this.marks !== null && may('claim.mark');
    const marks = this.marks;
    this.live = deps.live
      ? newLive(map.id, who, deps, deps.live, this.sync, (change) => this.receive(change), {
          onSuggestions: () => void this.suggestions?.refresh(),
          ...(marks ? { onMarks: () => void marks.refresh() } : {}),
        })
      : null;
    this.sync.subscribe(() => this.#mapChanged());
    this.suggestions?.subscribe(() => this.#changed());
    this.#changes.stack.subscribe(() => this.#changed());
    this.live?.subscribe(() => this.#changed());
  }

  /**
   * A change from the live stream: into the outbox's confirmed state, and, when it is someone
   * else's, the claim it touched is marked with their name for a few seconds.
   */
  receive(change: MapChange): void {
    this.sync.receive(change);
    const touched = touchedBy(change, this.me, this.sync.state.claims, this.live?.snapshot.others);
    if (!touched) return;
    this.#lastBy.set(touched.claimId, touched.by);
    this.dispatch({ type: 'touched', ...touched });
    const { claimId } = touched;
    this.#clock.setTimeout(() => this.dispatch({ type: 'untouched', claimId }), TOUCHED_MS);
  }

  get undoStack() {
    return this.#changes.stack;
  }

  // ---- React's view (useSyncExternalStore) ----

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  getSnapshot = (): EditorSnapshot => {
    this.#parts = mapParts(this.sync.state, this.#parts);
    this.#snapshot ??= {
      ...this.#parts,
      status: this.sync.status,
      screen: this.#screen,
      canUndo: this.undoStack.canUndo,
      canRedo: this.undoStack.canRedo,
      live: this.live?.snapshot ?? NOT_LIVE,
      authors: this.#authorsNow(),
      suggestions: this.suggestions?.snapshot ?? null,
    };
    return this.#snapshot;
  };

  /** Who wrote each live claim (null on a page that is not shown authors). */
  #authorsNow(): AuthorsView | null {
    return this.#authors?.current(this.sync.state.claims, this.sync.pending) ?? null;
  }

  /**
   * Who wrote a claim (their id as this page knows them), or null when unknown or when the page
   * names no authors (a view link's, or a map only this person wrote in).
   */
  authorOf(claimId: string): string | null {
    const authors = this.#authorsNow();
    if (!showsAuthors(authors, this.me?.id ?? null)) return null;
    return authors!.of.get(claimId) ?? null;
  }

  /** Whether this page knows the claim is this person's own (nobody marks their own claim). */
  wroteIt(claimId: string): boolean {
    return !!this.me && this.#authorsNow()?.of.get(claimId) === this.me.id;
  }

  /** Shows one author's claims plainly and dims everyone else's (null: everyone's again). */
  filterByAuthor(id: string | null): void {
    const authors = this.#authorsNow();
    if (!authors) return;
    this.dispatch({ type: 'author', id });
    this.announce(filteredWords(authors, id));
  }

  start(): void {
    void this.sync.start();
    this.live?.start();
    void this.suggestions?.refresh();
  }

  /** Stops the live stream. The outbox keeps sending: leaving the page does not drop changes. */
  stop(): void {
    this.live?.stop();
  }

  // ---- Commands ----

  isEnabled(id: CommandId, target?: Target): boolean {
    return enabled(commandById(id), contextFor(this, target));
  }

  /** Runs a command; false when it cannot run here (and nothing happened). */
  run(id: CommandId, target?: Target): boolean {
    const command = commandById(id);
    const ctx = contextFor(this, target);
    if (!enabled(command, ctx)) return false;
    command.run(ctx);
    return true;
  }

  /**
   * Runs the command for a key pressed on a claim row, a thesis, or elsewhere on the page
   * (`where` empty: only commands that need nothing selected). False when the key is not one.
   */
  handleKey(e: KeyLike, where: { claimId?: string; thesisId?: string }): boolean {
    const command = commandAt(e, where);
    if (!command) return false;
    const target = { claimId: where.claimId ?? null, thesisId: where.thesisId, key: e.key };
    return this.run(command.id, target);
  }

  // ---- The screen ----

  dispatch(action: ScreenAction): void {
    const next = screenReducer(this.#screen, action);
    if (next === this.#screen) return;
    this.#screen = next;
    this.live?.setHere({ claimId: next.activeId, editing: next.editing !== null });
    this.#changed();
  }

  get screen(): Screen {
    return this.#screen;
  }

  /** Selects a claim (or, in the graph, a thesis); the reading pane turns to its article. */
  select = (id: string | null) => this.dispatch({ type: 'select', id, side: this.#sideOfAny(id) });
  /** Turns the reading pane to an article. */
  read = (side: 0 | 1) => this.dispatch({ type: 'read', side });
  setSheet = (open: boolean) => this.dispatch({ type: 'sheet', open });
  announce = (text: string) => this.dispatch({ type: 'announce', text });
  dismissError = () => this.dispatch({ type: 'error', text: null });
  open = (kind: DialogKind, claimId: string | null) =>
    this.dispatch({ type: 'open', kind, claimId });
  closeDialog = () => this.dispatch({ type: 'closeDialog' });
  closeComposer = () => this.dispatch({ type: 'closeComposer' });
  setView = (view: Screen['view']) => this.dispatch({ type: 'view', view });
  setSide = (side: 0 | 1) => this.dispatch({ type: 'side', side });

  /** Selects a claim and puts the keyboard on it (switching to its side on a narrow screen). */
  focus(claimId: string): void {
    const claim = this.sync.state.claims.find((c) => c.id === claimId);
    this.dispatch({
      type: 'focus',
      claimId,
      side: claim ? this.#sideOf(claim.thesisId) : undefined,
    });
  }

  focusNeighbour(claimId: string, delta: 1 | -1): void {
    const next = neighbour(
      this.sync.state.claims,
      this.theses.map((t) => t.id),
      claimId,
      delta,
    );
    if (next) this.focus(next.id);
  }

  /** The first or last claim under this claim's thesis, unless it is that claim already. */
  edge(claimId: string, which: 'first' | 'last'): ClaimView | null {
    const edge = edgeOf(this.sync.state.claims, claimId, which);
    return edge && edge.id !== claimId ? edge : null;
  }

  /** Puts the keyboard in "Find a claim" (switching to the outline, where it is). */
  find = () => this.dispatch({ type: 'find' });

  /** Shows a quote's passage in its article. */
  showQuote(anchor: AnchorView): void {
    const side = this.theses.findIndex((t) => t.source.id === anchor.sourceId);
    this.dispatch({ type: 'showQuote', anchor, side: side === 0 || side === 1 ? side : undefined });
  }

  startEditing(claimId: string, field: 'text' | 'note'): void {
    this.dispatch({ type: 'edit', claimId, field });
  }

  /** Leaves the text being edited, back on its claim. */
  stopEditing(): void {
    const editing = this.#screen.editing;
    this.dispatch({ type: 'stopEditing' });
    if (editing) this.focus(editing.claimId);
  }

  /** Saves the text being edited in place; on success the keyboard goes back to the claim. */
  saveEdit(claimId: string, field: 'text' | 'note', value: string, from: string): WriteResult {
    const result = this.writes.editClaim(claimId, { [field]: value }, { [field]: from });
    if (!result.ok) return result;
    this.dispatch({ type: 'settled', claimId });
    if (this.#screen.editing?.claimId === claimId) this.stopEditing();
    return result;
  }

  compose(thesisId: string, claim: ClaimView | null, kind: ComposeKind): void {
    this.dispatch({
      type: 'compose',
      target: composerFor(this.sync.state.claims, thesisId, claim, kind),
    });
  }

  /** Closes the new-claim form unused; the keyboard goes back to the claim it answered. */
  cancelComposer(): void {
    const from = this.#screen.composer?.place.parentId;
    this.closeComposer();
    if (from) this.focus(from);
  }

  /** Adds the claim typed in the composer; the keyboard goes to the new claim. */
  addFromComposer(text: string, stance: Stance): WriteResult<{ id: string }> {
    const target = this.#screen.composer;
    if (!target) return { ok: false, message: 'The new-claim form was closed.' };
    const result = this.writes.addClaim(target.place, stance, text, target.index);
    if (!result.ok) return result;
    this.closeComposer();
    this.focus(result.id);
    return result;
  }

  // ---- Suggestions (lib/editor/suggestion-verbs.ts) ----

  /** Opens the form for a suggestion under a claim or (no claim) the thesis. */
  composeSuggestion = (thesisId: string, claim: ClaimView | null) =>
    suggesting.compose(this, thesisId, claim);
  /** Sends the suggestion typed in the composer, which then says it was sent. */
  suggestFromComposer = (text: string, stance: Stance) => suggesting.send(this, text, stance);
  /** Accepts a suggestion into the map as its author's claim (undone by Ctrl+Z). */
  acceptSuggestion = (id: string) => suggesting.accept(this, id);

  /** Deletes at once, or asks first when the claim has replies. */
  requestDelete(claimId: string): void {
    if (subtreeIds(this.sync.state.claims, claimId).size > 1) this.open('delete', claimId);
    else this.#delete(claimId);
  }

  confirmDelete(): void {
    const claimId = this.#screen.dialog?.kind === 'delete' ? this.#screen.dialog.claimId : null;
    this.closeDialog();
    if (claimId) this.#delete(claimId);
  }

  undo = () => this.#step('undo');
  redo = () => this.#step('redo');

  /** Sends several changes as one undo step (a restore from History). */
  submitGroup(drafts: OpDraft[], label: string, base?: MapState): void {
    this.dispatch({ type: 'error', text: null });
    this.#changes.submitGroup(drafts, base);
    this.announce(`${label} Press Ctrl+Z to undo.`);
  }

  /** Settles typed text the server did not take: save mine over what is saved now, or let it go. */
  settleUnsaved(item: UnsavedText, keep: 'mine' | 'theirs'): void {
    this.dispatch({ type: 'settled', claimId: item.claimId, field: item.field });
    this.dispatch({ type: 'error', text: null });
    if (keep === 'mine' && item.theirs !== null) {
      this.#changes.submit({
        kind: 'claim.update',
        claimId: item.claimId,
        set: { [item.field]: item.mine },
        base: { [item.field]: item.theirs },
      });
      this.announce('Your version is saved.');
    } else this.announce('Dismissed.');
  }

  // ---- Inside ----

  #delete(claimId: string): void {
    const ids = this.theses.map((t) => t.id);
    const next = focusAfterDelete(this.sync.state.claims, ids, claimId);
    this.writes.deleteClaim(claimId);
    if (next) this.focus(next);
  }

  #step(which: 'undo' | 'redo'): void {
    this.dispatch({ type: 'error', text: null });
    if (this.#changes.step(which)) this.announce(which === 'undo' ? 'Undone.' : 'Redone.');
    else this.announce(which === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.');
  }

  #sideOfAny(id: string | null): 0 | 1 | undefined {
    const thesisId = this.sync.state.claims.find((c) => c.id === id)?.thesisId ?? id;
    const at = this.theses.findIndex((t) => t.id === thesisId);
    return at === 0 || at === 1 ? at : undefined;
  }

  #sideOf(thesisId: string): 0 | 1 {
    return this.theses.findIndex((t) => t.id === thesisId) === 1 ? 1 : 0;
  }

  #mapChanged(): void {
    if (this.sync.pending.length === 0) this.suggestions?.outboxEmptied();
    const before = this.#screen;
    const ids = new Set(this.sync.state.claims.map((c) => c.id));
    this.dispatch({ type: 'claimsGone', exists: (id) => ids.has(id) });
    if (before.dialog && !this.#screen.dialog)
      this.announce('That claim was deleted, so the dialog closed.');
    this.#changed();
  }

  #changed(): void {
    this.#snapshot = null;
    for (const l of this.#listeners) l();
  }
}

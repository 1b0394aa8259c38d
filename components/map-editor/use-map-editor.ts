'use client';

import { useCallback, useMemo, useState } from 'react';
import {
  indentClaim,
  insertClaim,
  moveClaim,
  outdentClaim,
  shiftClaim,
  subtreeIds,
  type Place,
  type Stance,
} from '@/lib/domain/argument-tree';
import { checkCrossLink, liveLinks, type LinkTarget } from '@/lib/domain/cross-links';
import { locateQuote, type TextQuoteSelector } from '@/lib/domain/quote-anchoring';
import type { ClaimView, MapView } from '@/lib/domain/views';
import { claimText } from '@/lib/schemas/map';
import type { ClaimFields } from '@/lib/schemas/ops';
import type { Refusal } from '@/lib/sync/map-sync';
import { unsavedTextOf, type UnsavedText } from '@/lib/sync/unsaved-text';
import { can, type Role } from '@/lib/domain/capabilities';
import { useMapSync } from './use-map-sync';
import { useUndoableChanges } from './use-undoable-changes';
import { clip, clipStart, truncate } from '@/lib/domain/text';

type LocalResult = { ok: true } | { ok: false; message: string };

const short = (text: string) => truncate(text, 58);

/**
 * The editor's state and every write it makes, over the outbox (lib/sync/map-sync.ts): each
 * change is an operation, shown at once, stored in the browser, and sent until the server
 * answers. Refusals are explained; a conflicting edit keeps both versions for the person to pick.
 */
export function useMapEditor(
  initial: MapView,
  who: { me: { id: string; name: string } | null; role: Role | null; link?: string | null },
) {
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [unsaved, setUnsaved] = useState<UnsavedText[]>([]);

  const { sync, state, status } = useMapSync(
    initial,
    who.me,
    (r: Refusal) => {
      const texts = unsavedTextOf(r);
      setUnsaved((list) => [
        ...list.filter((u) => !texts.some((t) => t.claimId === u.claimId && t.field === u.field)),
        ...texts,
      ]);
      // Typed text that was not taken has its own notice (with the text); the rest a banner.
      if (texts.length === 0) setError(`Not saved: ${r.message}`);
      setAnnouncement(`Not saved: ${r.message}`);
    },
    who.link ?? null,
  );

  const { submit, applyGroup, undo, redo, canUndo, canRedo, undoState } = useUndoableChanges(
    sync,
    () => setError(null),
    setAnnouncement,
  );
  const claims = state.claims;
  const find = (id: string) => sync.state.claims.find((c) => c.id === id);

  /** Adds a claim; returns its id, or an error message (nothing added) for bad text. */
  const addClaim = useCallback(
    (
      place: Place,
      stance: Stance,
      text: string,
      index?: number,
    ): { id: string } | { error: string } => {
      const parsed = claimText.safeParse(text);
      if (!parsed.success)
        return { error: parsed.error.issues[0]?.message ?? 'Check the claim text.' };
      const claimId = crypto.randomUUID();
      const node: ClaimView = {
        id: claimId,
        ...place,
        stance,
        order: '',
        text: parsed.data,
        note: '',
        strength: null,
        version: 1,
      };
      let placed: ClaimView;
      try {
        placed = insertClaim(sync.state.claims, node, index).at(-1)!;
      } catch (e) {
        return { error: (e as Error).message };
      }
      const { thesisId, parentId, order } = placed;
      submit({ kind: 'claim.add', claimId, thesisId, parentId, stance, text: parsed.data, order });
      setAnnouncement(`${stance === 'pro' ? 'Pro' : 'Con'} claim added.`);
      return { id: claimId };
    },
    [submit, sync],
  );

  /** Edits text or note. The value it replaces is sent along, so a conflicting edit is caught. */
  const editClaim = useCallback(
    async (
      id: string,
      edit: { text?: string; note?: string },
      /** The values as they were when typing began (default: as shown now). */
      from: { text?: string; note?: string } = {},
    ): Promise<LocalResult> => {
      const claim = find(id);
      if (!claim) return { ok: false, message: 'That claim was deleted.' };
      const set: ClaimFields = {};
      if (edit.text !== undefined) {
        const parsed = claimText.safeParse(edit.text);
        if (!parsed.success)
          return { ok: false, message: parsed.error.issues[0]?.message ?? 'Check the text.' };
        set.text = parsed.data;
      }
      if (edit.note !== undefined) set.note = edit.note;
      const base = {
        text: set.text !== undefined ? (from.text ?? claim.text) : undefined,
        note: set.note !== undefined ? (from.note ?? claim.note) : undefined,
      };
      submit({ kind: 'claim.update', claimId: id, set, base });
      setUnsaved((list) => list.filter((u) => u.claimId !== id));
      setAnnouncement('Saved.');
      return { ok: true };
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [submit, sync],
  );

  const setAttribute = useCallback(
    (id: string, edit: { stance?: Stance; strength?: number | null }) => {
      if (!find(id)) return;
      submit({ kind: 'claim.update', claimId: id, set: edit, base: {} });
      setAnnouncement(
        edit.stance
          ? `Now ${edit.stance}.`
          : edit.strength
            ? `Strength ${edit.strength} of 5.`
            : 'Strength cleared.',
      );
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [submit, sync],
  );

  /** Saves a structural change: only the moved claim's new place and order key. */
  const restructure = (id: string, next: ClaimView[] | null, refusal: string, done: string) => {
    if (!next) {
      setAnnouncement(refusal);
      return false;
    }
    const moved = next.find((c) => c.id === id)!;
    const { thesisId, parentId, order } = moved;
    submit({ kind: 'claim.move', claimId: id, thesisId, parentId, order });
    setAnnouncement(done);
    return true;
  };

  const indent = (id: string) =>
    restructure(
      id,
      indentClaim(sync.state.claims, id),
      'Cannot indent: there is no claim above it at this level.',
      'Indented.',
    );
  const outdent = (id: string) =>
    restructure(
      id,
      outdentClaim(sync.state.claims, id),
      'Cannot outdent: it already answers the thesis.',
      'Outdented.',
    );
  const shift = (id: string, delta: -1 | 1) =>
    restructure(
      id,
      shiftClaim(sync.state.claims, id, delta),
      delta < 0 ? 'Already first.' : 'Already last.',
      delta < 0 ? 'Moved up.' : 'Moved down.',
    );
  const moveTo = (id: string, place: Place, index?: number) => {
    let next: ClaimView[] | null;
    try {
      next = moveClaim(sync.state.claims, id, place, index);
    } catch (e) {
      setAnnouncement((e as Error).message);
      return false;
    }
    return restructure(id, next, '', 'Moved.');
  };

  /** Deletes a claim with the replies this tab shows; any reply added elsewhere stops it. */
  const deleteClaim = useCallback(
    (id: string) => {
      const claim = find(id);
      if (!claim) return;
      const seen = [...subtreeIds(sync.state.claims, id)];
      submit({ kind: 'claim.delete', claimId: id, seen });
      const label =
        seen.length > 1
          ? `Deleted “${short(claim.text)}” and ${seen.length - 1} more.`
          : `Deleted “${short(claim.text)}”.`;
      setAnnouncement(`${label} Press Ctrl+Z to undo, or find it in Trash.`);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [submit, sync],
  );

  /** Brings a deleted batch back from the Trash. */
  const restore = useCallback(
    (deletionId: string) => {
      submit({ kind: 'claim.restore', deletionId });
      setAnnouncement('Restored.');
    },
    [submit],
  );

  /** Attaches a quote, checked here against the article exactly as the server will check it. */
  const addAnchor = useCallback(
    async (
      claimId: string,
      sourceId: string,
      selector: TextQuoteSelector,
      block?: number,
    ): Promise<LocalResult> => {
      const source = initial.debate.theses.find((t) => t.source.id === sourceId)?.source;
      const exact = selector.exact.trim();
      if (!source) return { ok: false, message: 'That article is not part of this map’s debate.' };
      if (!exact) return { ok: false, message: 'Paste or select the passage to quote.' };
      if (exact.length > 2000)
        return {
          ok: false,
          message: 'Quote at most 2,000 characters: pick the sentence that matters.',
        };
      const blocks = source.blocks.map((b) => b.text);
      if (!locateQuote(blocks, { ...selector, exact }, block)) {
        return {
          ok: false,
          message: `That passage is not in “${source.title}”. Select it in the article, or paste it exactly as written (within one paragraph).`,
        };
      }
      submit({
        kind: 'anchor.add',
        anchorId: crypto.randomUUID(),
        claimId,
        sourceId,
        exact,
        prefix: clipStart(selector.prefix, 200),
        suffix: clip(selector.suffix, 200),
        block,
      });
      setAnnouncement('Quote attached.');
      return { ok: true };
    },
    [initial.debate.theses, submit],
  );

  const removeAnchor = useCallback(
    (anchorId: string) => {
      submit({ kind: 'anchor.remove', anchorId });
      setAnnouncement('Quote removed.');
    },
    [submit],
  );

  /** Adds a cross-link to the other side, checked here as the server will check it. */
  const addLink = useCallback(
    async (fromClaimId: string, target: LinkTarget, stance: Stance): Promise<LocalResult> => {
      const { claims: now, links } = sync.state;
      try {
        checkCrossLink(now, liveLinks(now, links), fromClaimId, target);
      } catch (e) {
        return { ok: false, message: (e as Error).message };
      }
      submit({ kind: 'link.add', linkId: crypto.randomUUID(), fromClaimId, target, stance });
      setAnnouncement('Cross-link added.');
      return { ok: true };
    },
    [submit, sync],
  );

  const removeLink = useCallback(
    (linkId: string) => {
      submit({ kind: 'link.remove', linkId });
      setAnnouncement('Cross-link removed.');
    },
    [submit],
  );

  /**
   * Settles typed text the server did not take: save mine over what is saved now, or let it go
   * (what is saved stays; the text could be copied first).
   */
  const settleUnsaved = useCallback(
    (item: UnsavedText, keep: 'mine' | 'theirs') => {
      setUnsaved((list) => list.filter((u) => u !== item));
      if (keep === 'mine' && item.theirs !== null) {
        submit({
          kind: 'claim.update',
          claimId: item.claimId,
          set: { [item.field]: item.mine },
          base: { [item.field]: item.theirs },
        });
        setAnnouncement('Your version is saved.');
      } else setAnnouncement('Dismissed.');
      setError(null);
    },
    [submit],
  );

  const visibleLinks = useMemo(() => liveLinks(claims, state.links), [claims, state.links]);
  const liveAnchors = useMemo(() => {
    const ids = new Set(claims.map((c) => c.id));
    return state.anchors.filter((a) => ids.has(a.claimId));
  }, [state.anchors, claims]);

  return {
    sync,
    /** Who this tab is (null on a view link) and what they may do here. */
    me: who.me,
    role: who.role,
    canEdit: can(who.role, 'map.edit'),
    canComment: can(who.role, 'comment.write'),
    /** Sends any operation through the outbox (comments use this). */
    submit,
    comments: state.comments,
    claims,
    anchors: liveAnchors,
    links: visibleLinks,
    status,
    retryNow: () => sync.retryNow(),
    error,
    dismissError: () => setError(null),
    unsaved,
    settleUnsaved,
    announcement,
    /** Changes with this number when the undo or redo stacks change (for re-rendering). */
    undoState,
    canUndo,
    canRedo,
    undo,
    redo,
    applyGroup,
    descendantsOf: (id: string) => subtreeIds(sync.state.claims, id).size - 1,
    addClaim,
    editClaim,
    setAttribute,
    indent,
    outdent,
    shift,
    moveTo,
    deleteClaim,
    restore,
    addAnchor,
    removeAnchor,
    addLink,
    removeLink,
    announce: setAnnouncement,
  };
}

export type MapEditorApi = ReturnType<typeof useMapEditor>;

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
import type { MapState } from '@/lib/domain/apply-op';
import { checkCrossLink, liveLinks, type LinkTarget } from '@/lib/domain/cross-links';
import { locateQuote, type TextQuoteSelector } from '@/lib/domain/quote-anchoring';
import { clip, clipStart } from '@/lib/domain/text';
import type { ClaimView, ThesisView } from '@/lib/domain/views';
import { errorWords } from '@/lib/error-words';
import { claimText } from '@/lib/schemas/map';
import type { ClaimFields, OpDraft } from '@/lib/schemas/ops';
import { inLabel } from './places';

/** What a write answers: done, or why nothing was sent (the words to show by the field). */
export type WriteResult<T = object> = ({ ok: true } & T) | { ok: false; message: string };

/** What the writes need from the session: the map as shown, a way to send, a voice. */
export interface WriteHost {
  state(): MapState;
  theses: ThesisView[];
  /** Sends one change through the outbox, as one undo step. */
  submit(op: OpDraft): void;
  announce(text: string): void;
  newId(): string;
}

const quoted = (text: string) => `“${inLabel(text)}”`;
const firstIssue = (e: { issues: { message: string }[] }, fallback: string) =>
  e.issues[0]?.message ?? fallback;

/**
 * Every change the editor makes to a map, checked here as the server will check it, so a write
 * the server would refuse is refused at once with the reason, and nothing is sent.
 */
export function mapWrites(host: WriteHost) {
  const find = (id: string) => host.state().claims.find((c) => c.id === id);

  /** Saves a structural change: only the moved claim's new place and order key. */
  const restructure = (id: string, next: ClaimView[] | null, refusal: string, done: string) => {
    if (!next) {
      host.announce(refusal);
      return false;
    }
    const { thesisId, parentId, order } = next.find((c) => c.id === id)!;
    host.submit({ kind: 'claim.move', claimId: id, thesisId, parentId, order });
    host.announce(done);
    return true;
  };

  return {
    /** Adds a claim; answers its id, or why nothing was added. */
    addClaim(
      place: Place,
      stance: Stance,
      text: string,
      index?: number,
      /** The suggestion this claim accepts (lib/server/ops/suggestion-ops.ts). */
      accepts?: { suggestionId: string },
    ): WriteResult<{ id: string }> {
      const parsed = claimText.safeParse(text);
      if (!parsed.success)
        return { ok: false, message: firstIssue(parsed.error, 'Check the claim text.') };
      const id = host.newId();
      const node: ClaimView = {
        id,
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
        placed = insertClaim(host.state().claims, node, index).at(-1)!;
      } catch (e) {
        return { ok: false, message: (e as Error).message };
      }
      const { thesisId, parentId, order } = placed;
      host.submit({
        kind: 'claim.add',
        claimId: id,
        thesisId,
        parentId,
        stance,
        text: parsed.data,
        order,
        ...accepts,
      });
      host.announce(`${stance === 'pro' ? 'Pro' : 'Con'} claim added.`);
      return { ok: true, id };
    },

    /**
     * Edits text or note. `from` is the value as it was when typing began (default: as shown
     * now); it is sent along, so an edit that crossed someone else's is caught as a conflict.
     */
    editClaim(
      id: string,
      edit: { text?: string; note?: string },
      from: { text?: string; note?: string } = {},
    ): WriteResult {
      const claim = find(id);
      if (!claim) return { ok: false, message: errorWords('claim.gone') };
      const set: ClaimFields = {};
      if (edit.text !== undefined) {
        const parsed = claimText.safeParse(edit.text);
        if (!parsed.success)
          return { ok: false, message: firstIssue(parsed.error, 'Check the text.') };
        set.text = parsed.data;
      }
      if (edit.note !== undefined) set.note = edit.note;
      const base = {
        text: set.text !== undefined ? (from.text ?? claim.text) : undefined,
        note: set.note !== undefined ? (from.note ?? claim.note) : undefined,
      };
      host.submit({ kind: 'claim.update', claimId: id, set, base });
      host.announce('Saved.');
      return { ok: true };
    },

    setAttribute(id: string, edit: { stance?: Stance; strength?: number | null }) {
      if (!find(id)) return;
      host.submit({ kind: 'claim.update', claimId: id, set: edit, base: {} });
      host.announce(
        edit.stance
          ? `Now ${edit.stance}.`
          : edit.strength
            ? `Strength ${edit.strength} of 5.`
            : 'Strength cleared.',
      );
    },

    indent: (id: string) =>
      restructure(
        id,
        indentClaim(host.state().claims, id),
        'Cannot indent: there is no claim above it at this level.',
        'Indented.',
      ),
    outdent: (id: string) =>
      restructure(
        id,
        outdentClaim(host.state().claims, id),
        'Cannot outdent: it already answers the thesis.',
        'Outdented.',
      ),
    shift: (id: string, delta: -1 | 1) =>
      restructure(
        id,
        shiftClaim(host.state().claims, id, delta),
        delta < 0 ? 'Already first.' : 'Already last.',
        delta < 0 ? 'Moved up.' : 'Moved down.',
      ),
    moveTo(id: string, place: Place, index?: number) {
      let next: ClaimView[] | null;
      try {
        next = moveClaim(host.state().claims, id, place, index);
      } catch (e) {
        host.announce((e as Error).message);
        return false;
      }
      return restructure(id, next, '', 'Moved.');
    },

    /** Deletes a claim with the replies this tab shows; any reply added elsewhere stops it. */
    deleteClaim(id: string) {
      const claim = find(id);
      if (!claim) return;
      const seen = [...subtreeIds(host.state().claims, id)];
      host.submit({ kind: 'claim.delete', claimId: id, seen });
      const label =
        seen.length > 1
          ? `Deleted ${quoted(claim.text)} and ${seen.length - 1} more.`
          : `Deleted ${quoted(claim.text)}.`;
      host.announce(`${label} Press Ctrl+Z to undo, or find it in Trash.`);
    },

    /** Brings a deleted batch back from the Trash. */
    restore(deletionId: string) {
      host.submit({ kind: 'claim.restore', deletionId });
      host.announce('Restored.');
    },

    /** Attaches a quote, checked against the article exactly as the server will check it. */
    addAnchor(
      claimId: string,
      sourceId: string,
      selector: TextQuoteSelector,
      block?: number,
    ): WriteResult {
      const source = host.theses.find((t) => t.source.id === sourceId)?.source;
      const exact = selector.exact.trim();
      if (!source) return { ok: false, message: errorWords('debate.otherArticle') };
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
          message: errorWords('quote.notInArticle', { title: source.title }),
        };
      }
      host.submit({
        kind: 'anchor.add',
        anchorId: host.newId(),
        claimId,
        sourceId,
        exact,
        prefix: clipStart(selector.prefix, 200),
        suffix: clip(selector.suffix, 200),
        block,
      });
      host.announce('Quote attached.');
      return { ok: true };
    },

    removeAnchor(anchorId: string) {
      host.submit({ kind: 'anchor.remove', anchorId });
      host.announce('Quote removed.');
    },

    /** Adds a cross-link to the other side, checked as the server will check it. */
    addLink(fromClaimId: string, target: LinkTarget, stance: Stance): WriteResult {
      const { claims, links } = host.state();
      try {
        checkCrossLink(claims, liveLinks(claims, links), fromClaimId, target);
      } catch (e) {
        return { ok: false, message: (e as Error).message };
      }
      host.submit({ kind: 'link.add', linkId: host.newId(), fromClaimId, target, stance });
      host.announce('Cross-link added.');
      return { ok: true };
    },

    removeLink(linkId: string) {
      host.submit({ kind: 'link.remove', linkId });
      host.announce('Cross-link removed.');
    },
  };
}

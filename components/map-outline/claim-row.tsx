'use client';

import { memo } from 'react';
import { helpsThesis, type Role } from '@/lib/domain/dialectic';
import type { AnchorView, ClaimView } from '@/lib/domain/views';
import { plural } from '@/lib/format';
import { CLAIM_TEXT_MAX, NOTE_MAX } from '@/lib/schemas/map';
import type { LinkEnd } from '@/lib/domain/cross-links';
import { ClaimExtras } from '@/components/map/claim-extras';
import { ClaimCommentsButton } from '@/components/map/comment-count';
import { ClaimPresence } from '@/components/map/presence';
import { useSession } from '@/components/map/session';
import { StanceBadge } from '@/components/map/stance-badge';
import { TextEditor } from '@/components/map/text-editor';
import { ClaimLinks } from './claim-links';
import { ClaimQuotes } from './claim-quotes';
import { ClaimToolbar } from './claim-toolbar';

const NO_LINKS: LinkEnd[] = [];

export interface ClaimRowProps {
  claim: ClaimView;
  depth: number;
  childCount: number;
  /** Its place among its siblings (0-based) and their number: the tree item's "3 of 5". */
  index: number;
  siblings: number;
  /** What the claim is in the debate (lib/domain/dialectic.ts). */
  role: Role;
  anchors: AnchorView[];
  linksOut?: LinkEnd[];
  linksIn?: LinkEnd[];
  tabbable: boolean;
  active: boolean;
  /** Its toolbar shows (selected, and no new-claim form open anywhere). */
  tools: boolean;
  /** Who else just changed it (shown for a few seconds). */
  touchedBy?: string;
  /** Which of its texts is being edited in place, if any. */
  editing: 'text' | 'note' | null;
  /** Who wrote it, where the map names authors. */
  author?: string;
  /** Under an author filter: the chosen author's claim, or someone else's (dimmed). */
  filter?: 'match' | 'dim';
}

/**
 * One claim in the outline: stance, text, rating, evidence and note; its tools when selected.
 * Memoized on its own data, so a change to one claim re-renders that row, not the whole outline.
 * For assistive technology it is an item of the thesis's tree (role="treeitem"), with its level
 * and its place among its siblings, so a screen reader says "level 2, 3 of 5" even when the
 * outline draws only the rows near the screen.
 */
export const ClaimRow = memo(ClaimRowView, sameRow);

const sameItems = <T,>(a: T[], b: T[], same: (x: T, y: T) => boolean) =>
  a === b || (a.length === b.length && a.every((x, i) => same(x, b[i] as T)));

const sameEnd = (x: LinkEnd, y: LinkEnd) =>
  x.id === y.id &&
  x.stance === y.stance &&
  x.otherClaimId === y.otherClaimId &&
  x.otherText === y.otherText;

/** Props compare by value where the outline rebuilds lists on every change (anchors, link ends). */
function sameRow(a: ClaimRowProps, b: ClaimRowProps): boolean {
  return (
    a.claim === b.claim &&
    a.depth === b.depth &&
    a.childCount === b.childCount &&
    a.index === b.index &&
    a.siblings === b.siblings &&
    a.role === b.role &&
    a.tabbable === b.tabbable &&
    a.active === b.active &&
    a.tools === b.tools &&
    a.touchedBy === b.touchedBy &&
    a.editing === b.editing &&
    a.author === b.author &&
    a.filter === b.filter &&
    sameItems(a.anchors, b.anchors, Object.is) &&
    sameItems(a.linksOut ?? NO_LINKS, b.linksOut ?? NO_LINKS, sameEnd) &&
    sameItems(a.linksIn ?? NO_LINKS, b.linksIn ?? NO_LINKS, sameEnd)
  );
}

function ClaimRowView({
  claim,
  depth,
  childCount,
  index,
  siblings,
  role,
  anchors,
  linksOut = NO_LINKS,
  linksIn = NO_LINKS,
  tabbable,
  active,
  tools,
  touchedBy,
  editing,
  author,
  filter,
}: ClaimRowProps) {
  const session = useSession();
  const rebuttal = role === 'rebuttal';
  const relation = claim.parentId
    ? claim.stance === 'pro'
      ? 'supports'
      : 'objects to'
    : claim.stance === 'pro'
      ? 'supports the thesis'
      : 'objects to the thesis';

  // `from` is the text as it was when typing began: if someone changed it since, the server
  // answers a conflict instead of letting this save silently replace their words.
  const save = (field: 'text' | 'note') => async (value: string, from: string) => {
    const r = session.saveEdit(claim.id, field, value, from);
    return r.ok ? null : r.message;
  };
  const cancel = () => session.stopEditing();

  const kind = rebuttal ? 'Rebuttal' : claim.stance === 'pro' ? 'Pro' : 'Con';
  const about = `about-${claim.id}`;

  return (
    <div
      data-claim-row={claim.id}
      data-stance={claim.stance}
      tabIndex={tabbable ? 0 : -1}
      role="treeitem"
      aria-level={depth + 1}
      aria-posinset={index + 1}
      aria-setsize={siblings}
      aria-selected={active}
      aria-current={active ? 'true' : undefined}
      aria-label={`${kind}${childCount ? `, ${plural(childCount, 'reply', 'replies')}` : ''}: ${claim.text}${author ? `, by ${author}` : ''}`}
      aria-describedby={claim.strength !== null ? `${about} strength-${claim.id}` : about}
      onFocus={(e) => {
        if (e.target === e.currentTarget) session.select(claim.id);
      }}
      onClick={() => session.select(claim.id)}
      data-dimmed={filter === 'dim' ? 'true' : undefined}
      className={`rounded-md border border-l-4 ${filter === 'dim' ? 'bg-stone-100 shadow-none' : 'bg-white'} p-2.5 shadow-sm outline-none transition-shadow focus-visible:ring-2 focus-visible:ring-blue-600 ${
        helpsThesis(role) ? 'border-l-pro-600' : 'border-l-con-600'
      } ${
        claim.stance === 'con' ? 'border-dashed' : ''
      } ${active ? 'border-stone-500 ring-1 ring-stone-400' : touchedBy ? 'border-amber-400 ring-2 ring-amber-300' : filter === 'match' ? 'border-sky-600 ring-1 ring-sky-600' : 'border-stone-200'}`}
    >
      <div className="flex items-start gap-2">
        <StanceBadge stance={claim.stance} role={role} />
        <div className="min-w-0 flex-1">
          {editing === 'text' ? (
            <TextEditor
              id={`edit-${claim.id}`}
              label="Claim text"
              initial={claim.text}
              latest={claim.text}
              maxLength={CLAIM_TEXT_MAX}
              onSave={save('text')}
              onCancel={cancel}
            />
          ) : (
            <p
              className={`whitespace-pre-wrap break-words text-[0.95rem] ${filter === 'dim' ? 'text-stone-600' : 'text-stone-900'}`}
              data-claim-text
            >
              {claim.text}
            </p>
          )}
          {author && (
            <p className="mt-0.5 text-xs text-stone-600" data-claim-author={author}>
              <span
                className={
                  filter === 'match' ? 'rounded bg-sky-100 px-1 font-semibold text-sky-900' : ''
                }
              >
                by {author}
              </span>
            </p>
          )}
          <p className="sr-only" id={about}>
            {relation}
          </p>
        </div>
        {claim.strength !== null && (
          <span
            className="shrink-0 rounded bg-stone-100 px-1.5 py-0.5 text-xs font-medium text-stone-800"
            title="Strength (your rating)"
          >
            <span aria-hidden="true">
              {'●'.repeat(claim.strength)}
              {'○'.repeat(5 - claim.strength)}
            </span>
            <span className="sr-only" id={`strength-${claim.id}`}>
              Strength {claim.strength} of 5
            </span>
          </span>
        )}
        {touchedBy && (
          <span
            className="shrink-0 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900"
            data-touched-by={touchedBy}
          >
            Changed by {touchedBy}
          </span>
        )}
        <ClaimCommentsButton claimId={claim.id} active={active} />
      </div>
      <ClaimQuotes anchors={anchors} />
      <ClaimLinks out={linksOut} into={linksIn} />
      <ClaimPresence claimId={claim.id} />
      <ClaimExtras claimId={claim.id} claimText={claim.text} active={active} />
      {editing === 'note' ? (
        <TextEditor
          id={`note-${claim.id}`}
          label="Note"
          initial={claim.note}
          latest={claim.note}
          maxLength={NOTE_MAX}
          multiline
          onSave={save('note')}
          onCancel={cancel}
        />
      ) : (
        claim.note && (
          <p className="mt-2 whitespace-pre-wrap break-words rounded bg-stone-50 px-2 py-1 text-sm text-stone-700">
            <span className="font-semibold">Note: </span>
            {claim.note}
          </p>
        )
      )}
      {tools && session.canEdit && !editing && <ClaimToolbar claim={claim} />}
    </div>
  );
}

'use client';

import type { OutlineRow } from '@/lib/domain/argument-tree';
import type { AnchorView, ClaimView } from '@/lib/domain/views';
import { plural } from '@/lib/format';
import { CLAIM_TEXT_MAX, NOTE_MAX } from '@/lib/schemas/map';
import { ClaimLinks } from './claim-links';
import { ClaimQuotes } from './claim-quotes';
import { ClaimToolbar } from './claim-toolbar';
import { useEditor } from './editor-context';
import { StanceBadge } from './stance-badge';
import { TextEditor } from './text-editor';

/** One claim in the outline: stance, text, rating, evidence and note; its tools when selected. */
export function ClaimRow({
  row,
  parent,
  anchors,
  tabbable,
}: {
  row: OutlineRow<ClaimView>;
  parent: ClaimView | null;
  anchors: AnchorView[];
  tabbable: boolean;
}) {
  const { claim, depth, childCount } = row;
  const ed = useEditor();
  const active = ed.activeId === claim.id;
  const rebuttal = claim.stance === 'con' && parent?.stance === 'con';
  const relation = parent
    ? claim.stance === 'pro'
      ? 'supports'
      : 'objects to'
    : claim.stance === 'pro'
      ? 'supports the thesis'
      : 'objects to the thesis';

  const saveText = async (text: string) => {
    const r = await ed.api.editClaim(claim.id, { text });
    if (!r.ok) return r.message;
    ed.setEditingId(null);
    ed.focusClaim(claim.id);
    return null;
  };
  const saveNote = async (note: string) => {
    const r = await ed.api.editClaim(claim.id, { note });
    if (!r.ok) return r.message;
    ed.setNoteId(null);
    ed.focusClaim(claim.id);
    return null;
  };

  return (
    <li style={{ marginLeft: `${Math.min(depth, 8) * 1.25}rem` }} className="list-none">
      <div
        data-claim-row={claim.id}
        data-stance={claim.stance}
        tabIndex={tabbable ? 0 : -1}
        role="group"
        aria-label={`${rebuttal ? 'Rebuttal' : claim.stance === 'pro' ? 'Pro' : 'Con'}, level ${depth + 1}${childCount ? `, ${plural(childCount, 'reply', 'replies')}` : ''}`}
        aria-current={active ? 'true' : undefined}
        onFocus={(e) => {
          if (e.target === e.currentTarget) ed.setActiveId(claim.id);
        }}
        onClick={() => ed.setActiveId(claim.id)}
        onKeyDown={(e) => {
          if (e.target !== e.currentTarget) return;
          if (ed.runCommand(claim.id, e)) e.preventDefault();
        }}
        className={`rounded-md border border-l-4 bg-white p-2.5 shadow-sm outline-none transition-shadow focus-visible:ring-2 focus-visible:ring-blue-600 ${
          claim.stance === 'pro' ? 'border-l-pro-600' : 'border-l-con-600 border-dashed'
        } ${active ? 'border-stone-500 ring-1 ring-stone-400' : 'border-stone-200'}`}
      >
        <div className="flex items-start gap-2">
          <StanceBadge stance={claim.stance} rebuttal={rebuttal} />
          <div className="min-w-0 flex-1">
            {ed.editingId === claim.id ? (
              <TextEditor
                id={`edit-${claim.id}`}
                label="Claim text"
                initial={claim.text}
                latest={claim.text}
                maxLength={CLAIM_TEXT_MAX}
                onSave={saveText}
                onCancel={() => {
                  ed.setEditingId(null);
                  ed.focusClaim(claim.id);
                }}
              />
            ) : (
              <p
                className="whitespace-pre-wrap break-words text-[0.95rem] text-stone-900"
                data-claim-text
              >
                {claim.text}
              </p>
            )}
            <p className="sr-only">{relation}</p>
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
              <span className="sr-only">Strength {claim.strength} of 5</span>
            </span>
          )}
        </div>
        <ClaimQuotes anchors={anchors} />
        <ClaimLinks claim={claim} />
        {ed.noteId === claim.id ? (
          <TextEditor
            id={`note-${claim.id}`}
            label="Note"
            initial={claim.note}
            latest={claim.note}
            maxLength={NOTE_MAX}
            multiline
            onSave={saveNote}
            onCancel={() => {
              ed.setNoteId(null);
              ed.focusClaim(claim.id);
            }}
          />
        ) : (
          claim.note && (
            <p className="mt-2 whitespace-pre-wrap break-words rounded bg-stone-50 px-2 py-1 text-sm text-stone-700">
              <span className="font-semibold">Note: </span>
              {claim.note}
            </p>
          )
        )}
        {active && !ed.readOnly && ed.editingId !== claim.id && ed.noteId !== claim.id && (
          <ClaimToolbar claim={claim} />
        )}
      </div>
    </li>
  );
}

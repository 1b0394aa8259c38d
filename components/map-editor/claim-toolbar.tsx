'use client';

import type { ClaimView } from '@/lib/domain/views';
import { keysOf } from './commands';
import { useEditorActions } from './editor-context';

const btn =
  'rounded border border-stone-300 bg-white px-2 py-1 text-xs font-medium text-stone-800 hover:bg-stone-100';

/** The actions for the selected claim; each shows its key from the command registry. */
export function ClaimToolbar({ claim }: { claim: ClaimView }) {
  const {
    setAttribute,
    shift,
    indent,
    outdent,
    openComposer,
    setEditingId,
    setNoteId,
    openQuoteDialog,
    openMoveDialog,
    openLinkDialog,
    openComments,
    requestDelete,
  } = useEditorActions();
  const strengthId = `strength-${claim.id}`;
  return (
    <div
      role="toolbar"
      aria-label="Claim actions"
      className="mt-2 flex flex-wrap items-center gap-1.5"
    >
      <button
        type="button"
        className={btn}
        onClick={() => openComposer(claim.id, claim.thesisId, 'pro')}
        title={keysOf('addPro')}
      >
        + Pro reply
      </button>
      <button
        type="button"
        className={btn}
        onClick={() => openComposer(claim.id, claim.thesisId, 'con')}
        title={keysOf('addCon')}
      >
        − Con reply
      </button>
      <button
        type="button"
        className={btn}
        onClick={() => setEditingId(claim.id)}
        title={keysOf('edit')}
      >
        Edit
      </button>
      <button
        type="button"
        className={btn}
        onClick={() => setNoteId(claim.id)}
        title={keysOf('note')}
      >
        Note
      </button>
      <button
        type="button"
        className={btn}
        onClick={() => openQuoteDialog(claim.id)}
        title={keysOf('quote')}
      >
        Quote…
      </button>
      <button
        type="button"
        className={btn}
        onClick={() => setAttribute(claim.id, { stance: claim.stance === 'pro' ? 'con' : 'pro' })}
        title={keysOf('toggleStance')}
      >
        Make {claim.stance === 'pro' ? 'con' : 'pro'}
      </button>
      <label htmlFor={strengthId} className="sr-only">
        Strength
      </label>
      <select
        id={strengthId}
        value={claim.strength ?? ''}
        onChange={(e) =>
          setAttribute(claim.id, { strength: e.target.value ? Number(e.target.value) : null })
        }
        className="rounded border border-stone-300 bg-white px-1 py-1 text-xs"
        title={keysOf('rate')}
      >
        <option value="">Strength: not rated</option>
        {[1, 2, 3, 4, 5].map((n) => (
          <option key={n} value={n}>
            Strength: {n} of 5
          </option>
        ))}
      </select>
      <span className="inline-flex gap-0.5" role="group" aria-label="Move">
        <button
          type="button"
          className={btn}
          onClick={() => shift(claim.id, -1)}
          aria-label="Move up"
          title={keysOf('moveUp')}
        >
          ↑
        </button>
        <button
          type="button"
          className={btn}
          onClick={() => shift(claim.id, 1)}
          aria-label="Move down"
          title={keysOf('moveDown')}
        >
          ↓
        </button>
        <button
          type="button"
          className={btn}
          onClick={() => outdent(claim.id)}
          aria-label="Outdent"
          title={keysOf('outdent')}
        >
          ←
        </button>
        <button
          type="button"
          className={btn}
          onClick={() => indent(claim.id)}
          aria-label="Indent"
          title={keysOf('indent')}
        >
          →
        </button>
      </span>
      <button
        type="button"
        className={btn}
        onClick={() => openMoveDialog(claim.id)}
        title={keysOf('moveTo')}
      >
        Move to…
      </button>
      <button
        type="button"
        className={btn}
        onClick={() => openLinkDialog(claim.id)}
        title={keysOf('link')}
      >
        Link…
      </button>
      <button
        type="button"
        className={btn}
        onClick={() => openComments(claim.id)}
        title={keysOf('comments')}
      >
        Comments…
      </button>
      <button
        type="button"
        className={`${btn} text-con-800`}
        onClick={() => requestDelete(claim.id)}
        title={keysOf('delete')}
      >
        Delete
      </button>
    </div>
  );
}

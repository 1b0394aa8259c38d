'use client';

import { ClaimComposer } from '@/components/map/claim-composer';
import { ClaimExtras } from '@/components/map/claim-extras';
import { CommandButton } from '@/components/map/command-button';
import { useEditorState, useSession } from '@/components/map/session';
import { TextEditor } from '@/components/map/text-editor';
import { Button } from '@/components/ui/button';
import { inLabel } from '@/lib/editor/places';
import { CLAIM_TEXT_MAX, NOTE_MAX } from '@/lib/schemas/map';
import { GraphQuotes } from './graph-quotes';

/**
 * Beside the graph: pick a box (by click or from the list), then run the editor's commands on it
 * (add, edit, comment, delete: the same commands as the outline's toolbar and keys), or fold and
 * focus the graph around it.
 */
export function GraphPanel({
  collapsed,
  quotesOpen,
  onToggleCollapse,
  onFocus,
  choices,
}: {
  collapsed: ReadonlySet<string>;
  /** The reader asked for the selected claim's quotes (from its box): they get the focus. */
  quotesOpen: boolean;
  onToggleCollapse: (id: string) => void;
  onFocus: (id: string) => void;
  /** The boxes the list offers. */
  choices: string[];
}) {
  const session = useSession();
  const { claims, anchors, screen, authors } = useEditorState();
  const { activeId, composer, editing } = screen;
  const thesis = session.theses.find((t) => t.id === activeId);
  const claim = claims.find((c) => c.id === activeId);
  const label = (id: string) => {
    const t = session.theses.find((x) => x.id === id);
    if (t) return `Thesis: ${t.label}`;
    const c = claims.find((x) => x.id === id);
    return c ? `${c.stance === 'pro' ? '+' : '−'} ${inLabel(c.text)}` : id;
  };
  const here = thesis ? { thesisId: thesis.id, claimId: null } : { claimId: claim?.id ?? null };
  // The new-claim form and the in-place editor show here when they are about the selected box.
  const composing =
    composer !== null &&
    (thesis
      ? composer.place.thesisId === thesis.id && composer.place.parentId === null
      : composer.place.parentId === claim?.id && composer.index === 0);
  const edited = claim && editing?.claimId === claim.id ? editing.field : null;

  return (
    <aside
      aria-label="Selected in the graph"
      className="w-full shrink-0 space-y-3 rounded-lg border border-stone-200 bg-white p-3 lg:w-72"
    >
      <div>
        <label htmlFor="graph-select" className="block text-sm font-semibold">
          Selected box
        </label>
        <select
          id="graph-select"
          value={activeId ?? ''}
          onChange={(e) => session.select(e.target.value || null)}
          className="mt-1 block w-full rounded-md border border-stone-400 bg-white px-2 py-1 text-sm"
        >
          <option value="">Click a box, or choose here</option>
          {choices.map((id) => (
            <option key={id} value={id}>
              {label(id)}
            </option>
          ))}
        </select>
      </div>
      {(thesis || claim) && (
        <div className="space-y-2 text-sm">
          {edited ? (
            <TextEditor
              id={`graph-${edited}`}
              label={edited === 'text' ? 'Claim text' : 'Note'}
              initial={claim![edited]}
              latest={claim![edited]}
              maxLength={edited === 'text' ? CLAIM_TEXT_MAX : NOTE_MAX}
              multiline={edited === 'note'}
              onSave={async (value, from) => {
                const r = session.saveEdit(claim!.id, edited, value, from);
                return r.ok ? null : r.message;
              }}
              onCancel={() => session.stopEditing()}
            />
          ) : (
            <p className="whitespace-pre-wrap break-words text-stone-900">
              {thesis ? thesis.text : claim!.text}
            </p>
          )}
          {claim && authors?.of.has(claim.id) && (
            <p className="text-xs text-stone-600" data-claim-author>
              Written by {authors.nameOf(authors.of.get(claim.id)!)}
            </p>
          )}
          {session.canEdit && !composing && !edited && (
            <div className="flex flex-wrap gap-1.5">
              <CommandButton command="addPro" target={here}>
                + Add pro
              </CommandButton>
              <CommandButton command="addCon" target={here}>
                − Add con
              </CommandButton>
              {claim && (
                <>
                  <CommandButton command="edit" target={here}>
                    Edit text
                  </CommandButton>
                  <CommandButton command="delete" target={here} variant="danger">
                    Delete
                  </CommandButton>
                </>
              )}
            </div>
          )}
          {composing && <ClaimComposer submitLabel="Add" indent={false} />}
          {claim && (
            <div data-graph-extras>
              <ClaimExtras claimId={claim.id} claimText={claim.text} active />
            </div>
          )}
          {claim && (
            <GraphQuotes
              key={claim.id}
              anchors={anchors.filter((a) => a.claimId === claim.id)}
              focus={quotesOpen}
            />
          )}
          {claim && (
            <div className="flex flex-wrap gap-1.5 border-t border-stone-200 pt-2">
              <Button size="sm" onClick={() => onToggleCollapse(claim.id)}>
                {collapsed.has(claim.id) ? 'Expand replies' : 'Collapse replies'}
              </Button>
              <Button size="sm" onClick={() => onFocus(claim.id)}>
                Focus on this claim
              </Button>
              {session.role !== null && (
                <CommandButton command="comments" target={here}>
                  Comments…
                </CommandButton>
              )}
            </div>
          )}
        </div>
      )}
    </aside>
  );
}

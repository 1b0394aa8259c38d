'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { useEditor } from '@/components/map-editor/editor-context';
import type { Stance } from '@/lib/domain/argument-tree';
import { truncate } from '@/lib/domain/text';

const short = (t: string) => truncate(t, 58);

/** Beside the graph: pick a box (by click or from the list) and add, edit, fold, focus or delete. */
export function GraphPanel({
  collapsed,
  onToggleCollapse,
  onFocus,
  visibleIds,
}: {
  collapsed: ReadonlySet<string>;
  onToggleCollapse: (id: string) => void;
  onFocus: (id: string) => void;
  visibleIds: string[];
}) {
  const { api, theses, activeId, setActiveId, readOnly, requestDelete, openComments } = useEditor();
  const [adding, setAdding] = useState<Stance | null>(null);
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const thesis = theses.find((t) => t.id === activeId);
  const claim = api.claims.find((c) => c.id === activeId);
  const label = (id: string) => {
    const t = theses.find((x) => x.id === id);
    if (t) return `Thesis: ${t.label}`;
    const c = api.claims.find((x) => x.id === id);
    return c ? `${c.stance === 'pro' ? '+' : '−'} ${short(c.text)}` : id;
  };

  const reset = () => {
    setAdding(null);
    setEditing(false);
    setText('');
    setError(null);
  };

  async function submit() {
    if (adding) {
      const place = thesis
        ? { thesisId: thesis.id, parentId: null }
        : { thesisId: claim!.thesisId, parentId: claim!.id };
      const r = api.addClaim(place, adding, text);
      if ('error' in r) return setError(r.error);
      reset();
      setActiveId(r.id);
    } else if (editing && claim) {
      const r = await api.editClaim(claim.id, { text });
      if (!r.ok) return setError(r.message);
      reset();
    }
  }

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
          onChange={(e) => {
            reset();
            setActiveId(e.target.value || null);
          }}
          className="mt-1 block w-full rounded-md border border-stone-400 bg-white px-2 py-1 text-sm"
        >
          <option value="">Click a box, or choose here</option>
          {visibleIds.map((id) => (
            <option key={id} value={id}>
              {label(id)}
            </option>
          ))}
        </select>
      </div>
      {(thesis || claim) && (
        <div className="space-y-2 text-sm">
          <p className="whitespace-pre-wrap break-words text-stone-900">
            {thesis ? thesis.text : claim!.text}
          </p>
          {!readOnly && !adding && !editing && (
            <div className="flex flex-wrap gap-1.5">
              <Button size="sm" onClick={() => setAdding('pro')}>
                + Add pro
              </Button>
              <Button size="sm" onClick={() => setAdding('con')}>
                − Add con
              </Button>
              {claim && (
                <>
                  <Button
                    size="sm"
                    onClick={() => {
                      setEditing(true);
                      setText(claim.text);
                    }}
                  >
                    Edit text
                  </Button>
                  <Button size="sm" variant="danger" onClick={() => requestDelete(claim.id)}>
                    Delete
                  </Button>
                </>
              )}
            </div>
          )}
          {(adding || editing) && (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void submit();
              }}
              className="space-y-2"
            >
              <label htmlFor="graph-text" className="block font-semibold">
                {adding ? `New ${adding} ${thesis ? 'for the thesis' : 'reply'}` : 'Claim text'}
              </label>
              <textarea
                id="graph-text"
                autoFocus
                rows={3}
                value={text}
                onChange={(e) => {
                  setText(e.target.value);
                  setError(null);
                }}
                aria-invalid={error ? true : undefined}
                aria-describedby="graph-text-error"
                className="block w-full rounded-md border border-stone-400 px-2 py-1"
              />
              <FieldError id="graph-text-error" messages={error} />
              <div className="flex gap-2">
                <Button type="submit" variant="primary" size="sm">
                  {adding ? 'Add' : 'Save'}
                </Button>
                <Button size="sm" onClick={reset}>
                  Cancel
                </Button>
              </div>
            </form>
          )}
          {claim && (
            <div className="flex flex-wrap gap-1.5 border-t border-stone-200 pt-2">
              <Button size="sm" onClick={() => onToggleCollapse(claim.id)}>
                {collapsed.has(claim.id) ? 'Expand replies' : 'Collapse replies'}
              </Button>
              <Button size="sm" onClick={() => onFocus(claim.id)}>
                Focus on this claim
              </Button>
              {api.role !== null && (
                <Button size="sm" onClick={() => openComments(claim.id)}>
                  Comments…
                </Button>
              )}
            </div>
          )}
        </div>
      )}
    </aside>
  );
}

'use client';

import { useMemo, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { outline, subtreeIds } from '@/lib/domain/argument-tree';
import type { ClaimView } from '@/lib/domain/views';
import { useEditor } from './editor-context';
import { truncate } from '@/lib/domain/text';

const short = (t: string) => truncate(t, 68);

/** Move a claim under any thesis or claim that is not inside it. */
export function MoveDialog({ claim, onClose }: { claim: ClaimView; onClose: () => void }) {
  const { theses, api, focusClaim } = useEditor();
  const options = useMemo(() => {
    const inside = subtreeIds(api.claims, claim.id);
    return theses.flatMap((t) => [
      {
        value: `thesis:${t.id}`,
        label: `Thesis: ${t.label}`,
        thesisId: t.id,
        parentId: null as string | null,
      },
      ...outline(api.claims, t.id)
        .filter((r) => !inside.has(r.claim.id))
        .map((r) => ({
          value: r.claim.id,
          label: `${'  '.repeat(r.depth + 1)}${r.claim.stance === 'pro' ? '+' : '−'} ${short(r.claim.text)}`,
          thesisId: t.id,
          parentId: r.claim.id as string | null,
        })),
    ]);
  }, [api.claims, claim.id, theses]);
  const current = claim.parentId ?? `thesis:${claim.thesisId}`;
  const [target, setTarget] = useState(current);

  return (
    <Dialog open onClose={onClose} title="Move claim" wide>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const opt = options.find((o) => o.value === target);
          if (opt && api.moveTo(claim.id, { thesisId: opt.thesisId, parentId: opt.parentId })) {
            onClose();
            focusClaim(claim.id);
          }
        }}
        className="space-y-3"
      >
        <p className="text-sm text-stone-700">
          Moving <q className="font-medium">{short(claim.text)}</q> and its replies. It goes last
          under its new parent.
        </p>
        <label htmlFor="move-target" className="block text-sm font-semibold">
          New parent
        </label>
        <select
          id="move-target"
          value={target}
          onChange={(e) => setTarget(e.target.value)}
          className="block w-full rounded-md border border-stone-400 bg-white px-2 py-1.5 font-mono text-sm"
          size={Math.min(12, options.length)}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary">
            Move here
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

'use client';

import { useMemo, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { subtreeIds } from '@/lib/domain/argument-tree';
import type { ClaimView } from '@/lib/domain/views';
import { inLabel, placeOptions } from '@/lib/editor/places';
import { useEditorState, useSession } from '@/components/map/session';
import { PlacePicker } from './place-picker';

/** Move a claim under any thesis or claim that is not inside it. */
export function MoveDialog({ claim, onClose }: { claim: ClaimView; onClose: () => void }) {
  const session = useSession();
  const { claims } = useEditorState();
  const options = useMemo(() => {
    const inside = subtreeIds(claims, claim.id);
    return session.theses.flatMap((t) => placeOptions(claims, t, inside));
  }, [claims, claim.id, session.theses]);
  const current = claim.parentId ?? `thesis:${claim.thesisId}`;
  const [target, setTarget] = useState(current);

  return (
    <Dialog open onClose={onClose} title="Move claim" wide>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const opt = options.find((o) => o.value === target);
          const place = opt && { thesisId: opt.thesisId, parentId: opt.parentId };
          if (place && session.writes.moveTo(claim.id, place)) {
            onClose();
            session.focus(claim.id);
          }
        }}
        className="space-y-3"
      >
        <p className="text-sm text-stone-700">
          Moving <q className="font-medium">{inLabel(claim.text)}</q> and its replies. It goes last
          under its new parent.
        </p>
        <PlacePicker
          id="move-target"
          label="New parent"
          options={options}
          value={target}
          onChange={setTarget}
          rows={12}
        />
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

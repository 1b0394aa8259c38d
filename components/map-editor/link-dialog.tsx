'use client';

import { useMemo, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { FieldError } from '@/components/ui/field-error';
import type { Stance } from '@/lib/domain/argument-tree';
import type { ClaimView } from '@/lib/domain/views';
import { inLabel, placeOptions } from '@/lib/editor/places';
import { useEditorState, useSession } from '@/components/map/session';
import { PlacePicker } from './place-picker';

/** Link a claim to a claim or the thesis on the other side: the articles argue with each other. */
export function LinkDialog({ claim, onClose }: { claim: ClaimView; onClose: () => void }) {
  const session = useSession();
  const { claims } = useEditorState();
  const other = session.theses.find((t) => t.id !== claim.thesisId)!;
  const options = useMemo(() => placeOptions(claims, other), [claims, other]);
  const [target, setTarget] = useState(options[0]!.value);
  const [stance, setStance] = useState<Stance>('con');
  const [error, setError] = useState<string | null>(null);

  return (
    <Dialog open onClose={onClose} title="Link to the other side" wide>
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          const to = target.startsWith('thesis:')
            ? { thesisId: target.slice(7) }
            : { claimId: target };
          const r = session.writes.addLink(claim.id, to, stance);
          if (r.ok) onClose();
          else setError(r.message);
        }}
      >
        <p className="text-sm text-stone-700">
          <q className="font-medium">{inLabel(claim.text)}</q> also…
        </p>
        <fieldset className="flex gap-4 text-sm">
          <legend className="sr-only">Relation</legend>
          {(['pro', 'con'] as const).map((s) => (
            <label key={s} className="flex items-center gap-1">
              <input
                type="radio"
                name="link-stance"
                checked={stance === s}
                onChange={() => setStance(s)}
              />
              {s === 'pro' ? 'supports' : 'attacks'}
            </label>
          ))}
        </fieldset>
        <PlacePicker
          id="link-target"
          label={`On the other side (${other.label})`}
          options={options}
          value={target}
          onChange={setTarget}
          describedBy="link-error"
        />
        <FieldError id="link-error" messages={error} />
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary">
            Add link
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

'use client';

import { useId, useState } from 'react';
import { useSession } from '@/components/map/session';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { FieldError } from '@/components/ui/field-error';
import { addMarkAction } from '@/lib/actions/marks';
import {
  MARK_EXPLANATION_MAX,
  MARK_KINDS,
  MARK_KIND_INFO,
  type MarkKind,
} from '@/lib/domain/marks';
import type { ClaimView } from '@/lib/domain/views';
import { inLabel } from '@/lib/editor/places';

/**
 * Marks a claim for its author to review: what it needs (one kind) and, if wanted, why. The
 * author sees the mark under the claim and hears of it in their bell. The keyboard starts on the
 * first kind; after marking it goes back to the claim.
 */
export function MarkDialog({ claim, onClose }: { claim: ClaimView; onClose: () => void }) {
  const session = useSession();
  const id = useId();
  const taken = new Set(session.marks?.of(claim.id).map((m) => m.kind));
  const [kind, setKind] = useState<MarkKind>(MARK_KINDS.find((k) => !taken.has(k)) ?? 'unclear');
  const [explanation, setExplanation] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  return (
    <Dialog open onClose={onClose} title="Mark for review" wide>
      <form
        className="space-y-3"
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          const result = await addMarkAction({
            mapId: session.sync.mapId,
            claimId: claim.id,
            kind,
            explanation,
          });
          setBusy(false);
          if (!result.ok) return setError(result.message);
          session.marks?.set(result.data);
          onClose();
          session.focus(claim.id);
          session.announce(`Marked “${MARK_KIND_INFO[kind].label}”. Its author will be told.`);
        }}
      >
        <p className="text-sm text-stone-700">
          <q className="font-medium">{inLabel(claim.text)}</q>
        </p>
        <fieldset>
          <legend className="text-sm font-semibold text-stone-900">What it needs</legend>
          <div className="mt-1 grid gap-1 sm:grid-cols-2">
            {MARK_KINDS.map((k) => (
              <label
                key={k}
                className="flex items-start gap-2 rounded border border-stone-200 px-2 py-1.5 text-sm has-[:checked]:border-violet-600 has-[:checked]:bg-violet-50"
              >
                <input
                  type="radio"
                  name={`${id}-kind`}
                  className="mt-1"
                  checked={kind === k}
                  onChange={() => setKind(k)}
                  data-autofocus={kind === k ? true : undefined}
                />
                <span>
                  <span className="font-medium">{MARK_KIND_INFO[k].label}</span>
                  {taken.has(k) && <span className="text-stone-600"> (marked already)</span>}
                  <span className="block text-xs text-stone-700">{MARK_KIND_INFO[k].ask}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <div>
          <label htmlFor={`${id}-why`} className="block text-sm font-semibold text-stone-900">
            Explanation <span className="font-normal text-stone-700">(optional)</span>
          </label>
          <textarea
            id={`${id}-why`}
            rows={3}
            maxLength={MARK_EXPLANATION_MAX}
            value={explanation}
            onChange={(e) => setExplanation(e.target.value)}
            aria-describedby={`${id}-error`}
            className="mt-1 w-full rounded-md border border-stone-400 px-2 py-1 text-sm"
          />
        </div>
        <FieldError id={`${id}-error`} messages={error} />
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={busy}>
            {busy ? 'Marking…' : 'Mark for review'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

'use client';

import { useId, useMemo, useState } from 'react';
import type { MapState } from '@/lib/domain/apply-op';
import { outline, subtreeIds } from '@/lib/domain/argument-tree';
import { roles, type Role } from '@/lib/domain/dialectic';
import type { RestoreScope } from '@/lib/domain/history';
import type { ClaimView, ThesisView } from '@/lib/domain/views';
import { Button } from '@/components/ui/button';
import { plural } from '@/lib/format';
import { CHANGE_LABELS, compareClaims, type ClaimChange } from './history-model';
import { StanceBadge } from '@/components/map/stance-badge';

const DEPTH_MAX = 6;

function ClaimLine({
  claim,
  role,
  changes,
  picked,
  onPick,
}: {
  claim: ClaimView;
  role: Role;
  changes: ClaimChange[] | undefined;
  picked: boolean;
  /** Absent for people who may only look. */
  onPick?: () => void;
}) {
  const tone = changes ? 'border-amber-500 bg-amber-50' : 'border-stone-200 bg-white';
  const body = (
    <>
      <span className="flex flex-wrap items-center gap-1.5">
        <StanceBadge stance={claim.stance} role={role} />
        {changes?.map((c) => (
          <span
            key={c}
            className="rounded bg-amber-200 px-1.5 py-0.5 text-xs font-semibold text-stone-900"
          >
            {CHANGE_LABELS[c]}
          </span>
        ))}
        {claim.strength !== null && (
          <span className="text-xs text-stone-600">Strength {claim.strength} of 5</span>
        )}
      </span>
      <span className="mt-0.5 block whitespace-pre-wrap break-words">{claim.text}</span>
      {claim.note && (
        <span className="mt-0.5 line-clamp-2 block break-words text-xs text-stone-600">
          Note: {claim.note}
        </span>
      )}
    </>
  );
  const box = `block w-full rounded-md border px-2 py-1.5 text-left text-sm ${tone}`;
  return onPick ? (
    <button
      type="button"
      aria-pressed={picked}
      onClick={onPick}
      className={`${box} ${picked ? 'ring-2 ring-stone-900' : 'hover:border-stone-400'}`}
    >
      {body}
    </button>
  ) : (
    <div className={box}>{body}</div>
  );
}

/**
 * The map as it was at a point in its history, read-only, both theses' outlines with what
 * differs from now marked in words. Editors pick a claim to restore it (or it and its replies),
 * or restore the whole map after confirming.
 */
export function HistoryPreview({
  heading,
  theses,
  past,
  now,
  canEdit,
  settled,
  onRestore,
}: {
  heading: string;
  theses: ThesisView[];
  past: MapState;
  now: MapState;
  canEdit: boolean;
  /** False while the map shown has changes the history does not have yet: restoring waits. */
  settled: boolean;
  onRestore: (scope: RestoreScope) => void;
}) {
  const [picked, setPicked] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  // After Cancel, focus goes back to the button that asked.
  const [cancelled, setCancelled] = useState(false);
  const confirmId = useId();
  const { changes, addedSince } = useMemo(() => compareClaims(past, now), [past, now]);
  const roleOf = useMemo(() => roles(past.claims), [past.claims]);
  const hasReplies = (id: string) =>
    subtreeIds(past.claims, id).size > 1 || subtreeIds(now.claims, id).size > 1;
  const pickedClaim = past.claims.find((c) => c.id === picked);
  const differing = changes.size;
  const consequences = `Every claim goes back to how it was: ${plural(differing, 'claim')} restored or changed back${
    addedSince
      ? `, and the ${plural(addedSince, 'claim')} added since deleted (they stay in Trash)`
      : ''
  }. Comments are kept. It is one change: Ctrl+Z undoes it.`;

  return (
    <div className="space-y-3">
      <div>
        <h3 className="font-semibold text-stone-900">{heading}</h3>
        <p className="text-sm text-stone-700">
          {differing === 0 && addedSince === 0
            ? 'The claims were the same as now.'
            : `${plural(differing, 'claim')} ${differing === 1 ? 'differs' : 'differ'} from now (marked)${addedSince ? `; ${plural(addedSince, 'claim')} added since are not shown` : ''}.`}
          {canEdit && ' Pick a claim to restore it.'}
        </p>
        {canEdit && !settled && (
          <p className="text-sm text-stone-600">Catching up with the latest changes…</p>
        )}
      </div>

      {canEdit && !confirming && (
        <Button
          variant="secondary"
          disabled={!settled}
          autoFocus={cancelled}
          onClick={() => setConfirming(true)}
        >
          Restore the whole map to this point…
        </Button>
      )}
      {canEdit && confirming && (
        <div className="rounded-md border border-amber-500 bg-amber-50 p-3 text-sm">
          <p id={confirmId}>{consequences}</p>
          <div className="mt-2 flex flex-wrap gap-2">
            <Button
              // Focus moves to the choice just offered; its consequences are read with it.
              autoFocus
              disabled={!settled}
              variant="danger"
              aria-describedby={confirmId}
              onClick={() => {
                setConfirming(false);
                onRestore({ kind: 'map' });
              }}
            >
              Restore the whole map
            </Button>
            <Button
              onClick={() => {
                setConfirming(false);
                setCancelled(true);
              }}
            >
              Cancel
            </Button>
          </div>
        </div>
      )}

      {theses.map((thesis) => {
        const rows = outline(past.claims, thesis.id);
        return (
          <section key={thesis.id} aria-label={`${thesis.label} as it was`}>
            <h4 className="text-sm font-semibold text-stone-800">
              {thesis.label}: <span className="font-normal">{thesis.text}</span>
            </h4>
            {rows.length === 0 ? (
              <p className="mt-1 text-sm text-stone-600">No claims under this thesis then.</p>
            ) : (
              <ul className="mt-1 space-y-1" aria-label={`Claims under ${thesis.label}`}>
                {rows.map(({ claim, depth }) => (
                  <li
                    key={claim.id}
                    style={{ marginLeft: `${Math.min(depth, DEPTH_MAX) * 0.75}rem` }}
                  >
                    <ClaimLine
                      claim={claim}
                      role={roleOf.get(claim.id) ?? 'support'}
                      changes={changes.get(claim.id)}
                      picked={picked === claim.id}
                      onPick={
                        canEdit
                          ? () => setPicked((p) => (p === claim.id ? null : claim.id))
                          : undefined
                      }
                    />
                    {canEdit && pickedClaim?.id === claim.id && (
                      <div className="mt-1 flex flex-wrap gap-2 pl-2">
                        <Button
                          size="sm"
                          disabled={!settled}
                          onClick={() => onRestore({ kind: 'claim', claimId: claim.id })}
                        >
                          Restore this claim
                        </Button>
                        {hasReplies(claim.id) && (
                          <Button
                            size="sm"
                            disabled={!settled}
                            onClick={() => onRestore({ kind: 'subtree', claimId: claim.id })}
                          >
                            Restore this claim and its replies
                          </Button>
                        )}
                        {changes.get(claim.id)?.includes('deleted') && (
                          <p className="w-full text-xs text-stone-600">
                            A deleted claim comes back with the replies deleted with it.
                          </p>
                        )}
                      </div>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}

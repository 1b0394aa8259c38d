'use client';

import { When } from '@/components/ui/zone';
import Link from 'next/link';
import { useState } from 'react';
import { useRowAction } from './use-row-action';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { FieldError } from '@/components/ui/field-error';
import { duplicateMapAction } from '@/lib/actions/maps';
import { leaveMapAction } from '@/lib/actions/members';
import { ROLE_LABELS } from '@/lib/domain/capabilities';
import type { MyMapSummary } from '@/lib/domain/people';
import { plural } from '@/lib/format';

/**
 * "Shared with me": maps other people gave the user a role in. Renaming, deleting and sharing
 * are the owner's, so a card offers only what a member may do: open it, make their own copy, or
 * leave it.
 */
export function SharedMapList({ maps }: { maps: MyMapSummary[] }) {
  return (
    <section aria-labelledby="shared-heading" className="space-y-2">
      <h2 id="shared-heading" className="text-lg font-semibold">
        Shared with me
      </h2>
      {maps.length === 0 ? (
        <p className="text-sm text-stone-600">
          Nobody has shared a map with you yet. When someone invites you, or you open their edit or
          comment link, the map shows up here.
        </p>
      ) : (
        <ul
          aria-label="Maps shared with you"
          className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white"
        >
          {maps.map((m) => (
            <SharedMapRow key={m.id} map={m} />
          ))}
        </ul>
      )}
    </section>
  );
}

function SharedMapRow({ map }: { map: MyMapSummary }) {
  const [confirming, setConfirming] = useState(false);
  const { error, busy, run } = useRowAction();
  const errorId = `shared-${map.id}-error`;

  const duplicate = () => run(() => duplicateMapAction({ mapId: map.id }));
  const leave = () =>
    run(
      () => leaveMapAction({ mapId: map.id }),
      () => setConfirming(false),
    );

  return (
    <li className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center sm:justify-between">
      <div className="min-w-0 flex-1">
        <Link
          href={`/maps/${map.id}`}
          className="text-lg font-semibold break-words text-stone-900 underline-offset-4 hover:underline"
        >
          {map.title}
        </Link>
        <p className="text-sm text-stone-600">
          {map.ownerName}’s map · {ROLE_LABELS[map.role].toLowerCase()} ·{' '}
          {plural(map.claimCount, 'claim')} · changed <When iso={map.updatedAt} />
        </p>
        <FieldError id={errorId} messages={error} />
      </div>
      <div className="flex flex-wrap gap-2" aria-label={`Actions for ${map.title}`} role="group">
        <Button onClick={duplicate} disabled={busy} aria-describedby={errorId}>
          Make a copy
        </Button>
        <Button onClick={() => setConfirming(true)} aria-describedby={errorId}>
          Leave
        </Button>
      </div>
      <Dialog open={confirming} onClose={() => setConfirming(false)} title="Leave this map?">
        <p className="text-stone-700">
          You will no longer see “{map.title}”. {map.ownerName} can invite you again, or send you a
          new link.
        </p>
        <div className="mt-4 flex justify-end gap-2">
          <Button onClick={() => setConfirming(false)} autoFocus>
            Stay
          </Button>
          <Button variant="danger" onClick={leave} disabled={busy}>
            Leave map
          </Button>
        </div>
      </Dialog>
    </li>
  );
}

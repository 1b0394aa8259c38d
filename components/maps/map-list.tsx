'use client';

import { When } from '@/components/ui/zone';
import Link from 'next/link';
import { useState } from 'react';
import { useRowAction } from './use-row-action';
import { Button } from '@/components/ui/button';
import { ConfirmDelete } from '@/components/ui/confirm-delete';
import { FieldError } from '@/components/ui/field-error';
import { deleteMapAction, duplicateMapAction, renameMapAction } from '@/lib/actions/maps';
import { can } from '@/lib/domain/capabilities';
import type { MyMapSummary } from '@/lib/domain/people';
import { plural } from '@/lib/format';
import { TITLE_MAX } from '@/lib/schemas/map';

/** The user's own maps ("Shared with me" lists the others: shared-map-list.tsx). */
export function MapList({
  maps,
  hasOther = false,
}: {
  maps: MyMapSummary[];
  /** Whether this person works in maps that are not their own (assignments, shared ones). */
  hasOther?: boolean;
}) {
  if (maps.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-center text-stone-700">
        {hasOther ? 'No maps of your own yet.' : 'You have no maps yet.'} Create one above, or start
        from the{' '}
        <Link href="/" className="font-medium underline">
          debate page
        </Link>
        .
      </p>
    );
  }
  return (
    <ul
      aria-label="Your maps"
      className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white"
    >
      {maps.map((m) => (
        <MapRow key={m.id} map={m} />
      ))}
    </ul>
  );
}

function MapRow({ map }: { map: MyMapSummary }) {
  const [renaming, setRenaming] = useState(false);
  const [title, setTitle] = useState(map.title);
  const [confirming, setConfirming] = useState(false);
  const { error, setError, busy, run } = useRowAction();
  const errorId = `map-${map.id}-error`;

  async function rename() {
    if (await run(() => renameMapAction({ mapId: map.id, title }))) {
      setError(null);
      setRenaming(false);
    }
  }

  const duplicate = () => run(() => duplicateMapAction({ mapId: map.id }));
  const remove = () =>
    run(
      () => deleteMapAction({ mapId: map.id }),
      () => setConfirming(false),
    );

  return (
    <li className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center sm:justify-between">
      <div className="min-w-0 flex-1">
        {renaming ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void rename();
            }}
            className="flex flex-wrap gap-2"
          >
            <label htmlFor={`title-${map.id}`} className="sr-only">
              Map title
            </label>
            <input
              id={`title-${map.id}`}
              value={title}
              maxLength={TITLE_MAX + 20}
              onChange={(e) => setTitle(e.target.value)}
              onKeyDown={(e) => e.key === 'Escape' && setRenaming(false)}
              aria-invalid={error ? true : undefined}
              aria-describedby={errorId}
              autoFocus
              className="min-w-0 flex-1 rounded-md border border-stone-400 px-2 py-1"
            />
            <Button type="submit" variant="primary" disabled={busy}>
              Save
            </Button>
            <Button onClick={() => setRenaming(false)}>Cancel</Button>
          </form>
        ) : (
          <Link
            href={`/maps/${map.id}`}
            className="text-lg font-semibold text-stone-900 underline-offset-4 hover:underline"
          >
            {map.title}
          </Link>
        )}
        <p className="text-sm text-stone-600">
          {plural(map.claimCount, 'claim')} · changed <When iso={map.updatedAt} />
          {map.shared && (
            <span className="ml-2 rounded bg-blue-100 px-1.5 py-0.5 text-xs font-medium text-blue-900">
              Shared
            </span>
          )}
        </p>
        <FieldError id={errorId} messages={error} />
      </div>
      {!renaming && (
        <div className="flex flex-wrap gap-2" aria-label={`Actions for ${map.title}`} role="group">
          {can(map.role, 'map.rename') && <Button onClick={() => setRenaming(true)}>Rename</Button>}
          <Button onClick={duplicate} disabled={busy}>
            Duplicate
          </Button>
          {can(map.role, 'map.delete') && (
            <Button variant="danger" onClick={() => setConfirming(true)}>
              Delete
            </Button>
          )}
        </div>
      )}
      <ConfirmDelete
        open={confirming}
        title="Delete this map?"
        confirm="Delete map"
        busy={busy}
        onConfirm={remove}
        onCancel={() => setConfirming(false)}
      >
        <p className="text-stone-700">
          “{map.title}” and its {plural(map.claimCount, 'claim')} will be deleted for good, for
          everyone you shared it with too. Its links stop working.
        </p>
      </ConfirmDelete>
    </li>
  );
}

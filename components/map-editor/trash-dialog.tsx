'use client';

import { When } from '@/components/ui/zone';
import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { plural } from '@/lib/format';
import type { TrashEntry } from '@/lib/domain/views';
import { useSession } from '@/components/map/session';

type Loaded =
  { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ok'; entries: TrashEntry[] };

/** The map's deleted claims, from every tab and person, each restorable to where it was. */
export function TrashDialog({ mapId, onClose }: { mapId: string; onClose: () => void }) {
  const session = useSession();
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [restored, setRestored] = useState<Set<string>>(new Set());

  useEffect(() => {
    let live = true;
    fetch(`/api/maps/${encodeURIComponent(mapId)}/trash`, { cache: 'no-store' })
      .then(async (r) => {
        const body = await r.json();
        if (!live) return;
        if (r.ok) setLoaded({ kind: 'ok', entries: body as TrashEntry[] });
        else
          setLoaded({ kind: 'error', message: body.message ?? 'The Trash could not be loaded.' });
      })
      .catch(() => live && setLoaded({ kind: 'error', message: 'The server cannot be reached.' }));
    return () => {
      live = false;
    };
  }, [mapId]);

  return (
    <Dialog open onClose={onClose} title="Trash" wide>
      <p className="mb-3 text-sm text-stone-700">
        Deleted claims stay here for at least 30 days. Restoring one puts it back where it was, with
        its replies and quotes.
      </p>
      {loaded.kind === 'loading' && <p className="text-sm text-stone-600">Loading…</p>}
      {loaded.kind === 'error' && (
        <p role="alert" className="text-sm text-con-800">
          {loaded.message}
        </p>
      )}
      {loaded.kind === 'ok' && loaded.entries.length === 0 && (
        <p className="text-sm text-stone-600">The Trash is empty.</p>
      )}
      {loaded.kind === 'ok' && loaded.entries.length > 0 && (
        <ul className="max-h-96 space-y-2 overflow-y-auto" aria-label="Deleted claims">
          {loaded.entries.map((e) => (
            <li
              key={e.deletionId}
              className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-stone-200 p-2"
            >
              <div className="min-w-0 flex-1">
                <p className="break-words font-medium text-stone-900">{e.text}</p>
                <p className="text-xs text-stone-600">
                  {plural(e.claims, 'claim')} · deleted <When iso={e.deletedAt} />
                  {e.deletedBy ? ` by ${e.deletedBy}` : ''}
                </p>
              </div>
              {restored.has(e.deletionId) ? (
                <span className="text-sm text-stone-700">Restored</span>
              ) : (
                <Button
                  size="sm"
                  aria-label={`Restore “${e.text}”`}
                  onClick={() => {
                    session.writes.restore(e.deletionId);
                    setRestored((s) => new Set(s).add(e.deletionId));
                  }}
                >
                  Restore
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </Dialog>
  );
}

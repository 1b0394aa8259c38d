'use client';

import { useZone } from '@/components/ui/zone';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ApplyEnv, MapState } from '@/lib/domain/apply-op';
import { groupEntries, restoreOps, stateAt, type RestoreScope } from '@/lib/domain/history';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { formatDateTime } from '@/lib/format';
import { useNow } from '@/components/ui/time-ago';
import { useEditorState, useSession } from '@/components/map/session';
import { HistoryList, type HistoryPoint } from './history-list';
import { claimNames, evidenceOnly, restoreLabel, walkable, withServerTrash } from './history-model';
import { HistoryPreview } from './history-preview';
import { useHistory } from './use-history';

/** Walking back needs no articles: removed quotes come back as the log stored them. */
const NO_ARTICLES: ApplyEnv = { blocksOf: () => undefined };
const newId = () => crypto.randomUUID();

/** A restore of deleted claims still to settle once the server has them back (see restoreOps). */
interface FollowUp {
  past: MapState;
  scope: RestoreScope;
  fromRevision: number;
}

const pointHeading = (p: HistoryPoint, zone: string) =>
  `The map right after ${p.actorName}’s ${p.kind === 'group' ? 'changes' : 'change'}, ${formatDateTime(p.at, zone)}`;

/**
 * The History panel: who changed the map and when, the map as it was at any of those points, and
 * (for editors) restoring a claim, a claim with its replies, or the whole map as it was then. A
 * restore is sent as one group of ordinary changes, so others see it arrive and Ctrl+Z undoes it.
 */
export function HistoryDialog({ onClose }: { onClose: () => void }) {
  const session = useSession();
  const theses = session.theses;
  // Re-renders as the map changes, so the newest point follows.
  const { map: shown } = useEditorState();
  const revision = session.sync.revision;
  const { load, retry, loadOlder, older } = useHistory(session.sync.mapId, revision);
  const now = useNow();
  const zone = useZone();
  const [selected, setSelected] = useState<HistoryPoint | null>(null);
  // A new object each time, so the same message said twice still takes focus.
  const [status, setStatus] = useState<{ text: string; done: boolean } | null>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const firstRef = useRef<HTMLButtonElement>(null);
  const followUp = useRef<FollowUp | null>(null);
  const listBox = useRef<HTMLDivElement>(null);
  // After "Load older", focus goes to the first group it brought (the button may be gone).
  const focusGroupAt = useRef<number | null>(null);

  const log = load.kind === 'ok' ? load.log : null;
  const current = useMemo(() => (log ? withServerTrash(shown, log) : shown), [shown, log]);
  const entries = useMemo(() => (log ? walkable(log.entries, revision) : []), [log, revision]);
  const groups = useMemo(() => groupEntries(entries), [entries]);
  const names = useMemo(() => claimNames(current), [current]);
  const past = useMemo(
    () => (selected ? stateAt(current, entries, selected.revision, NO_ARTICLES) : null),
    [current, entries, selected],
  );

  // Focus starts on the newest change once there is one (until then, on Close).
  const hasGroups = groups.length > 0;
  useEffect(() => {
    if (hasGroups) firstRef.current?.focus();
  }, [hasGroups]);

  useEffect(() => {
    if (status) statusRef.current?.focus();
  }, [status]);

  useEffect(() => {
    const at = focusGroupAt.current;
    if (at === null || older.busy) return;
    focusGroupAt.current = null;
    if (older.error) return;
    const buttons = listBox.current?.querySelectorAll<HTMLElement>('[data-history-group]') ?? [];
    // The older page may only have lengthened the last group.
    buttons[Math.min(at, buttons.length - 1)]?.focus();
  }, [groups, older]);

  const pending = session.sync.pending.length;
  // The walk back is sure only when the log and the map shown are at the same revision: not while
  // this tab's own changes await the server, nor until the log or the tab has caught up.
  const settled = pending === 0 && log !== null && log.revision === revision;
  // Restored claims come back with their quotes and links as they were when deleted; once the
  // server has confirmed every change sent, those are set as they were at the point too.
  useEffect(() => {
    const f = followUp.current;
    if (!f || pending > 0 || revision <= f.fromRevision) return;
    followUp.current = null;
    const drafts = evidenceOnly(restoreOps(current, f.past, f.scope, newId));
    if (drafts.length > 0)
      session.submitGroup(drafts, 'Restored their quotes and links too.', current);
  }, [session, current, pending, revision]);

  const restore = (scope: RestoreScope) => {
    if (!past || !selected || !settled) return;
    const claim =
      scope.kind === 'map' ? undefined : past.claims.find((c) => c.id === scope.claimId);
    const drafts = restoreOps(current, past, scope, newId);
    if (drafts.length === 0) {
      const gone = claim && !current.claims.some((c) => c.id === claim.id);
      setStatus({
        text: gone
          ? 'This claim cannot be brought back: it is no longer in the Trash.'
          : 'Nothing to restore: this is already as it was then.',
        done: false,
      });
      return;
    }
    const label = restoreLabel(scope.kind, formatDateTime(selected.at, zone), claim);
    // Planned on the map with the server's trash: Ctrl+Z needs it to undo restored batches.
    session.submitGroup(drafts, label, current);
    if (drafts.some((d) => d.kind === 'claim.restore'))
      followUp.current = { past, scope, fromRevision: revision };
    setStatus({ text: `${label} Press Ctrl+Z to undo it.`, done: true });
  };

  const select = (point: HistoryPoint) => {
    setSelected(point);
    setStatus(null);
  };

  return (
    <Dialog open onClose={onClose} title="History" wide="xl">
      <p className="mb-3 text-sm text-stone-700">
        Every change to the claims, quotes and links, and who commented where, newest first. Choose
        one to see the map as it was right after it
        {session.canEdit ? ', and restore from there' : ''}.
      </p>
      {status && (
        <p
          ref={statusRef}
          role="status"
          tabIndex={-1}
          className={`mb-3 rounded-md border px-3 py-2 text-sm ${status.done ? 'border-pro-600 bg-pro-50 text-pro-800' : 'border-stone-300 bg-white text-stone-800'}`}
        >
          {status.text}
        </p>
      )}
      {load.kind === 'loading' && <p className="text-sm text-stone-600">Loading the history…</p>}
      {load.kind === 'error' && (
        <div role="alert" className="space-y-2 text-sm text-con-800">
          <p>{load.message}</p>
          <Button size="sm" onClick={retry}>
            Try again
          </Button>
        </div>
      )}
      {load.kind === 'ok' && load.refreshError && (
        <div role="alert" className="mb-3 flex flex-wrap items-center gap-2 text-sm text-con-800">
          <p>The newest changes could not be loaded: {load.refreshError}</p>
          <Button size="sm" onClick={retry}>
            Try again
          </Button>
        </div>
      )}
      {log && (
        <div className="grid gap-4 sm:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
          <div ref={listBox} className="max-h-[40vh] overflow-y-auto sm:max-h-[65vh]">
            {groups.length === 0 ? (
              <p className="text-sm text-stone-600">No changes yet.</p>
            ) : (
              <HistoryList
                groups={groups}
                names={names}
                now={now}
                selected={selected}
                onSelect={select}
                firstRef={firstRef}
              />
            )}
            {log.nextBefore !== null ? (
              <div className="mt-2 space-y-1">
                <Button
                  size="sm"
                  aria-disabled={older.busy}
                  onClick={() => {
                    if (older.busy) return;
                    focusGroupAt.current = groups.length;
                    void loadOlder();
                  }}
                >
                  {older.busy ? 'Loading…' : 'Load older changes'}
                </Button>
                {older.error && (
                  <p role="alert" className="text-sm text-con-800">
                    {older.error}
                  </p>
                )}
              </div>
            ) : (
              !log.complete && (
                <p className="mt-2 text-sm text-stone-600">
                  Older changes were made before History was kept: they cannot be shown.
                </p>
              )
            )}
          </div>
          <section
            aria-label="The map at the chosen point"
            tabIndex={0}
            className="rounded-md bg-stone-50 p-3 sm:max-h-[65vh] sm:overflow-y-auto"
          >
            {selected && past ? (
              <HistoryPreview
                key={`${selected.kind}-${selected.revision}`}
                heading={pointHeading(selected, zone)}
                theses={theses}
                past={past}
                now={current}
                canEdit={session.canEdit}
                settled={settled}
                onRestore={restore}
              />
            ) : (
              <p className="text-sm text-stone-600">
                Choose a change to see the map as it was right after it.
              </p>
            )}
          </section>
        </div>
      )}
      <p className="sr-only" aria-live="polite">
        {selected ? `Showing ${pointHeading(selected, zone)}.` : ''}
      </p>
    </Dialog>
  );
}

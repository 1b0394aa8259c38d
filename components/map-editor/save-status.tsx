'use client';

import { Button } from '@/components/ui/button';
import { statusText } from '@/lib/sync/status-text';
import type { SyncStatus } from '@/lib/sync/map-sync';
import { plural } from '@/lib/format';

/**
 * Where the changes are, in words: saved, saving, or waiting (and why), with "Retry now". Never
 * "saved" while typed text the server did not take waits in a notice (`unsaved`).
 */
export function SaveStatus({
  status,
  unsaved,
  onRetry,
}: {
  status: SyncStatus;
  unsaved: number;
  onRetry: () => void;
}) {
  const waiting = status.kind === 'waiting';
  const text =
    unsaved > 0 && status.kind === 'saved'
      ? `${plural(unsaved, 'edit')} not saved: see the notice below`
      : statusText(status);
  return (
    <div className="flex items-center gap-2">
      <p
        className={`max-w-md text-sm ${waiting || unsaved > 0 ? 'font-medium text-con-800' : 'text-stone-600'}`}
        aria-live="polite"
        data-save-status={status.kind}
      >
        {text}
      </p>
      {waiting && (
        <Button size="sm" onClick={onRetry}>
          Retry now
        </Button>
      )}
    </div>
  );
}

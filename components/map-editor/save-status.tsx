'use client';

import { Button } from '@/components/ui/button';
import { statusText } from '@/lib/sync/status-text';
import type { SyncStatus } from '@/lib/sync/map-sync';

/** Where the changes are, in words: saved, saving, or waiting (and why), with "Retry now". */
export function SaveStatus({ status, onRetry }: { status: SyncStatus; onRetry: () => void }) {
  const waiting = status.kind === 'waiting';
  return (
    <div className="flex items-center gap-2">
      <p
        className={`max-w-md text-sm ${waiting ? 'font-medium text-con-800' : 'text-stone-600'}`}
        aria-live="polite"
        data-save-status={status.kind}
      >
        {statusText(status)}
      </p>
      {waiting && (
        <Button size="sm" onClick={onRetry}>
          Retry now
        </Button>
      )}
    </div>
  );
}

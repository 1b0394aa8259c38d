'use client';

import { useState, useTransition } from 'react';
import { startDebateMapAction } from '@/lib/actions/debates';

/** Starts the signed-in person's own map on this debate and opens it. */
export function StartDebateMapButton({ debateId }: { debateId: string }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div>
      <button
        type="button"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await startDebateMapAction({ debateId });
            // On success the action has already opened the new map.
            if (!result.ok) setError(result.message);
          })
        }
        className="rounded-md bg-stone-900 px-4 py-2 text-sm font-semibold text-white hover:bg-stone-700 disabled:bg-stone-500"
      >
        {pending ? 'Creating…' : 'Start my own map on this debate'}
      </button>
      {error && (
        <p role="alert" className="mt-2 text-sm text-con-800">
          {error}
        </p>
      )}
    </div>
  );
}

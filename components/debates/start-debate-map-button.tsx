'use client';

import { useState, useTransition } from 'react';
import { startDebateMapAction } from '@/lib/actions/debates';
import { Button } from '@/components/ui/button';

/** Starts the signed-in person's own map on this debate and opens it. */
export function StartDebateMapButton({ debateId }: { debateId: string }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div>
      <Button
        type="button"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await startDebateMapAction({ debateId });
            // On success the action has already opened the new map.
            if (!result.ok) setError(result.message);
          })
        }
        variant="primary"
        size="lg"
      >
        {pending ? 'Creating…' : 'Start my own map on this debate'}
      </Button>
      {error && (
        <p role="alert" className="mt-2 text-sm text-con-800">
          {error}
        </p>
      )}
    </div>
  );
}

'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { releaseAllGradesAction } from '@/lib/actions/grades';

/** Releases every graded (or commented) piece of work of the assignment at once. */
export function ReleaseAllButton({
  assignmentId,
  pending,
}: {
  assignmentId: string;
  pending: number;
}) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button
        variant="primary"
        disabled={busy || pending === 0}
        onClick={async () => {
          if (
            !window.confirm(
              `Release grades and feedback of ${pending} pieces of work to their students?`,
            )
          )
            return;
          setBusy(true);
          setError(null);
          const result = await releaseAllGradesAction({ assignmentId });
          setBusy(false);
          if (!result.ok) setError(result.message);
          else {
            setMessage(`Released ${result.data.released}.`);
            router.refresh();
          }
        }}
      >
        {busy ? 'Releasing…' : `Release all graded work (${pending})`}
      </Button>
      <span role="status" className="text-sm text-pro-800">
        {message}
      </span>
      {error && (
        <p role="alert" className="text-sm text-con-800">
          {error}
        </p>
      )}
    </div>
  );
}

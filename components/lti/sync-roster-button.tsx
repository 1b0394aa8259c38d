'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorBanner } from '@/components/ui/error-banner';
import { syncRosterAction } from '@/lib/actions/lti';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "Sync roster from the LMS" (NRPS): the course's learners become students of the class. */
export function SyncRosterButton({ classId }: { classId: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          setMessage('');
          const result = await syncRosterAction({ classId });
          setBusy(false);
          if (!result.ok) return setError(result.message);
          const { added, already, removed } = result.data;
          setMessage(
            `${plural(added, 'student', 'students')} added from the LMS, ${already} already here` +
              (removed
                ? `, ${plural(removed, 'removed student', 'removed students')} left out.`
                : '.'),
          );
          router.refresh();
        }}
      >
        {busy ? 'Syncing…' : 'Sync roster from the LMS'}
      </Button>
      <p role="status" className="text-sm text-stone-700">
        {message}
      </p>
      {error && <ErrorBanner message={error} onDismiss={() => setError(null)} />}
    </div>
  );
}

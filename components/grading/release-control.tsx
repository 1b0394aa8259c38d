'use client';

import { useZone } from '@/components/ui/zone';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { setGradeReleasedAction } from '@/lib/actions/grades';
import { formatDateTime } from '@/lib/format';

/** Whether the work's grade and feedback are private or released, and the button to change it. */
export function ReleaseControl(props: { workId: string; releasedAt: string | null }) {
  const router = useRouter();
  const zone = useZone();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const released = props.releasedAt != null;
  return (
    <section
      aria-labelledby="release-heading"
      className={`space-y-2 rounded-lg border p-4 ${
        released ? 'border-pro-600 bg-pro-50' : 'border-stone-300 bg-stone-50'
      }`}
    >
      <h2 id="release-heading" className="text-lg font-semibold">
        Students’ view
      </h2>
      <p className="text-sm text-stone-900" role="status" data-testid="release-status">
        {released
          ? `Released on ${formatDateTime(props.releasedAt!, zone)}: the students of this work see the grade and all feedback.`
          : 'Private: students cannot see this yet.'}
      </p>
      <Button
        variant={released ? 'secondary' : 'primary'}
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          setError(null);
          const result = await setGradeReleasedAction({
            workId: props.workId,
            released: !released,
          });
          setBusy(false);
          if (!result.ok) setError(result.message);
          else router.refresh();
        }}
      >
        {busy ? 'Working…' : released ? 'Withdraw (make private again)' : 'Release to students'}
      </Button>
      <FieldError id="release-error" messages={error} />
    </section>
  );
}

'use client';

import { When } from '@/components/ui/zone';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorBanner } from '@/components/ui/error-banner';
import { addBackStudentAction } from '@/lib/actions/classes';
import type { RemovedStudent } from '@/lib/domain/classroom/views';

/** Students removed from the class: no code lets them back in; the teacher can add them back. */
export function RemovedStudents({
  classId,
  removed,
}: {
  classId: string;
  removed: RemovedStudent[];
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [status, setStatus] = useState('');

  async function addBack(student: RemovedStudent) {
    setBusy(student.userId);
    const result = await addBackStudentAction({ classId, studentId: student.userId });
    setBusy(null);
    if (!result.ok) return setError(result.message);
    setError(null);
    setStatus(`${student.name} is back in the class.`);
    router.refresh();
  }

  return (
    <section aria-labelledby="removed-heading" className="space-y-2">
      <h3 id="removed-heading" className="font-semibold">
        Removed students
      </h3>
      {error && <ErrorBanner message={error} onDismiss={() => setError(null)} />}
      <p role="status" className="text-sm text-pro-800">
        {status}
      </p>
      {removed.length === 0 ? (
        <p className="text-sm text-stone-600">Nobody has been removed from this class.</p>
      ) : (
        <>
          <p className="text-sm text-stone-700">
            The class code does not let them back in. Adding one back gives them their place in the
            class’s assignments again.
          </p>
          <ul
            aria-label="Removed from the class"
            className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white"
          >
            {removed.map((s) => (
              <li
                key={s.userId}
                data-removed-student={s.name}
                className="flex flex-col gap-2 p-3 sm:flex-row sm:items-center sm:justify-between"
              >
                <div className="min-w-0">
                  <p className="font-medium break-words text-stone-900">{s.name}</p>
                  <p className="text-sm break-words text-stone-600">
                    {s.username ? `Username ${s.username}` : s.email} · removed{' '}
                    <When iso={s.removedAt} date />
                  </p>
                </div>
                <Button size="sm" disabled={busy === s.userId} onClick={() => void addBack(s)}>
                  Add back<span className="sr-only"> {s.name}</span>
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

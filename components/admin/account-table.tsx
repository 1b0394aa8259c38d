'use client';

import { When } from '@/components/ui/zone';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorBanner } from '@/components/ui/error-banner';
import { setAccountKindAction } from '@/lib/actions/classes';
import { AdminResetButton } from './admin-reset';
import type { AccountRow } from '@/lib/domain/classroom/views';

/** Accounts, each with its kind and the button that changes it, and a password reset. */
export function AccountTable({
  rows,
  currentUserId,
}: {
  rows: AccountRow[];
  currentUserId: string;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [status, setStatus] = useState('');

  async function change(row: AccountRow, kind: 'teacher' | 'student') {
    setBusy(row.id);
    const result = await setAccountKindAction({ userId: row.id, kind });
    setBusy(null);
    if (!result.ok) return setError(result.message);
    setError(null);
    setStatus(`${row.name} is now a ${kind}.`);
    router.refresh();
  }

  if (rows.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-center text-stone-700">
        No account matches.
      </p>
    );
  }
  return (
    <div className="space-y-3">
      {error && <ErrorBanner message={error} onDismiss={() => setError(null)} />}
      <p role="status" className="text-sm text-pro-800">
        {status}
      </p>
      <ul
        aria-label="Accounts"
        className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white"
      >
        {rows.map((row) => (
          <li
            key={row.id}
            className="flex flex-col gap-2 p-3 sm:flex-row sm:items-center sm:justify-between"
          >
            <div className="min-w-0">
              <p className="font-semibold break-words text-stone-900">
                {row.name}
                {row.id === currentUserId && <span className="font-normal"> (you)</span>}
              </p>
              <p className="text-sm break-words text-stone-600">
                {row.email ?? `username ${row.username}`} · joined <When iso={row.createdAt} date />
              </p>
            </div>
            <div className="flex flex-wrap items-center gap-2">
              {row.id !== currentUserId && <AdminResetButton row={row} />}
              <span
                className={`rounded-full px-2 py-0.5 text-xs font-semibold ${row.kind === 'teacher' ? 'bg-stone-900 text-white' : 'bg-stone-100 text-stone-800'}`}
              >
                {row.isAdmin ? 'Admin · teacher' : row.kind === 'teacher' ? 'Teacher' : 'Student'}
                {row.managed ? ' · managed' : ''}
              </span>
              {!row.isAdmin &&
                (row.kind === 'teacher' ? (
                  <Button
                    size="sm"
                    disabled={busy === row.id}
                    onClick={() => change(row, 'student')}
                  >
                    Make student<span className="sr-only"> ({row.name})</span>
                  </Button>
                ) : (
                  !row.managed && (
                    <Button
                      size="sm"
                      variant="primary"
                      disabled={busy === row.id}
                      onClick={() => change(row, 'teacher')}
                    >
                      Make teacher<span className="sr-only"> ({row.name})</span>
                    </Button>
                  )
                ))}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}

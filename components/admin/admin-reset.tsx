'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { CopyButton } from '@/components/ui/copy-button';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { ErrorBanner } from '@/components/ui/error-banner';
import { adminResetPasswordAction } from '@/lib/actions/classes';

import { Credentials } from '@/components/ui/credentials';
import type { AccountRow, AdminReset } from '@/lib/domain/classroom/views';

/**
 * The admin's "Reset password" for one account: after a confirmation, a managed account gets a
 * new password and any other a one-hour reset link, shown once. Every reset is recorded.
 */
export function AdminResetButton({ row }: { row: AccountRow }) {
  const router = useRouter();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState<AdminReset | null>(null);

  async function reset() {
    setBusy(true);
    const result = await adminResetPasswordAction({ userId: row.id });
    setBusy(false);
    if (!result.ok) return setError(result.message);
    setError(null);
    setAsking(false);
    setShown(result.data);
    router.refresh();
  }

  return (
    <>
      <Button size="sm" onClick={() => setAsking(true)}>
        Reset password<span className="sr-only"> ({row.name})</span>
      </Button>
      <Dialog
        open={asking}
        onClose={() => setAsking(false)}
        title={`Reset ${row.name}’s password?`}
      >
        <div className="space-y-3 text-stone-700">
          <p>
            {row.managed
              ? 'Their current password stops working and they are signed out. You will see the new one once.'
              : 'You get a link, valid for one hour, with which they choose a new password. Give it to them only.'}{' '}
            The reset is recorded below.
          </p>
          {error && <ErrorBanner message={error} onDismiss={() => setError(null)} />}
          <div className="flex flex-wrap justify-end gap-2">
            <Button onClick={() => setAsking(false)}>Cancel</Button>
            <Button variant="primary" disabled={busy} onClick={() => void reset()}>
              {row.managed ? 'Make new password' : 'Make reset link'}
            </Button>
          </div>
        </div>
      </Dialog>
      <Dialog
        open={shown !== null}
        onClose={() => setShown(null)}
        title={shown?.kind === 'link' ? `Reset link for ${shown.name}` : 'New password'}
      >
        {shown && (
          <div className="space-y-3">
            <p className="text-stone-700">Shown once. Give it to {shown.name} only.</p>
            {shown.kind === 'password' ? (
              <Credentials username={shown.username} password={shown.password} />
            ) : (
              <code className="block rounded bg-stone-100 p-2 text-sm break-all">{shown.url}</code>
            )}
            <div className="flex flex-wrap justify-end gap-2">
              {shown.kind === 'link' && <CopyButton text={shown.url} label="Copy link" />}
              <Button variant="primary" onClick={() => setShown(null)}>
                Done
              </Button>
            </div>
          </div>
        )}
      </Dialog>
    </>
  );
}

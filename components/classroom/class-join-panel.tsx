'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { ErrorBanner } from '@/components/ui/error-banner';
import { closeJoiningAction, regenerateJoinCodeAction } from '@/lib/actions/classes';
import { formatJoinCode } from '@/lib/domain/classroom/join-code';
import { CopyButton } from '@/components/ui/copy-button';

/** How students join: the code and the link (to copy), a new code, or joining closed. */
export function ClassJoinPanel({
  classId,
  joinCode,
  baseUrl,
}: {
  classId: string;
  joinCode: string | null;
  baseUrl: string;
}) {
  const router = useRouter();
  const [confirm, setConfirm] = useState<'regenerate' | 'close' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const link = joinCode ? `${baseUrl}/join/${joinCode}` : null;

  async function run(which: 'regenerate' | 'close') {
    setBusy(true);
    const result =
      which === 'regenerate'
        ? await regenerateJoinCodeAction({ classId })
        : await closeJoiningAction({ classId });
    setBusy(false);
    setConfirm(null);
    if (!result.ok) return setError(result.message);
    setError(null);
    router.refresh();
  }

  return (
    <section
      aria-labelledby="join-heading"
      className="space-y-3 rounded-lg border border-stone-200 bg-white p-4"
    >
      <h2 id="join-heading" className="text-lg font-semibold">
        Joining
      </h2>
      {error && <ErrorBanner message={error} onDismiss={() => setError(null)} />}
      {joinCode && link ? (
        <>
          <p className="text-sm text-stone-700">
            Students with an account join with this code at <strong>/join</strong>, or by opening
            the link.
          </p>
          <dl className="grid gap-3 sm:grid-cols-[auto_1fr] sm:items-center">
            <dt className="text-sm font-medium text-stone-700">Class code</dt>
            <dd className="flex flex-wrap items-center gap-3">
              <span
                data-join-code={joinCode}
                className="rounded bg-stone-100 px-3 py-1 font-mono text-2xl font-bold tracking-[0.2em] text-stone-900"
              >
                {formatJoinCode(joinCode)}
              </span>
              <CopyButton text={formatJoinCode(joinCode)} label="Copy code" />
            </dd>
            <dt className="text-sm font-medium text-stone-700">Join link</dt>
            <dd className="flex flex-wrap items-center gap-3">
              <code className="min-w-0 break-all text-sm text-stone-800">{link}</code>
              <CopyButton text={link} label="Copy link" />
            </dd>
          </dl>
          <div className="flex flex-wrap gap-2">
            <Button onClick={() => setConfirm('regenerate')}>New code</Button>
            <Button onClick={() => setConfirm('close')}>Close joining</Button>
          </div>
        </>
      ) : (
        <>
          <p className="text-sm text-stone-700">
            Joining is closed: no code works for this class. Students already in it stay.
          </p>
          <Button variant="primary" disabled={busy} onClick={() => run('regenerate')}>
            Open joining with a new code
          </Button>
        </>
      )}
      <Dialog
        open={confirm !== null}
        onClose={() => setConfirm(null)}
        title={confirm === 'close' ? 'Close joining?' : 'Make a new code?'}
      >
        <p className="text-stone-700">
          {confirm === 'close'
            ? 'The code and the link stop working. Students already in the class stay. You can open joining again with a new code.'
            : 'The current code and link stop working at once; share the new ones. Students already in the class stay.'}
        </p>
        <div className="mt-4 flex flex-wrap justify-end gap-2">
          <Button onClick={() => setConfirm(null)}>Cancel</Button>
          <Button variant="primary" disabled={busy} onClick={() => confirm && run(confirm)}>
            {confirm === 'close' ? 'Close joining' : 'Make a new code'}
          </Button>
        </div>
      </Dialog>
    </section>
  );
}

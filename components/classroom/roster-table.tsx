'use client';

import { When } from '@/components/ui/zone';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { ErrorBanner } from '@/components/ui/error-banner';
import {
  removeStudentAction,
  resetAllPasswordsAction,
  resetStudentPasswordAction,
} from '@/lib/actions/classes';
import { saveCodes } from './student-codes-store';
import { Credentials } from '@/components/ui/credentials';
import type { RosterEntry } from '@/lib/domain/classroom/views';

type Pending =
  | { kind: 'remove'; student: RosterEntry }
  | { kind: 'password'; student: RosterEntry }
  | { kind: 'all' };

type Shown = { kind: 'password'; name: string; username: string; password: string };

const focusHeading = () =>
  requestAnimationFrame(() => document.getElementById('students-heading')?.focus());

/**
 * The class's students, each with removal, and a new password for the managed accounts this
 * teacher created (students with their own email reset theirs through "Forgot your password?").
 */
export function RosterTable({
  classId,
  roster,
  readOnly = false,
}: {
  classId: string;
  roster: RosterEntry[];
  /** An archived class: the list only, no passwords or removals. */
  readOnly?: boolean;
}) {
  const router = useRouter();
  const [pending, setPending] = useState<Pending | null>(null);
  const [shown, setShown] = useState<Shown | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const managedCount = roster.filter((r) => r.managedByTeacher).length;
  const codesPath = `/classes/${encodeURIComponent(classId)}/codes`;

  async function confirm() {
    if (!pending) return;
    setBusy(true);
    setError(null);
    try {
      if (pending.kind === 'remove') {
        const result = await removeStudentAction({ classId, studentId: pending.student.userId });
        if (!result.ok) return setError(result.message);
        setPending(null);
        router.refresh();
        focusHeading();
      } else if (pending.kind === 'password') {
        const result = await resetStudentPasswordAction({
          classId,
          studentId: pending.student.userId,
        });
        if (!result.ok) return setError(result.message);
        setPending(null);
        setShown({ kind: 'password', ...result.data });
      } else {
        const result = await resetAllPasswordsAction({ classId });
        if (!result.ok) return setError(result.message);
        saveCodes(classId, { title: 'New passwords for all', students: result.data });
        router.push(codesPath);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="space-y-3">
      {error && !pending && <ErrorBanner message={error} onDismiss={() => setError(null)} />}
      {managedCount > 0 && !readOnly && (
        <div className="flex flex-wrap items-center gap-2">
          <Button onClick={() => setPending({ kind: 'all' })}>
            New passwords for all {managedCount} managed students
          </Button>
        </div>
      )}
      {roster.length === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-center text-stone-700">
          No students yet. Add them by name above, or give them the class code.
        </p>
      ) : (
        <ul
          aria-label="Students"
          className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white"
        >
          {roster.map((s) => (
            <li
              key={s.userId}
              data-student={s.name}
              className="flex flex-col gap-2 p-3 sm:flex-row sm:items-center sm:justify-between"
            >
              <div className="min-w-0">
                <p className="font-semibold break-words text-stone-900">{s.name}</p>
                <p className="text-sm break-words text-stone-600">
                  {s.username ? (
                    <>
                      Username <span className="font-mono text-stone-800">{s.username}</span>
                    </>
                  ) : (
                    s.email
                  )}
                  {' · '}
                  {s.managed ? 'managed account' : 'own account'}
                  {' · '}joined <When iso={s.joinedAt} date />
                </p>
              </div>
              {!readOnly && (
                <div className="flex flex-wrap gap-2">
                  {s.managedByTeacher && (
                    <Button size="sm" onClick={() => setPending({ kind: 'password', student: s })}>
                      New password<span className="sr-only"> for {s.name}</span>
                    </Button>
                  )}
                  <Button
                    size="sm"
                    variant="ghost"
                    className="text-con-800"
                    onClick={() => setPending({ kind: 'remove', student: s })}
                  >
                    Remove<span className="sr-only"> {s.name}</span>
                  </Button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}

      <Dialog
        open={pending !== null}
        onClose={() => {
          setPending(null);
          setError(null);
        }}
        title={
          pending?.kind === 'remove'
            ? `Remove ${pending.student.name}?`
            : pending?.kind === 'password'
              ? `New password for ${pending.student.name}?`
              : 'New passwords for all managed students?'
        }
      >
        <div className="space-y-3 text-stone-700">
          {pending?.kind === 'remove' && (
            <p>
              They leave the class and lose access to their work in its assignments (the maps stay
              with you). Their account stays. The class code, old or new, no longer lets them in:
              only you can add them back (under “Removed students”).
            </p>
          )}
          {pending?.kind === 'password' && (
            <p>
              Their current password stops working and they are signed out. You will see the new one
              once.
            </p>
          )}
          {pending?.kind === 'all' && (
            <p>
              Every student you added to this class gets a new password; the old ones stop working
              and they are signed out. You will see the new ones once, to print.
            </p>
          )}
          {error && <ErrorBanner message={error} onDismiss={() => setError(null)} />}
          <div className="flex flex-wrap justify-end gap-2">
            <Button onClick={() => setPending(null)}>Cancel</Button>
            <Button
              variant={pending?.kind === 'remove' ? 'danger' : 'primary'}
              disabled={busy}
              onClick={() => void confirm()}
            >
              {pending?.kind === 'remove'
                ? 'Remove from class'
                : 'Make new password' + (pending?.kind === 'all' ? 's' : '')}
            </Button>
          </div>
        </div>
      </Dialog>

      <Dialog open={shown !== null} onClose={() => setShown(null)} title="New password">
        {shown && (
          <div className="space-y-3">
            <p className="text-stone-700">
              Shown once: write it down, print it or give it to {shown.name} now.
            </p>
            <Credentials name={shown.name} username={shown.username} password={shown.password} />
            <div className="flex flex-wrap justify-end gap-2">
              <Button
                onClick={() => {
                  saveCodes(classId, {
                    title: `New password for ${shown.name}`,
                    students: [shown],
                  });
                  router.push(codesPath);
                }}
              >
                Print card
              </Button>
              <Button variant="primary" onClick={() => setShown(null)}>
                Done
              </Button>
            </div>
          </div>
        )}
      </Dialog>
    </div>
  );
}

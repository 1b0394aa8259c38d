'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { FieldError } from '@/components/ui/field-error';
import { addStudentsAction } from '@/lib/actions/classes';
import { STUDENTS_PER_BATCH, studentNames } from '@/lib/schemas/classes';
import { addInBatches } from './add-in-batches';
import { saveCodes } from './student-codes-store';
import { Button } from '@/components/ui/button';

type Login = { name: string; username: string; password: string };

const students = (n: number) => `${n} ${n === 1 ? 'student' : 'students'}`;

/**
 * Adds students by name (one per line): accounts are made a few at a time with the progress
 * shown, and their codes go to the printable sheet. If a batch fails, the students already made
 * stay made and their codes stay on the sheet; the names not added stay in the box to try again.
 */
export function RosterAddForm({ classId }: { classId: string }) {
  const router = useRouter();
  const [names, setNames] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ done: number; sending: number; total: number }>();
  // Everyone made since the page opened: the codes sheet keeps them all, retries included.
  const [made, setMade] = useState<Login[]>([]);
  const [stopped, setStopped] = useState<{ added: string[]; notAdded: string[] } | null>(null);
  const count = names.split('\n').filter((l) => l.trim()).length;
  const codesPath = `/classes/${encodeURIComponent(classId)}/codes`;
  const busy = progress !== undefined;

  return (
    <form
      onSubmit={async (e) => {
        e.preventDefault();
        const parsed = studentNames.safeParse(names);
        if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? 'Check the names.');
        setError(null);
        setStopped(null);
        const outcome = await addInBatches(
          parsed.data,
          (batch) => addStudentsAction({ classId, names: batch.join('\n') }),
          setProgress,
        );
        setProgress(undefined);
        const all = [...made, ...outcome.added];
        setMade(all);
        if (all.length > 0) {
          const title = `${all.length} new ${all.length === 1 ? 'student' : 'students'}`;
          saveCodes(classId, { title, students: all });
        }
        if (!outcome.error) {
          router.push(codesPath);
          return;
        }
        setStopped({ added: outcome.added.map((s) => s.name), notAdded: outcome.notAdded });
        setNames(outcome.notAdded.join('\n'));
        setError(outcome.error);
        router.refresh();
      }}
      className="space-y-2 rounded-lg border border-stone-200 bg-white p-4"
      noValidate
    >
      <label htmlFor="student-names" className="block font-medium text-stone-800">
        Add students by name
      </label>
      <p id="student-names-hint" className="text-sm text-stone-600">
        One name per line, up to {STUDENTS_PER_BATCH} at a time (paste a column from a spreadsheet).
        Each gets a username and a password to sign in with; no email needed. You will see them
        once, to print or download.
      </p>
      <textarea
        id="student-names"
        value={names}
        onChange={(e) => setNames(e.target.value)}
        rows={5}
        readOnly={busy}
        aria-invalid={error ? true : undefined}
        aria-describedby="student-names-hint student-names-error"
        className="block w-full rounded-md border border-stone-400 px-3 py-2"
        placeholder={'Ada Lovelace\nAlan Turing'}
      />
      {stopped && (
        <div
          role="alert"
          className="space-y-1 rounded-md border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950"
        >
          <p>
            <strong>
              {stopped.added.length > 0
                ? `Added ${stopped.added.length} of ${stopped.added.length + stopped.notAdded.length}`
                : 'No student was added'}
            </strong>
            {stopped.added.length > 0 && `: ${stopped.added.join(', ')}.`}
          </p>
          <p>
            Not added ({stopped.notAdded.length}): {stopped.notAdded.join(', ')}. They are left in
            the box to try again.
          </p>
          {made.length > 0 && (
            <p>
              <Link href={codesPath} className="font-medium underline">
                Print the sign-in cards of the {students(made.length)} added
              </Link>{' '}
              (they are shown only now).
            </p>
          )}
        </div>
      )}
      <FieldError id="student-names-error" messages={error} />
      {progress && (
        <div className="space-y-1">
          <p role="status" className="text-sm text-stone-800">
            {progress.sending === 0
              ? `Added ${progress.total} of ${progress.total}.`
              : progress.sending === 1
                ? `Adding ${progress.done + 1} of ${progress.total}…`
                : `Adding ${progress.done + 1}–${progress.done + progress.sending} of ${progress.total}…`}
          </p>
          <progress
            value={progress.done}
            max={progress.total}
            aria-label={`Students added: ${progress.done} of ${progress.total}`}
            className="h-2 w-full max-w-md accent-stone-900"
          />
        </div>
      )}
      <Button disabled={busy || count === 0} type="submit" variant="primary" size="lg">
        {busy ? 'Creating accounts…' : count > 0 ? `Add ${students(count)}` : 'Add students'}
      </Button>
    </form>
  );
}

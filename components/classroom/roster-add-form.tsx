'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { FieldError } from '@/components/ui/field-error';
import { addStudentsAction } from '@/lib/actions/classes';
import { STUDENTS_PER_BATCH } from '@/lib/schemas/classes';
import { saveCodes } from './student-codes-store';
import { Button } from '@/components/ui/button';

/** Adds students by name (one per line): accounts are made, and their codes shown to print. */
export function RosterAddForm({ classId }: { classId: string }) {
  const router = useRouter();
  const [names, setNames] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const count = names.split('\n').filter((l) => l.trim()).length;
  return (
    <form
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        const result = await addStudentsAction({ classId, names });
        if (!result.ok) {
          setBusy(false);
          return setError(result.message);
        }
        saveCodes(classId, {
          title: `${result.data.length} new ${result.data.length === 1 ? 'student' : 'students'}`,
          students: result.data,
        });
        router.push(`/classes/${encodeURIComponent(classId)}/codes`);
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
        aria-invalid={error ? true : undefined}
        aria-describedby="student-names-hint student-names-error"
        className="block w-full rounded-md border border-stone-400 px-3 py-2"
        placeholder={'Ada Lovelace\nAlan Turing'}
      />
      <FieldError id="student-names-error" messages={error} />
      <Button disabled={busy || count === 0} type="submit" variant="primary" size="lg">
        {busy
          ? 'Creating accounts…'
          : count > 0
            ? `Add ${count} ${count === 1 ? 'student' : 'students'}`
            : 'Add students'}
      </Button>
    </form>
  );
}

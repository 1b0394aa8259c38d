import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { EditDebateForm } from '@/components/debates/edit-debate-form';
import { AppError } from '@/lib/errors';
import { debateForEditing } from '@/lib/server/classroom/debate-edit';
import { getCurrentUser } from '@/lib/server/session';
import { withDb } from '@/lib/server/with-db';

export const metadata: Metadata = { title: 'Edit debate' };

export default async function EditDebatePage({
  params,
}: {
  params: Promise<{ debateId: string }>;
}) {
  const { debateId } = await params;
  const here = `/debates/${encodeURIComponent(debateId)}`;
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(`${here}/edit`)}`);
  // A debate the person may not read looks the same as a missing one; one they may read but
  // not edit (an example, a colleague's) says why.
  const { editing, refusal } = await withDb(debateForEditing, { userId: user.id, debateId }).then(
    (found) => ({ editing: found, refusal: null }),
    (error: unknown) => {
      if (error instanceof AppError && error.code === 'FORBIDDEN')
        return { editing: null, refusal: error.message };
      if (error instanceof AppError && error.code === 'NOT_FOUND') notFound();
      throw error;
    },
  );
  return (
    <div className="space-y-6">
      <div className="max-w-3xl space-y-1">
        <Link
          href={here}
          className="mb-2 inline-block text-sm font-medium text-stone-700 underline underline-offset-4"
        >
          ← The debate
        </Link>
        <h1 className="text-2xl font-bold">Edit debate</h1>
        {editing && <p className="break-words text-stone-700">{editing.values.motion}</p>}
      </div>
      {editing ? (
        <EditDebateForm debateId={editing.id} initial={editing.values} maps={editing.maps} />
      ) : (
        <p role="status" className="max-w-3xl rounded-lg border border-amber-300 bg-amber-50 p-4">
          {refusal}
        </p>
      )}
    </div>
  );
}

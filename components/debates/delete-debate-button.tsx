'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmDelete } from '@/components/ui/confirm-delete';
import { FieldError } from '@/components/ui/field-error';
import { deleteDebateAction } from '@/lib/actions/debates';

/** Deletes a teacher's own debate, after asking; the server refuses one that is in use. */
export function DeleteDebateButton({ debateId, motion }: { debateId: string; motion: string }) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const router = useRouter();
  const remove = () =>
    startTransition(async () => {
      const result = await deleteDebateAction({ debateId });
      if (result.ok) {
        setConfirming(false);
        router.refresh();
      } else setError(result.message);
    });
  return (
    <>
      <Button variant="danger" onClick={() => setConfirming(true)}>
        Delete
      </Button>
      <ConfirmDelete
        open={confirming}
        title="Delete this debate?"
        confirm="Delete debate"
        busy={pending}
        onConfirm={remove}
        onCancel={() => {
          setConfirming(false);
          setError(null);
        }}
      >
        <p className="text-stone-700">
          “{motion}” and its two articles will be deleted for good. No map or assignment uses it
          yet.
        </p>
        <FieldError id={`delete-${debateId}-error`} messages={error} />
      </ConfirmDelete>
    </>
  );
}

'use client';

import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import type { ClaimView } from '@/lib/domain/views';
import { plural } from '@/lib/format';

/** Confirms deleting a claim that has replies, saying how many go with it. */
export function DeleteDialog({
  claim,
  replies,
  onConfirm,
  onClose,
}: {
  claim: ClaimView;
  replies: number;
  onConfirm: () => void;
  onClose: () => void;
}) {
  return (
    <Dialog open onClose={onClose} title="Delete this claim?">
      <p className="text-stone-700">
        <q className="font-medium">{claim.text}</q> has {plural(replies, 'reply', 'replies')}{' '}
        beneath it. They will be deleted with it. You can undo this straight after (Ctrl+Z).
      </p>
      <div className="mt-4 flex justify-end gap-2">
        <Button onClick={onClose} data-autofocus>
          Keep
        </Button>
        <Button variant="danger" onClick={onConfirm}>
          Delete {replies + 1} claims
        </Button>
      </div>
    </Dialog>
  );
}

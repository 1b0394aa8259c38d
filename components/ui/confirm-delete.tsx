'use client';

import type { ReactNode } from 'react';
import { Button } from './button';
import { Dialog } from './dialog';

/**
 * "Delete this …?": what will be lost, then "Keep it" (where focus starts, so Enter keeps) and
 * the red button that deletes.
 */
export function ConfirmDelete({
  open,
  title,
  confirm,
  busy,
  onConfirm,
  onCancel,
  children,
}: {
  open: boolean;
  title: string;
  /** The red button's words ("Delete map"). */
  confirm: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  return (
    <Dialog open={open} onClose={onCancel} title={title}>
      {children}
      <div className="mt-4 flex justify-end gap-2">
        <Button onClick={onCancel} data-autofocus>
          Keep it
        </Button>
        <Button variant="danger" onClick={onConfirm} disabled={busy}>
          {confirm}
        </Button>
      </div>
    </Dialog>
  );
}

'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { ErrorBanner } from '@/components/ui/error-banner';
import { deleteAssignmentAction, startNextRoundAction } from '@/lib/actions/assignments';
import { fromZonedInput } from '@/lib/domain/zoned-time';
import { DueInput, useClassZone } from './due-input';
import { useAssignmentAction } from './use-assignment-action';

/** Round 2 with sides swapped, and deleting the assignment: each asks first. */
export function AssignmentActions(props: {
  assignmentId: string;
  classId: string;
  title: string;
  round?: number;
  /** The class's time zone (null: never set): round 2's due date is typed in it. */
  timeZone: string | null;
}) {
  const next = (props.round ?? 1) + 1;
  const router = useRouter();
  const { busy, error, clearError, run } = useAssignmentAction();
  const [asking, setAsking] = useState<'round' | 'delete' | null>(null);
  const [due, setDue] = useState('');
  const zone = useClassZone(props.timeZone);

  const nextRound = async () => {
    // Typed in the class's time zone; sent as the instant it names.
    const done = await run(() =>
      startNextRoundAction({ assignmentId: props.assignmentId, dueAt: fromZonedInput(due, zone) }),
    );
    setAsking(null);
    if (done) router.push(`/assignments/${encodeURIComponent(done.data.id)}`);
  };
  const remove = async () => {
    const done = await run(() => deleteAssignmentAction({ assignmentId: props.assignmentId }));
    setAsking(null);
    if (done) router.push(`/classes/${encodeURIComponent(props.classId)}`);
  };

  return (
    <div className="space-y-2">
      {error && <ErrorBanner message={error} onDismiss={clearError} />}
      <div className="flex flex-wrap gap-2">
        <Button onClick={() => setAsking('round')} disabled={busy}>
          Start round {next} with sides swapped
        </Button>
        <Button variant="ghost" onClick={() => setAsking('delete')} disabled={busy}>
          Delete assignment
        </Button>
      </div>
      <Dialog
        open={asking === 'round'}
        onClose={() => setAsking(null)}
        title={`Start round ${next}?`}
      >
        <p>
          A new assignment with the same teams and students, each on the other side, and new empty
          maps. This round and its maps stay as they are.
        </p>
        <div className="mt-3">
          <DueInput
            id="next-round-due"
            label={`Round ${next} due`}
            zone={props.timeZone}
            value={due}
            onChange={setDue}
            hint="Optional."
          />
        </div>
        <div className="mt-4 flex flex-wrap justify-end gap-2">
          <Button onClick={() => setAsking(null)}>Cancel</Button>
          <Button variant="primary" onClick={nextRound} disabled={busy}>
            Start round {next}
          </Button>
        </div>
      </Dialog>
      <Dialog
        open={asking === 'delete'}
        onClose={() => setAsking(null)}
        title={`Delete “${props.title}”?`}
      >
        <p>Every map of this assignment is deleted with it, with its grades and feedback.</p>
        <div className="mt-4 flex flex-wrap justify-end gap-2">
          <Button onClick={() => setAsking(null)}>Cancel</Button>
          <Button variant="danger" onClick={remove} disabled={busy}>
            Delete assignment and its maps
          </Button>
        </div>
      </Dialog>
    </div>
  );
}

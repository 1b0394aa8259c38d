'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { updateAssignmentAction } from '@/lib/actions/assignments';
import { fromZonedInput, toZonedInput } from '@/lib/domain/zoned-time';
import { ASSIGNMENT_TITLE_MAX, INSTRUCTIONS_MAX } from '@/lib/schemas/assignments';
import { DueInput, useClassZone } from './due-input';
import { useAssignmentAction } from './use-assignment-action';

/** The teacher's form for an assignment's title, instructions, due date and anonymity. */
export function AssignmentDetailsForm(props: {
  assignmentId: string;
  title: string;
  instructions: string;
  dueAt: string | null;
  anonymous: boolean;
  /** The class's time zone (null: never set): the due date is shown and typed in it. */
  timeZone: string | null;
  onDone: () => void;
}) {
  const { busy, error, run } = useAssignmentAction();
  const zone = useClassZone(props.timeZone);
  const [dueAt, setDueAt] = useState(() => toZonedInput(props.dueAt, zone));
  const input = 'w-full rounded-md border border-stone-400 bg-white px-3 py-2';
  return (
    <form
      className="space-y-4 rounded-lg border border-stone-200 bg-white p-4"
      onSubmit={async (e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        const saved = await run(() =>
          updateAssignmentAction({
            assignmentId: props.assignmentId,
            title: String(form.get('title') ?? ''),
            instructions: String(form.get('instructions') ?? ''),
            dueAt: fromZonedInput(dueAt, zone),
            anonymous: form.get('anonymous') === 'on',
          }),
        );
        if (saved) props.onDone();
      }}
    >
      <div className="space-y-1">
        <label htmlFor="edit-title" className="block font-medium">
          Title
        </label>
        <input
          id="edit-title"
          name="title"
          defaultValue={props.title}
          maxLength={ASSIGNMENT_TITLE_MAX}
          autoFocus
          className={input}
        />
      </div>
      <div className="space-y-1">
        <label htmlFor="edit-instructions" className="block font-medium">
          Instructions
        </label>
        <textarea
          id="edit-instructions"
          name="instructions"
          rows={4}
          defaultValue={props.instructions}
          maxLength={INSTRUCTIONS_MAX}
          className={input}
        />
      </div>
      <DueInput
        id="edit-due"
        zone={props.timeZone}
        value={dueAt}
        onChange={setDueAt}
        hint="In the class’s time zone; empty for none."
        className="w-full sm:w-auto"
      />
      <label className="flex gap-2">
        <input type="checkbox" name="anonymous" defaultChecked={props.anonymous} />
        <span>Anonymous: students see classmates under pseudonyms</span>
      </label>
      <FieldError id="edit-assignment-error" messages={error} />
      <div className="flex gap-2">
        <Button type="submit" variant="primary" disabled={busy}>
          Save
        </Button>
        <Button onClick={props.onDone}>Cancel</Button>
      </div>
    </form>
  );
}

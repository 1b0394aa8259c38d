'use client';

import { useRef, useState } from 'react';
import { DueDate } from './due-date';
import { AssignmentDetailsForm } from './assignment-details-form';

/** What the assignment asks (due date, instructions), with Edit for its teacher. */
export function AssignmentDetails(props: {
  assignmentId: string;
  title: string;
  instructions: string;
  dueAt: string | null;
  anonymous: boolean;
  editable: boolean;
  /** The class's time zone (null: never set): the form types the due date in it. */
  timeZone: string | null;
}) {
  const [editing, setEditing] = useState(false);
  const edit = useRef<HTMLButtonElement>(null);
  if (editing) {
    return (
      <AssignmentDetailsForm
        {...props}
        onDone={() => {
          setEditing(false);
          requestAnimationFrame(() => edit.current?.focus());
        }}
      />
    );
  }
  return (
    <section
      aria-label="Instructions"
      className="space-y-2 rounded-lg border border-stone-200 bg-white p-4"
    >
      <p className="text-stone-800">
        <DueDate dueAt={props.dueAt} />
        {props.anonymous && ' · Anonymous: classmates appear under pseudonyms'}
      </p>
      {props.instructions ? (
        <p className="whitespace-pre-wrap break-words text-stone-800">{props.instructions}</p>
      ) : (
        <p className="text-stone-600">No instructions.</p>
      )}
      {props.editable && (
        <button
          ref={edit}
          type="button"
          onClick={() => setEditing(true)}
          className="text-sm underline"
        >
          Edit title, instructions and due date
        </button>
      )}
    </section>
  );
}

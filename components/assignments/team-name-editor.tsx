'use client';

import { useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { renameTeamAction } from '@/lib/actions/assignments';
import { TEAM_NAME_MAX } from '@/lib/schemas/assignments';
import { useAssignmentAction } from './use-assignment-action';

/** A team's name as a heading, with Rename. */
export function TeamNameEditor(props: { assignmentId: string; workId: string; name: string }) {
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(props.name);
  const { busy, error, clearError, run } = useAssignmentAction();
  const button = useRef<HTMLButtonElement>(null);
  const done = () => {
    setEditing(false);
    clearError();
    requestAnimationFrame(() => button.current?.focus());
  };

  if (!editing) {
    return (
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="font-semibold break-words">{props.name}</h3>
        <button
          ref={button}
          type="button"
          onClick={() => setEditing(true)}
          className="text-sm text-stone-700 underline"
        >
          Rename<span className="sr-only"> {props.name}</span>
        </button>
      </div>
    );
  }
  const id = `team-${props.workId}`;
  return (
    <form
      className="space-y-1"
      onSubmit={async (e) => {
        e.preventDefault();
        const ok = await run(() =>
          renameTeamAction({ assignmentId: props.assignmentId, workId: props.workId, name: value }),
        );
        if (ok !== null) done();
      }}
    >
      <label htmlFor={id} className="block text-sm font-medium">
        Team name
      </label>
      <div className="flex flex-wrap gap-2">
        <input
          id={id}
          value={value}
          autoFocus
          maxLength={TEAM_NAME_MAX + 10}
          onChange={(e) => setValue(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              setValue(props.name);
              done();
            }
          }}
          aria-describedby={`${id}-error`}
          className="min-w-0 flex-1 rounded-md border border-stone-400 px-2 py-1"
        />
        <Button type="submit" variant="primary" size="sm" disabled={busy}>
          Save
        </Button>
        <Button
          size="sm"
          onClick={() => {
            setValue(props.name);
            done();
          }}
        >
          Cancel
        </Button>
      </div>
      <FieldError id={`${id}-error`} messages={error} />
    </form>
  );
}

'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorBanner } from '@/components/ui/error-banner';
import { FieldError } from '@/components/ui/field-error';
import { createAssignmentAction } from '@/lib/actions/assignments';
import { MODE_LABELS, MODES, type Mode, type SidePlan } from '@/lib/domain/classroom/teams';
import { fromZonedInput } from '@/lib/domain/zoned-time';
import { ASSIGNMENT_TITLE_MAX, INSTRUCTIONS_MAX } from '@/lib/schemas/assignments';
import { DueInput, useClassZone } from './due-input';

const MODE_HINTS: Record<Mode, string> = {
  individual: 'Every student gets a map of their own.',
  team: 'Students are split at random into teams of even size; each team shares one map.',
  class: 'Everyone edits one map together; classmates can rate each claim’s impact.',
};

const SIDE_CHOICES: { value: SidePlan; label: string }[] = [
  { value: 'split', label: 'Split evenly at random between thesis 1 and thesis 2' },
  { value: 'first', label: 'Everyone argues thesis 1' },
  { value: 'second', label: 'Everyone argues thesis 2' },
  { value: 'both', label: 'Everyone argues both sides' },
];

const inputClass = 'w-full rounded-md border border-stone-400 bg-white px-3 py-2';

/** Sets a debate for a class: what, how students work, which side they argue, by when. */
export function NewAssignmentForm(props: {
  classId: string;
  studentCount: number;
  debates: { id: string; motion: string; thesisLabels: string[] }[];
  debateId?: string;
  /** The class's time zone (null: never set): the due date is typed in it. */
  timeZone: string | null;
}) {
  const router = useRouter();
  const zone = useClassZone(props.timeZone);
  const [due, setDue] = useState('');
  const [mode, setMode] = useState<Mode>('individual');
  const [debateId, setDebateId] = useState(props.debateId ?? props.debates[0]?.id ?? '');
  const [errors, setErrors] = useState<Record<string, string[] | undefined>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const labels = props.debates.find((d) => d.id === debateId)?.thesisLabels ?? [];

  return (
    <form
      className="space-y-6"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        const text = (name: string) => String(form.get(name) ?? '');
        setBusy(true);
        setMessage(null);
        const result = await createAssignmentAction({
          classId: props.classId,
          debateId,
          title: text('title'),
          instructions: text('instructions'),
          dueAt: fromZonedInput(due, zone),
          mode,
          teamCount: Number(text('teamCount') || 2),
          teamFill: text('teamFill') === 'empty' ? 'empty' : 'random',
          sides: text('sides') as SidePlan,
          anonymous: form.get('anonymous') === 'on',
        });
        if (result.ok) {
          router.push(`/assignments/${encodeURIComponent(result.data.id)}`);
          return;
        }
        setBusy(false);
        setErrors(result.fieldErrors ?? {});
        setMessage(result.message);
      }}
    >
      {message && <ErrorBanner message={message} onDismiss={() => setMessage(null)} />}
      <div className="space-y-1">
        <label htmlFor="title" className="block font-medium">
          Title
        </label>
        <input
          id="title"
          name="title"
          required
          maxLength={ASSIGNMENT_TITLE_MAX}
          placeholder="Olympic diplomacy: prepare your case"
          aria-describedby="title-error"
          aria-invalid={errors.title ? true : undefined}
          className={inputClass}
        />
        <FieldError id="title-error" messages={errors.title} />
      </div>
      <div className="space-y-1">
        <label htmlFor="debate" className="block font-medium">
          Debate
        </label>
        <select
          id="debate"
          value={debateId}
          onChange={(e) => setDebateId(e.target.value)}
          aria-describedby="debate-error"
          className={inputClass}
        >
          {props.debates.map((d) => (
            <option key={d.id} value={d.id}>
              {d.motion}
            </option>
          ))}
        </select>
        {labels.length === 2 && (
          <p className="text-sm text-stone-600">
            Thesis 1: {labels[0]} · Thesis 2: {labels[1]}
          </p>
        )}
        <FieldError id="debate-error" messages={errors.debateId} />
      </div>
      <div className="space-y-1">
        <label htmlFor="instructions" className="block font-medium">
          Instructions <span className="font-normal text-stone-600">(optional)</span>
        </label>
        <textarea
          id="instructions"
          name="instructions"
          rows={4}
          maxLength={INSTRUCTIONS_MAX}
          placeholder="Find at least three claims with evidence, and answer every objection."
          aria-describedby="instructions-error"
          className={inputClass}
        />
        <FieldError id="instructions-error" messages={errors.instructions} />
      </div>
      <div className="space-y-1">
        <DueInput
          id="dueAt"
          zone={props.timeZone}
          value={due}
          onChange={setDue}
          describedBy="dueAt-error"
          hint="Optional. In the class’s time zone; each student sees it in their own time."
          className="w-full sm:w-auto"
        />
        <FieldError id="dueAt-error" messages={errors.dueAt} />
      </div>
      <fieldset className="space-y-2">
        <legend className="font-medium">How students work</legend>
        {MODES.map((m) => (
          <label key={m} className="flex gap-3 rounded-md border border-stone-200 bg-white p-3">
            <input
              type="radio"
              name="mode"
              value={m}
              checked={mode === m}
              onChange={() => setMode(m)}
              className="mt-1"
            />
            <span>
              <span className="block font-medium">{MODE_LABELS[m]}</span>
              <span className="block text-sm text-stone-600">{MODE_HINTS[m]}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {mode === 'team' && (
        <div className="space-y-1">
          <label htmlFor="teamCount" className="block font-medium">
            Number of teams
          </label>
          <input
            id="teamCount"
            name="teamCount"
            type="number"
            min={1}
            max={100}
            defaultValue={Math.min(4, Math.max(2, Math.round(props.studentCount / 5)))}
            aria-describedby="teamCount-hint teamCount-error"
            className={`${inputClass} w-32`}
          />
          <p id="teamCount-hint" className="text-sm text-stone-600">
            {props.studentCount} students in the class; team sizes differ by at most one. You can
            move students between teams afterwards.
          </p>
          <FieldError id="teamCount-error" messages={errors.teamCount} />
          <fieldset className="space-y-1 pt-3">
            <legend className="font-medium">Who goes in which team</legend>
            <label className="flex gap-2">
              <input type="radio" name="teamFill" value="random" defaultChecked className="mt-1" />
              <span>Split the students evenly at random</span>
            </label>
            <label className="flex gap-2">
              <input type="radio" name="teamFill" value="empty" className="mt-1" />
              <span>Leave the teams empty: I will put students in them myself</span>
            </label>
          </fieldset>
        </div>
      )}
      <div className="space-y-1">
        <label htmlFor="sides" className="block font-medium">
          Sides
        </label>
        <select id="sides" name="sides" defaultValue="split" className={inputClass}>
          {SIDE_CHOICES.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
        <p className="text-sm text-stone-600">
          You can change any {mode === 'team' ? 'team' : 'student'}’s side afterwards, and swap
          every side for a second round with one button.
        </p>
      </div>
      <label className="flex gap-3">
        <input type="checkbox" name="anonymous" className="mt-1" />
        <span>
          <span className="block font-medium">Anonymous</span>
          <span className="block text-sm text-stone-600">
            Students see classmates under pseudonyms; you always see names.
          </span>
        </span>
      </label>
      <Button type="submit" variant="primary" disabled={busy || !debateId}>
        {busy ? 'Creating…' : 'Create assignment'}
      </Button>
    </form>
  );
}

import type { ReactNode } from 'react';
import { buttonClass } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-parts';
import { MODE_LABELS, MODES } from '@/lib/domain/classroom/teams';
import { ASSIGNMENT_TITLE_MAX } from '@/lib/schemas/assignments';

const inputClass = 'mt-1 block w-full rounded-md border border-stone-400 bg-white px-3 py-2';
const submit = buttonClass({ variant: 'primary', size: 'lg' });

/**
 * The deep linking picker: an assignment the class has, or a new one on a debate, to add to the
 * LMS course as an activity. Plain forms posted to app/api/lti/deep-link (which answers the LMS).
 */
export function DeepLinkPicker(props: {
  request: string;
  className: string;
  assignments: { id: string; title: string; mode: string }[];
  debates: { id: string; motion: string }[];
  error: string | null;
}) {
  return (
    <div className="space-y-6">
      <FormAlert>{props.error}</FormAlert>
      {props.assignments.length > 0 && (
        <PickerForm
          title={`An assignment of ${props.className}`}
          request={props.request}
          choice="existing"
          submitLabel="Add to the course"
        >
          <label className="block text-sm font-medium">
            Assignment
            <select name="assignmentId" className={inputClass} required>
              {props.assignments.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.title}
                </option>
              ))}
            </select>
          </label>
        </PickerForm>
      )}
      <PickerForm
        title="A new assignment on a debate"
        request={props.request}
        choice="new"
        submitLabel="Make the assignment and add it"
      >
        <label className="block text-sm font-medium">
          Debate
          <select name="debateId" className={inputClass} required>
            {props.debates.map((d) => (
              <option key={d.id} value={d.id}>
                {d.motion}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm font-medium">
          Title
          <input
            name="title"
            className={inputClass}
            required
            maxLength={ASSIGNMENT_TITLE_MAX}
            defaultValue="Debate preparation"
          />
        </label>
        {/* Teams only when students work in teams (without script too: app/globals.css). */}
        <div className="space-y-3" data-mode-picker>
          <fieldset className="space-y-1">
            <legend className="text-sm font-medium">How students work</legend>
            {MODES.map((mode) => (
              <label key={mode} className="flex items-center gap-2 text-sm">
                <input
                  type="radio"
                  name="mode"
                  value={mode}
                  defaultChecked={mode === 'individual'}
                />
                {MODE_LABELS[mode]}
              </label>
            ))}
          </fieldset>
          <label className="block text-sm font-medium" data-team-count>
            Teams (for team work)
            <input
              name="teamCount"
              type="number"
              min={1}
              max={100}
              defaultValue={4}
              className={`${inputClass} max-w-32`}
            />
          </label>
        </div>
        <p className="text-sm text-stone-600">
          Sides are split evenly at random. Students who open the activity later get their own map,
          or a place in the smallest team. Change the details later on the assignment’s page.
        </p>
      </PickerForm>
    </div>
  );
}

/** One of the picker's choices: a form posted to app/api/lti/deep-link with the LMS's request. */
function PickerForm(props: {
  title: string;
  request: string;
  choice: 'existing' | 'new';
  submitLabel: string;
  children: ReactNode;
}) {
  return (
    <form
      method="post"
      action="/api/lti/deep-link"
      className="space-y-3 rounded-lg border border-stone-200 bg-white p-4"
    >
      <h2 className="text-lg font-semibold">{props.title}</h2>
      <input type="hidden" name="request" value={props.request} />
      <input type="hidden" name="choice" value={props.choice} />
      {props.children}
      <button type="submit" className={submit}>
        {props.submitLabel}
      </button>
    </form>
  );
}

'use client';

import { OneFieldForm } from '@/components/ui/one-field-form';
import { TimeZoneSelect } from '@/components/ui/time-zone-select';
import { createClassAction } from '@/lib/actions/classes';
import { CLASS_NAME_MAX } from '@/lib/schemas/classes';

/** Creates a class by name, in a time zone (the teacher's own to start with), then opens it. */
export function ClassCreateForm({ zones }: { zones: string[] }) {
  return (
    <OneFieldForm
      action={createClassAction}
      id="new-class-name"
      name="name"
      label="New class"
      maxLength={CLASS_NAME_MAX}
      placeholder="e.g. Year 10 History, period 3"
      submit={['Create class', 'Creating…']}
      more={
        <div className="mt-3 flex flex-wrap items-center gap-x-3 gap-y-1">
          <label htmlFor="new-class-zone" className="text-sm font-medium text-stone-800">
            Time zone
          </label>
          <TimeZoneSelect
            id="new-class-zone"
            name="timeZone"
            zones={zones}
            describedBy="new-class-zone-hint"
            className="text-sm"
          />
          <p id="new-class-zone-hint" className="basis-full text-sm text-stone-600">
            Due dates are typed in it; everyone still sees them in their own time.
          </p>
        </div>
      }
    />
  );
}

'use client';

import { OneFieldForm } from '@/components/ui/one-field-form';
import { createClassAction } from '@/lib/actions/classes';
import { CLASS_NAME_MAX } from '@/lib/schemas/classes';

/** Creates a class by name, then opens it. */
export function ClassCreateForm() {
  return (
    <OneFieldForm
      action={createClassAction}
      id="new-class-name"
      name="name"
      label="New class"
      maxLength={CLASS_NAME_MAX}
      placeholder="e.g. Year 10 History, period 3"
      submit={['Create class', 'Creating…']}
    />
  );
}

'use client';

import { OneFieldForm } from '@/components/ui/one-field-form';
import { createMapAction } from '@/lib/actions/maps';
import { TITLE_MAX } from '@/lib/schemas/map';

/** Creates a map by title, then opens it. */
export function NewMapForm() {
  return (
    <OneFieldForm
      action={createMapAction}
      id="new-map-title"
      name="title"
      label="New map"
      maxLength={TITLE_MAX}
      placeholder="e.g. Team A: opening case"
      submit={['Create map', 'Creating…']}
    />
  );
}

'use client';

import { useActionState } from 'react';
import { createMapAction } from '@/lib/actions/maps';
import { Button } from '@/components/ui/button';

/** Creates a new map on the debate and opens it. */
export function StartMapButton({ title = 'My debate map' }: { title?: string }) {
  const [state, action, pending] = useActionState(createMapAction, null);
  return (
    <form action={action}>
      <input type="hidden" name="title" value={title} />
      <Button disabled={pending} type="submit" variant="primary" size="lg">
        {pending ? 'Creating…' : 'Start a new map'}
      </Button>
      {state && !state.ok && (
        <p role="alert" className="mt-2 text-sm text-con-800">
          {state.message}
        </p>
      )}
    </form>
  );
}

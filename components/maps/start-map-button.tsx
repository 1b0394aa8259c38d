'use client';

import { useActionState } from 'react';
import { createMapAction } from '@/lib/actions/maps';

/** Creates a new map on the debate and opens it. */
export function StartMapButton({ title = 'My debate map' }: { title?: string }) {
  const [state, action, pending] = useActionState(createMapAction, null);
  return (
    <form action={action}>
      <input type="hidden" name="title" value={title} />
      <button
        disabled={pending}
        className="rounded-md bg-stone-900 px-4 py-2 text-sm font-semibold text-white hover:bg-stone-700 disabled:bg-stone-500"
      >
        {pending ? 'Creating…' : 'Start a new map'}
      </button>
      {state && !state.ok && (
        <p role="alert" className="mt-2 text-sm text-con-800">
          {state.message}
        </p>
      )}
    </form>
  );
}

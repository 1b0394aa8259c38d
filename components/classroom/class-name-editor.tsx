'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { renameClassAction } from '@/lib/actions/classes';
import { CLASS_NAME_MAX } from '@/lib/schemas/classes';

/** The class's name as the page heading, with Rename for its teacher. */
export function ClassNameEditor({ classId, name }: { classId: string; name: string }) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(name);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const renameButton = useRef<HTMLButtonElement>(null);

  const stop = () => {
    setEditing(false);
    setError(null);
    setValue(name);
    requestAnimationFrame(() => renameButton.current?.focus());
  };

  if (!editing) {
    return (
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold break-words">{name}</h1>
        <Button ref={renameButton} type="button" onClick={() => setEditing(true)} size="sm">
          Rename<span className="sr-only"> class</span>
        </Button>
      </div>
    );
  }
  return (
    <form
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        const result = await renameClassAction({ classId, name: value });
        setBusy(false);
        if (!result.ok) return setError(result.message);
        router.refresh();
        setEditing(false);
        requestAnimationFrame(() => renameButton.current?.focus());
      }}
      className="space-y-1"
    >
      <h1 className="sr-only">{name}</h1>
      <label htmlFor="class-name" className="block text-sm font-medium text-stone-800">
        Class name
      </label>
      <div className="flex flex-wrap gap-2">
        <input
          id="class-name"
          value={value}
          autoFocus
          maxLength={CLASS_NAME_MAX + 10}
          onChange={(e) => setValue(e.target.value)}
          onKeyDown={(e) => e.key === 'Escape' && stop()}
          aria-invalid={error ? true : undefined}
          aria-describedby="class-name-error"
          className="min-w-0 flex-1 rounded-md border border-stone-400 px-3 py-2 text-lg"
        />
        <Button type="submit" variant="primary" disabled={busy}>
          Save
        </Button>
        <Button onClick={stop}>Cancel</Button>
      </div>
      <FieldError id="class-name-error" messages={error} />
    </form>
  );
}

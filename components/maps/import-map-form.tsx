'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { importMapAction } from '@/lib/actions/maps';

/** Paste or upload Argdown or AIF JSON to create a map; problems are listed with their line or node. */
export function ImportMapForm() {
  const [format, setFormat] = useState<'argdown' | 'aif'>('argdown');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  return (
    <details className="rounded-lg border border-stone-200 bg-white p-4">
      <summary className="cursor-pointer text-sm font-semibold text-stone-800">
        Import a map (Argdown or AIF JSON)
      </summary>
      <form
        className="mt-3 space-y-3"
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          const r = await importMapAction({ format, text });
          setBusy(false);
          if (r && !r.ok) setError(r.message);
        }}
      >
        <fieldset className="flex gap-4 text-sm">
          <legend className="sr-only">Format</legend>
          <label className="flex items-center gap-1">
            <input
              type="radio"
              name="import-format"
              checked={format === 'argdown'}
              onChange={() => setFormat('argdown')}
            />
            Argdown
          </label>
          <label className="flex items-center gap-1">
            <input
              type="radio"
              name="import-format"
              checked={format === 'aif'}
              onChange={() => setFormat('aif')}
            />
            AIF JSON
          </label>
        </fieldset>
        <div>
          <label htmlFor="import-file" className="block text-sm font-medium text-stone-800">
            File
          </label>
          <input
            id="import-file"
            type="file"
            accept=".argdown,.ad,.txt,.json,.aif"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              if (!file) return;
              setText(await file.text());
              if (file.name.endsWith('.json')) setFormat('aif');
              setError(null);
            }}
            className="mt-1 block text-sm"
          />
        </div>
        <div>
          <label htmlFor="import-text" className="block text-sm font-medium text-stone-800">
            Or paste it here
          </label>
          <textarea
            id="import-text"
            rows={6}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setError(null);
            }}
            aria-invalid={error ? true : undefined}
            aria-describedby="import-error"
            className="mt-1 block w-full rounded-md border border-stone-400 px-2 py-1.5 font-mono text-sm"
          />
          <FieldError id="import-error" messages={error} />
        </div>
        <Button type="submit" variant="primary" disabled={busy}>
          {busy ? 'Importing…' : 'Import map'}
        </Button>
      </form>
    </details>
  );
}

'use client';

import { unstable_rethrow } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { importMapAction } from '@/lib/actions/maps';
import { IMPORT_LIMITS, utf8Length } from '@/lib/domain/exchange/import-limits';

const MAX_MB = IMPORT_LIMITS.bytes / 1_000_000;
const tooLarge = (bytes: number) =>
  `That file is ${(bytes / 1_000_000).toFixed(1)} MB: an import can be at most ${MAX_MB} MB. Split the map into smaller files.`;

/**
 * Paste or upload Argdown or AIF JSON to create a map; problems are listed with their line or
 * node. A file over the size limit is refused here, before it is sent.
 */
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
          const bytes = utf8Length(text);
          if (bytes > IMPORT_LIMITS.bytes) return setError(tooLarge(bytes));
          setBusy(true);
          setError(null);
          try {
            const r = await importMapAction({ format, text });
            if (r && !r.ok) setError(r.message);
          } catch (e) {
            unstable_rethrow(e); // the redirect to the new map
            setError('The map could not be sent. Check your connection, then try again.');
          } finally {
            setBusy(false);
          }
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
              if (file.size > IMPORT_LIMITS.bytes) {
                setText('');
                return setError(tooLarge(file.size));
              }
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
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" variant="primary" disabled={busy}>
            {busy ? 'Importing…' : 'Import map'}
          </Button>
          <p aria-live="polite" className="text-sm text-stone-600">
            {busy ? 'Reading and checking the map: a large one takes a few seconds.' : ''}
          </p>
        </div>
        <p className="text-xs text-stone-600">
          At most {MAX_MB} MB, {IMPORT_LIMITS.claims.toLocaleString('en')} claims,{' '}
          {IMPORT_LIMITS.depth} levels of replies and {IMPORT_LIMITS.quotes.toLocaleString('en')}{' '}
          quotes.
        </p>
      </form>
    </details>
  );
}

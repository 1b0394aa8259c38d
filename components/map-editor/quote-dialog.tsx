'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { FieldError } from '@/components/ui/field-error';
import type { ClaimView } from '@/lib/domain/views';
import { useEditor } from './editor-context';

/**
 * Attach a quote by typing or pasting it: the keyboard way to do what selecting text in an
 * article does. The server checks the passage is really in the article.
 */
export function QuoteDialog({ claim, onClose }: { claim: ClaimView; onClose: () => void }) {
  const { sources, theses, api } = useEditor();
  const ownSource = theses.find((t) => t.id === claim.thesisId)?.source.id ?? sources[0]?.id ?? '';
  const [sourceId, setSourceId] = useState(ownSource);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function attach() {
    if (!text.trim()) return setError('Paste or type the passage to quote.');
    setBusy(true);
    const result = await api.addAnchor(claim.id, sourceId, { exact: text, prefix: '', suffix: '' });
    setBusy(false);
    if (!result.ok) return setError(result.message);
    onClose();
  }

  return (
    <Dialog open onClose={onClose} title="Attach a quote as evidence" wide>
      <p className="mb-3 text-sm text-stone-700">
        For: <q className="font-medium">{claim.text}</q>
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void attach();
        }}
        className="space-y-3"
      >
        <fieldset>
          <legend className="text-sm font-semibold text-stone-800">From the article</legend>
          {sources.map((s) => (
            <label key={s.id} className="mt-1 flex items-center gap-2 text-sm">
              <input
                type="radio"
                name="quote-source"
                checked={sourceId === s.id}
                onChange={() => setSourceId(s.id)}
              />
              {s.publisher}: {s.title}
            </label>
          ))}
        </fieldset>
        <div>
          <label htmlFor="quote-text" className="block text-sm font-semibold text-stone-800">
            Passage (copied exactly, within one paragraph)
          </label>
          <textarea
            id="quote-text"
            autoFocus
            rows={4}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setError(null);
            }}
            aria-invalid={error ? true : undefined}
            aria-describedby="quote-error"
            className="mt-1 block w-full rounded-md border border-stone-400 px-2 py-1.5 font-serif"
          />
          <FieldError id="quote-error" messages={error} />
          <p className="mt-1 text-xs text-stone-600">
            Tip: you can also select text in the article with the mouse and attach it from the bar
            that appears.
          </p>
        </div>
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={busy}>
            {busy ? 'Checking…' : 'Attach quote'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

'use client';

import { Button } from '@/components/ui/button';
import { useEditorState, useSession } from '@/components/map/session';
import { inLabel } from '@/lib/editor/places';

/**
 * Typed text the server did not take, kept on screen until the person decides. A conflict
 * (someone else changed the same field meanwhile) shows both versions and the choice; any other
 * refusal shows the text and why, so it can be copied.
 */
export function UnsavedNotices() {
  const session = useSession();
  const { screen, claims } = useEditorState();
  const { unsaved } = screen;
  if (unsaved.length === 0) return null;
  return (
    <section aria-label="Text not saved" className="space-y-2">
      {unsaved.map((u) => {
        const claim = claims.find((c) => c.id === u.claimId);
        const what = u.field === 'text' ? 'claim' : 'note';
        const which = claim ? `“${inLabel(claim.text)}”` : '';
        const subject = u.field === 'text' ? `the claim ${which}` : `the note on ${which}`;
        return (
          <div
            key={`${u.claimId}-${u.field}`}
            role="alert"
            className="rounded-md border border-amber-500 bg-amber-50 p-3 text-sm text-stone-900"
          >
            <p className="font-semibold">
              {u.theirs !== null
                ? `${u.by && u.by !== 'Someone' ? u.by : 'Someone else'} changed ${subject.trim()} while you were editing it.`
                : `Your ${what} was not saved: ${u.reason}`}
            </p>
            <div className={`mt-2 grid gap-2 ${u.theirs !== null ? 'sm:grid-cols-2' : ''}`}>
              <div>
                <p className="text-xs font-semibold uppercase text-stone-600">Yours (not saved)</p>
                <p className="whitespace-pre-wrap break-words" data-conflict-mine>
                  {u.mine}
                </p>
              </div>
              {u.theirs !== null && (
                <div>
                  <p className="text-xs font-semibold uppercase text-stone-600">Saved now</p>
                  <p className="whitespace-pre-wrap break-words" data-conflict-theirs>
                    {u.theirs}
                  </p>
                </div>
              )}
            </div>
            <div className="mt-2 flex flex-wrap gap-2">
              {u.theirs !== null && (
                <Button
                  variant="primary"
                  size="sm"
                  onClick={() => session.settleUnsaved(u, 'mine')}
                >
                  Keep mine
                </Button>
              )}
              <Button size="sm" onClick={() => void navigator.clipboard?.writeText(u.mine)}>
                Copy mine
              </Button>
              <Button size="sm" variant="ghost" onClick={() => session.settleUnsaved(u, 'theirs')}>
                {u.theirs !== null ? 'Keep the saved version' : 'Dismiss'}
              </Button>
            </div>
          </div>
        );
      })}
    </section>
  );
}

'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { revokeShareAction, shareMapAction } from '@/lib/actions/maps';
import type { ShareLinkView, ShareOptions } from '@/lib/domain/views';

/**
 * Create, copy or revoke the map's read-only link, and choose what it shows besides the claims:
 * the notes (private by default: they often say how to beat the other side) and the owner's name.
 */
export function ShareDialog({
  mapId,
  link,
  onLinkChange,
  onClose,
}: {
  mapId: string;
  link: ShareLinkView | null;
  onLinkChange: (link: ShareLinkView | null) => void;
  onClose: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [copied, setCopied] = useState(false);
  const [options, setOptions] = useState<ShareOptions>({
    includeNotes: link?.includeNotes ?? false,
    showName: link?.showName ?? false,
  });
  const url = link ? `${window.location.origin}/s/${link.token}` : null;

  async function save(next: ShareOptions) {
    setBusy(true);
    setError(null);
    const r = await shareMapAction({ mapId, ...next });
    setBusy(false);
    if (r.ok) onLinkChange(r.data);
    else setError(r.message);
  }

  const choose = (key: keyof ShareOptions, value: boolean) => {
    const next = { ...options, [key]: value };
    setOptions(next);
    // An existing link changes at once; a new one is made with these choices.
    if (link) void save(next);
  };

  const choices = (
    <fieldset className="space-y-1 text-sm" disabled={busy}>
      <legend className="font-semibold text-stone-800">The link shows the claims, and</legend>
      <label className="flex items-start gap-2">
        <input
          type="checkbox"
          className="mt-1"
          checked={options.includeNotes}
          onChange={(e) => choose('includeNotes', e.target.checked)}
        />
        <span>
          your notes{' '}
          <span className="text-stone-600">
            (off: opponents with the link do not see how you plan to answer them)
          </span>
        </span>
      </label>
      <label className="flex items-start gap-2">
        <input
          type="checkbox"
          className="mt-1"
          checked={options.showName}
          onChange={(e) => choose('showName', e.target.checked)}
        />
        <span>your name</span>
      </label>
    </fieldset>
  );

  return (
    <Dialog open onClose={onClose} title="Share this map" wide>
      {url ? (
        <div className="space-y-3">
          <p className="text-sm text-stone-700">
            Anyone with this link can read the map and both articles. They cannot change it;
            signed-in users can make their own copy.
          </p>
          <label htmlFor="share-url" className="block text-sm font-semibold">
            Read-only link
          </label>
          <div className="flex flex-col gap-2 sm:flex-row">
            <input
              id="share-url"
              readOnly
              value={url}
              onFocus={(e) => e.currentTarget.select()}
              className="min-w-0 flex-1 rounded-md border border-stone-400 bg-stone-50 px-2 py-1.5 font-mono text-sm"
            />
            <Button
              onClick={async () => {
                try {
                  await navigator.clipboard.writeText(url);
                  setCopied(true);
                } catch {
                  setError('Copying is blocked here: select the link and copy it by hand.');
                }
              }}
            >
              {copied ? 'Copied' : 'Copy link'}
            </Button>
          </div>
          {choices}
          <div className="flex justify-between gap-2 border-t border-stone-200 pt-3">
            <Button
              variant="danger"
              disabled={busy}
              onClick={async () => {
                setBusy(true);
                setError(null);
                const r = await revokeShareAction({ mapId });
                setBusy(false);
                if (r.ok) onLinkChange(null);
                else setError(r.message);
              }}
            >
              Stop sharing (revoke link)
            </Button>
            <Button onClick={onClose}>Done</Button>
          </div>
        </div>
      ) : (
        <div className="space-y-3">
          <p className="text-sm text-stone-700">
            Create a read-only link for your teacher, team or opponents. You can revoke it at any
            time; a revoked link stops working at once.
          </p>
          {choices}
          <div className="flex justify-end gap-2">
            <Button onClick={onClose}>Cancel</Button>
            <Button variant="primary" disabled={busy} onClick={() => void save(options)}>
              Create link
            </Button>
          </div>
        </div>
      )}
      {error && (
        <p role="alert" className="mt-3 text-sm text-con-800">
          {error}
        </p>
      )}
    </Dialog>
  );
}

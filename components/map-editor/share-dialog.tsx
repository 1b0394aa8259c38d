'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { revokeShareAction, shareMapAction } from '@/lib/actions/maps';

/** Create, copy or revoke the map's read-only link. */
export function ShareDialog({
  mapId,
  token,
  onTokenChange,
  onClose,
}: {
  mapId: string;
  token: string | null;
  onTokenChange: (token: string | null) => void;
  onClose: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [copied, setCopied] = useState(false);
  const url = token ? `${window.location.origin}/s/${token}` : null;

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError(null);
    await action();
    setBusy(false);
  }

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
          <div className="flex justify-between gap-2 border-t border-stone-200 pt-3">
            <Button
              variant="danger"
              disabled={busy}
              onClick={() =>
                run(async () => {
                  const r = await revokeShareAction({ mapId });
                  if (r.ok) onTokenChange(null);
                  else setError(r.message);
                })
              }
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
          <div className="flex justify-end gap-2">
            <Button onClick={onClose}>Cancel</Button>
            <Button
              variant="primary"
              disabled={busy}
              onClick={() =>
                run(async () => {
                  const r = await shareMapAction({ mapId });
                  if (r.ok) onTokenChange(r.data.token);
                  else setError(r.message);
                })
              }
            >
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

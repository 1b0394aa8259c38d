'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { copySharedMapAction } from '@/lib/actions/maps';

/** Copies a shared map into the viewer's own maps and opens the copy. */
export function CopyMapButton({ token }: { token: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <div>
      <Button
        variant="primary"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          const r = await copySharedMapAction({ token });
          setBusy(false);
          if (r.ok) router.push(`/maps/${r.data.id}`);
          else setError(r.message);
        }}
      >
        {busy ? 'Copying…' : 'Make a copy'}
      </Button>
      {error && (
        <p role="alert" className="mt-1 text-sm text-con-800">
          {error}
        </p>
      )}
    </div>
  );
}

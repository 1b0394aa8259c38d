'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';

/** Copies a text to the clipboard and says so (announced), or says to copy it by hand. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [done, setDone] = useState<'copied' | 'failed' | null>(null);
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        size="sm"
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(text);
            setDone('copied');
          } catch {
            setDone('failed');
          }
          setTimeout(() => setDone(null), 2500);
        }}
      >
        {label}
      </Button>
      <span role="status" className="text-sm text-stone-600">
        {done === 'copied' ? 'Copied' : done === 'failed' ? 'Select it and copy by hand' : ''}
      </span>
    </span>
  );
}

'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { ActionResult } from '@/lib/errors';

/**
 * A row of "My maps" running one of its server actions (rename, duplicate, delete, leave): busy
 * while it runs, the list read again when it worked, its message kept beside the row when not.
 * Answers whether it worked.
 */
export function useRowAction() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function run(action: () => Promise<ActionResult<unknown>>, settle?: () => void) {
    setBusy(true);
    const result = await action();
    setBusy(false);
    settle?.();
    if (!result.ok) {
      setError(result.message);
      return false;
    }
    router.refresh();
    return true;
  }
  return { error, setError, busy, run };
}

'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { ActionResult } from '@/lib/errors';

/**
 * Runs one of the assignment page's actions: busy while it runs, the page refreshed after it,
 * and its refusal kept for the page to show. Resolves to { data } on success, null otherwise.
 */
export function useAssignmentAction() {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async <T>(action: () => Promise<ActionResult<T>>): Promise<{ data: T } | null> => {
    setBusy(true);
    setError(null);
    try {
      const result = await action();
      if (!result.ok) {
        setError(result.message);
        return null;
      }
      router.refresh();
      return { data: result.data };
    } catch {
      setError('Could not reach the server. Check your connection and try again.');
      return null;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, clearError: () => setError(null), run };
}

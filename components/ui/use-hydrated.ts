'use client';

import { useSyncExternalStore } from 'react';

const noSubscription = () => () => {};

/**
 * False while the server renders the page and while the browser hydrates it, true after: a part
 * can draw something cheaper on the server (the same on both, so hydration matches) and its
 * full self once the page is live.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

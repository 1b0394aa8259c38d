'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';

export const REFRESH_MS = 10_000;

/** "just now", "5 s ago", "2 min ago": how fresh the numbers on screen are. */
export function freshness(seconds: number): string {
  if (seconds < 2) return 'just now';
  if (seconds < 90) return `${seconds} s ago`;
  return `${Math.round(seconds / 60)} min ago`;
}

/** The current time, ticking every second, starting from `start` (no mismatch on first paint). */
export function useClock(start: string): number {
  const [now, setNow] = useState(() => Date.parse(start));
  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, []);
  return now;
}

/**
 * Reloads the page's server data every ten seconds while the tab is visible (and at once when the
 * tab comes back after a while), so a teacher watches the numbers move as students work. Shows
 * how old the numbers are, with a button to refresh now. `readAt` changes with every reload.
 */
export function AutoRefresh({ readAt, now }: { readAt: string; now: number }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  // When this browser received the numbers (to the second): their age never depends on the
  // server's clock.
  const [received, setReceived] = useState<{ readAt: string; at: number | null }>({
    readAt,
    at: null,
  });
  if (received.readAt !== readAt) setReceived({ readAt, at: now });

  const since = received.at ?? Date.parse(readAt);
  useEffect(() => {
    // Quietly: only the Refresh button shows "Updating…".
    const refresh = () => router.refresh();
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') refresh();
    }, REFRESH_MS);
    const onVisible = () => {
      if (document.visibilityState === 'visible' && Date.now() - since > REFRESH_MS) refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [router, since]);

  const seconds = Math.max(0, Math.floor((now - since) / 1000));
  return (
    <div className="flex items-center gap-3 text-sm text-stone-700">
      <span data-testid="updated-ago">
        {pending ? 'Updating…' : `Updated ${freshness(seconds)}`}
      </span>
      {/* Not disabled while busy: a disabled button would drop the keyboard focus. */}
      <Button
        size="sm"
        aria-busy={pending}
        onClick={() => {
          if (!pending) startTransition(() => router.refresh());
        }}
      >
        Refresh
      </Button>
    </div>
  );
}

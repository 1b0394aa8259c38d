'use client';

import Link from 'next/link';
import { useEffect, useRef } from 'react';
import type { AccessEnded } from '@/lib/domain/access-ended';

/**
 * Says why this page stopped: its reader's access changed while it was open (removed, moved to
 * another team, signed out, role changed, link revoked). Focus comes here, since what had it may
 * be gone.
 */
export function AccessEndedNotice({ ended }: { ended: AccessEnded }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), [ended]);
  const signedOut = ended.signedOut === true;
  return (
    <div
      ref={box}
      tabIndex={-1}
      role="alert"
      data-access-ended={ended.reason}
      // A page whose map is gone hides what it said about the map (its assignment banner:
      // app/globals.css), which may no longer be true (a student moved to another team).
      data-map-gone={ended.lost || undefined}
      className="space-y-2 rounded-md border border-con-600 bg-con-50 px-4 py-3 text-con-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-con-600"
    >
      {ended.lost ? (
        <h1 className="text-lg font-semibold">This map is closed</h1>
      ) : (
        <p className="font-semibold">Your access changed</p>
      )}
      <p className="text-sm">{ended.message}</p>
      <p className="flex flex-wrap gap-3 text-sm">
        {ended.lost ? (
          // Reloading a map that is no longer open to them would only say it is not found:
          // the way on is elsewhere.
          <Link href={signedOut ? signInAgain() : '/'} className={ACTION}>
            {signedOut
              ? 'Sign in again'
              : ended.reason === 'moved'
                ? // The start page of a student lists their assignments, the new team's map in it.
                  'Go to your assignments'
                : 'Go to the start page'}
          </Link>
        ) : (
          <button type="button" onClick={() => window.location.reload()} className={ACTION}>
            Reload the page
          </button>
        )}
      </p>
    </div>
  );
}

const ACTION =
  'rounded-md border border-con-600 bg-white px-3 py-1.5 font-medium hover:bg-con-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-con-600';

/** Sign in, then back to this page (rendered only in the browser, once the page went live). */
const signInAgain = () =>
  `/sign-in?next=${encodeURIComponent(window.location.pathname + window.location.search)}`;

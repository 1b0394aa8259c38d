'use client';

import { createContext, useContext, useMemo } from 'react';
import type { PresenceEntry } from '@/lib/schemas/live';
import type { LiveState } from '@/lib/sync/live-connection';

/** Who else has the map open, by the claim they are on (one entry per person, their latest tab). */
export const PresenceContext = createContext<Map<string, PresenceEntry[]>>(new Map());

/** One entry per person (several tabs of one person count once). */
export function people(entries: readonly PresenceEntry[]): PresenceEntry[] {
  const byUser = new Map<string, PresenceEntry>();
  for (const e of entries) {
    const seen = byUser.get(e.userId);
    if (!seen || (!seen.claimId && e.claimId) || (!seen.editing && e.editing))
      byUser.set(e.userId, e);
  }
  return [...byUser.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export function usePresenceByClaim(entries: readonly PresenceEntry[]) {
  return useMemo(() => {
    const map = new Map<string, PresenceEntry[]>();
    for (const e of people(entries)) {
      if (e.claimId) map.set(e.claimId, [...(map.get(e.claimId) ?? []), e]);
    }
    return map;
  }, [entries]);
}

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('') || '?';

// A few distinct, dark-enough colours (white text passes contrast on each).
const COLOURS = ['bg-sky-700', 'bg-violet-700', 'bg-emerald-700', 'bg-rose-700', 'bg-amber-800'];
const colourOf = (userId: string) =>
  COLOURS[[...userId].reduce((n, ch) => n + ch.charCodeAt(0), 0) % COLOURS.length]!;

function Avatar({ entry }: { entry: PresenceEntry }) {
  return (
    <span
      aria-hidden
      className={`inline-flex h-7 w-7 items-center justify-center rounded-full text-xs font-bold text-white ring-2 ring-white ${colourOf(entry.userId)}`}
    >
      {initials(entry.name)}
    </span>
  );
}

/** The header's "who is here" row and whether changes are arriving live. */
export function PresenceBar({
  entries,
  live,
  connectedOnce,
}: {
  entries: PresenceEntry[];
  live: LiveState;
  /** Before the first connection, "connecting" is not shown (no flash on every page load). */
  connectedOnce: boolean;
}) {
  const here = people(entries);
  // Until the first connection, the place "Live" will take is kept, empty: the toolbar neither
  // jumps when it arrives nor starts with a wide blank where "Reconnecting…" would be.
  const first = live === 'connecting' && !connectedOnce;
  const label =
    live === 'live' || first
      ? 'Live'
      : live === 'connecting'
        ? 'Reconnecting…'
        : 'Live updates paused';
  return (
    <div className="flex items-center gap-2 text-sm text-stone-700" data-testid="presence">
      <span className={`inline-flex items-center gap-1 ${first ? 'invisible' : ''}`} role="status">
        <span
          aria-hidden
          className={`h-2 w-2 rounded-full ${live === 'live' ? 'bg-emerald-600' : 'bg-amber-500'}`}
        />
        {label}
      </span>
      {here.length > 0 && (
        <span className="flex items-center gap-1">
          <span className="sr-only">Also here:</span>
          <span className="flex -space-x-1">
            {here.map((e) => (
              <span key={e.userId} title={`${e.name}${e.editing ? ' (editing)' : ''}`}>
                <Avatar entry={e} />
              </span>
            ))}
          </span>
          <span className="max-w-48 truncate">{here.map((e) => e.name).join(', ')}</span>
        </span>
      )}
    </div>
  );
}

/** Beside a claim: who else has it selected or is editing it. */
export function ClaimPresence({ claimId }: { claimId: string }) {
  const here = useContext(PresenceContext).get(claimId);
  if (!here?.length) return null;
  const text = here.map((e) => `${e.name} ${e.editing ? 'is editing' : 'is here'}`).join(', ');
  return (
    <span
      className="inline-flex items-center gap-1 text-xs text-stone-700"
      data-testid="claim-presence"
    >
      <span className="flex -space-x-1">
        {here.map((e) => (
          <Avatar key={e.tabId} entry={e} />
        ))}
      </span>
      <span>{text}</span>
    </span>
  );
}

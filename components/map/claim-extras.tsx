'use client';

import { createContext, useContext, type ReactNode } from 'react';
import type { LiveEvent } from '@/lib/sync/live-connection';

/**
 * Where something from outside the editor adds to each claim (the classroom's feedback and
 * teacher notes, components/classroom-map): the page provides what to draw, the outline draws
 * it under every claim, and neither imports the other.
 */
export interface ClaimExtraProps {
  claimId: string;
  claimText: string;
  active: boolean;
}

export const ClaimExtrasContext = createContext<((props: ClaimExtraProps) => ReactNode) | null>(
  null,
);

export function ClaimExtras(props: ClaimExtraProps) {
  const render = useContext(ClaimExtrasContext);
  return render ? render(props) : null;
}

/**
 * Where something from outside the editor hears the map's live stream beyond its changes (the
 * class's votes, components/classroom-map): the editor passes every LiveEvent to it.
 */
export const LiveEventsContext = createContext<((event: LiveEvent) => void) | null>(null);

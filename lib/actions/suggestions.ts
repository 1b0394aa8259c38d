'use server';

import type { z } from 'zod';
import { mapRef } from '@/lib/schemas/map';
import { decideSchema, suggestSchema } from '@/lib/schemas/suggestions';
import { db } from '@/lib/server/db';
import { getCurrentUser, requireUser } from '@/lib/server/session';
import { decideSuggestion, listSuggestions, suggestClaim } from '@/lib/server/suggestions';
import { runAction } from './run-action';

// The editor's suggestion actions (lib/editor/suggestions.ts). Each asks who is signed in and
// leaves every permission check to the server function it calls.

/** Suggests a claim; someone without an account is refused with why. */
export async function suggestClaimAction(input: z.input<typeof suggestSchema>) {
  return runAction(suggestSchema, input, async (data) => {
    const user = await getCurrentUser();
    return suggestClaim(db, { ...data, userId: user?.id ?? null });
  });
}

/** The suggestions this person may see in the map. */
export async function listSuggestionsAction(input: { mapId: string }) {
  return runAction(mapRef, input, async ({ mapId }) => {
    const user = await requireUser();
    return listSuggestions(db, { userId: user.id, mapId });
  });
}

/** Answers or declines a suggestion (its editors and owner). */
export async function decideSuggestionAction(input: z.input<typeof decideSchema>) {
  return runAction(decideSchema, input, async (data) => {
    const user = await requireUser();
    return decideSuggestion(db, {
      userId: user.id,
      mapId: data.mapId,
      suggestionId: data.suggestionId,
      decision: data.decision,
      answer: data.decision === 'answer' ? data.answer : undefined,
    });
  });
}

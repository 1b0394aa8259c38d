'use server';

import type { z } from 'zod';
import { addMarkInput, resolveMarkInput } from '@/lib/schemas/marks';
import { db } from '@/lib/server/db';
import { addMark, resolveMark } from '@/lib/server/marks';
import { requireUser } from '@/lib/server/session';
import { runAction } from './run-action';

// Marks for review. Each asks who is signed in and leaves every permission check to the server
// function (lib/server/marks.ts): nothing the browser says about roles is trusted.

/** Marks a claim for review; answers the map's open marks as the marker sees them. */
export async function addMarkAction(input: z.input<typeof addMarkInput>) {
  return runAction(addMarkInput, input, async (data) => {
    const user = await requireUser();
    return addMark(db, { ...data, userId: user.id });
  });
}

/** Resolves (clears) a mark; answers the map's open marks. */
export async function resolveMarkAction(input: z.input<typeof resolveMarkInput>) {
  return runAction(resolveMarkInput, input, async ({ markId }) => {
    const user = await requireUser();
    return (await resolveMark(db, { userId: user.id, markId })).marks;
  });
}

'use server';

import type { z } from 'zod';
import { markReadInput } from '@/lib/schemas/notifications';
import { db } from '@/lib/server/db';
import { markRead } from '@/lib/server/notifications';
import { requireUser } from '@/lib/server/session';
import { runAction } from './run-action';

/** Marks the signed-in person's notifications read (those opened, or all); answers the count left. */
export async function markNotificationsReadAction(input: z.input<typeof markReadInput>) {
  return runAction(markReadInput, input, async (data) => {
    const user = await requireUser();
    return markRead(db, { userId: user.id, ...data });
  });
}

'use server';

import type { z } from 'zod';
import { revalidatePath } from 'next/cache';
import { deliveryRef } from '@/lib/schemas/deliveries';
import { db } from '@/lib/server/db';
import { sendAgain } from '@/lib/server/deliveries';
import { requireUser } from '@/lib/server/session';
import { runAction } from './run-action';

/** The admin has a waiting or failed delivery tried now; says whether it went. */
export async function sendAgainAction(input: z.input<typeof deliveryRef>) {
  return runAction(deliveryRef, input, async ({ id }) => {
    const user = await requireUser();
    const result = await sendAgain(db, { userId: user.id, id });
    revalidatePath('/admin');
    return result;
  });
}

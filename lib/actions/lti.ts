'use server';

import { z } from 'zod';
import { revalidatePath } from 'next/cache';
import { classRef, platformRef, platformSchema } from '@/lib/schemas/lti';
import { db } from '@/lib/server/db';
import {
  createRegistrationLink,
  registerPlatformByHand,
  removePlatform,
  rotateToolKeys,
} from '@/lib/server/lti/admin';
import { syncRoster } from '@/lib/server/lti/roster';
import { requireUser } from '@/lib/server/session';
import { runAction } from './run-action';

// The LMS (LTI 1.3) actions: the admin's settings (Admin → LMS) and a teacher's roster sync.
// Each asks who is signed in; the server functions check that they may (the admin; the class's
// teacher).

const nothing = z.object({});

export async function registerPlatformAction(input: z.input<typeof platformSchema>) {
  return runAction(platformSchema, input, async (data) => {
    const user = await requireUser();
    const saved = await registerPlatformByHand(db, { ...data, userId: user.id });
    revalidatePath('/admin/lti');
    return saved;
  });
}

export async function removePlatformAction(input: z.input<typeof platformRef>) {
  return runAction(platformRef, input, async ({ platformId }) => {
    const user = await requireUser();
    await removePlatform(db, { userId: user.id, platformId });
    revalidatePath('/admin/lti');
  });
}

export async function createRegistrationLinkAction() {
  return runAction(nothing, {}, async () => {
    const user = await requireUser();
    const link = await createRegistrationLink(db, { userId: user.id });
    revalidatePath('/admin/lti');
    return link;
  });
}

export async function rotateKeysAction() {
  return runAction(nothing, {}, async () => {
    const user = await requireUser();
    const key = await rotateToolKeys(db, { userId: user.id });
    revalidatePath('/admin/lti');
    return key;
  });
}

export async function syncRosterAction(input: z.input<typeof classRef>) {
  return runAction(classRef, input, async ({ classId }) => {
    const user = await requireUser();
    const result = await syncRoster(db, { userId: user.id, classId });
    revalidatePath(`/classes/${classId}`);
    return result;
  });
}

'use server';

import type { z } from 'zod';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { MapAccess } from '@/lib/domain/people';
import type { ActionResult } from '@/lib/errors';
import { mapRef } from '@/lib/schemas/map';
import {
  changeRoleSchema,
  inviteSchema,
  joinSchema,
  memberRef,
  roleLinkRef,
  roleLinkSchema,
} from '@/lib/schemas/members';
import { db } from '@/lib/server/db';
import {
  changeRole,
  inviteByEmail,
  leaveMap,
  listPeople,
  removeMember,
} from '@/lib/server/members';
import { requireUser } from '@/lib/server/session';
import {
  getOrCreateShareLink,
  joinViaLink,
  listShareLinks,
  revokeShareLink,
} from '@/lib/server/share-links';
import { formToObject, runAction } from './run-action';

// The Share dialog's and "My maps"' actions. Each one asks who is signed in and leaves every
// permission check to the server function it calls: nothing the browser says is trusted.

/** Who has access to the map and its active links (the owner's Share dialog). */
export async function listAccessAction(input: { mapId: string }) {
  return runAction(mapRef, input, async ({ mapId }): Promise<MapAccess> => {
    const user = await requireUser();
    const [people, links] = await Promise.all([
      listPeople(db, { userId: user.id, mapId }),
      listShareLinks(db, { userId: user.id, mapId }),
    ]);
    return { people, links };
  });
}

export async function inviteMemberAction(input: z.input<typeof inviteSchema>) {
  return runAction(inviteSchema, input, async (data) => {
    const user = await requireUser();
    return inviteByEmail(db, { ...data, userId: user.id });
  });
}

export async function changeRoleAction(input: z.input<typeof changeRoleSchema>) {
  return runAction(changeRoleSchema, input, async ({ mapId, userId, role }) => {
    const user = await requireUser();
    return changeRole(db, { userId: user.id, mapId, memberId: userId, role });
  });
}

export async function removeMemberAction(input: z.input<typeof memberRef>) {
  return runAction(memberRef, input, async ({ mapId, userId }) => {
    const user = await requireUser();
    await removeMember(db, { userId: user.id, mapId, memberId: userId });
    return null;
  });
}

/** A member leaves a map shared with them (from "My maps"). */
export async function leaveMapAction(input: { mapId: string }) {
  return runAction(mapRef, input, async ({ mapId }) => {
    const user = await requireUser();
    await leaveMap(db, { userId: user.id, mapId });
    revalidatePath('/maps');
    return null;
  });
}

/** Creates the map's link for a role, or (viewer link) changes what it shows. */
export async function createRoleLinkAction(input: z.input<typeof roleLinkSchema>) {
  return runAction(roleLinkSchema, input, async ({ mapId, role, ...options }) => {
    const user = await requireUser();
    return getOrCreateShareLink(db, { userId: user.id, mapId, role, options });
  });
}

/** Revokes the map's link for a role; the people who joined through it lose access. */
export async function revokeRoleLinkAction(input: z.input<typeof roleLinkRef>) {
  return runAction(roleLinkRef, input, async ({ mapId, role }) => {
    const user = await requireUser();
    return revokeShareLink(db, { userId: user.id, mapId, role });
  });
}

/**
 * Joins a map through a commenter or editor link (the form on /s/<token>), then opens it. Works
 * without scripts: the form posts here and the answer is a redirect or the page with the refusal.
 */
export async function joinMapAction(
  _prev: ActionResult<{ mapId: string }> | null,
  form: FormData,
): Promise<ActionResult<{ mapId: string }>> {
  const result = await runAction(joinSchema, formToObject(form), async ({ token }) => {
    const user = await requireUser();
    const { mapId } = await joinViaLink(db, { userId: user.id, token });
    return { mapId };
  });
  if (result.ok) {
    revalidatePath('/maps');
    redirect(`/maps/${encodeURIComponent(result.data.mapId)}`);
  }
  return result;
}

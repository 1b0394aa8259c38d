'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { truncate } from '@/lib/domain/text';
import type { ActionResult } from '@/lib/errors';
import type { EditImpact } from '@/lib/domain/reanchor';
import {
  createDebateSchema,
  debateRef,
  editDebateSchema,
  toNewDebate,
  type CreateDebateInput,
  type EditDebateInput,
} from '@/lib/schemas/debates';
import { previewDebateEdit, updateDebate } from '@/lib/server/classroom/debate-edit';
import { TITLE_MAX } from '@/lib/schemas/map';
import { createDebate, deleteDebate, requireDebateRead } from '@/lib/server/classroom/debates';
import { db } from '@/lib/server/db';
import { createMap } from '@/lib/server/maps';
import { requireUser } from '@/lib/server/session';
import { runAction } from './run-action';

/** Creates a debate from the form (a teacher only) and opens it. */
export async function createDebateAction(
  input: CreateDebateInput,
): Promise<ActionResult<{ id: string }>> {
  const result = await runAction(createDebateSchema, input, async (data) => {
    const user = await requireUser();
    return createDebate(db, { userId: user.id, debate: toNewDebate(data) });
  });
  if (result.ok) {
    revalidatePath('/debates');
    redirect(`/debates/${result.data.id}`);
  }
  return result;
}

/** Starts the signed-in person's own map on a debate they may read, and opens it. */
export async function startDebateMapAction(input: {
  debateId: string;
}): Promise<ActionResult<{ id: string }>> {
  const result = await runAction(debateRef, input, async ({ debateId }) => {
    const user = await requireUser();
    return db.$transaction(async (tx) => {
      const { debate } = await requireDebateRead(tx, user.id, debateId);
      return createMap(tx, {
        userId: user.id,
        debateId: debate.id,
        title: truncate(`Map: ${debate.motion}`, TITLE_MAX),
      });
    });
  });
  if (result.ok) {
    revalidatePath('/maps');
    redirect(`/maps/${result.data.id}`);
  }
  return result;
}

/** Deletes the teacher's own debate while nothing uses it. */
export async function deleteDebateAction(input: { debateId: string }) {
  return runAction(debateRef, input, async ({ debateId }) => {
    const user = await requireUser();
    await deleteDebate(db, { userId: user.id, debateId });
    revalidatePath('/debates');
    return null;
  });
}

/** What saving an edit of the teacher's own debate would do to the maps' quotes (nothing saved). */
export async function previewDebateEditAction(
  input: EditDebateInput,
): Promise<ActionResult<EditImpact>> {
  return runAction(editDebateSchema, input, async (data) => {
    const user = await requireUser();
    return previewDebateEdit(db, {
      userId: user.id,
      debateId: data.debateId,
      debate: toNewDebate(data),
    });
  });
}

/** Saves an edit of the teacher's own debate, re-anchoring every map's quotes; says what it did. */
export async function updateDebateAction(
  input: EditDebateInput,
): Promise<ActionResult<EditImpact>> {
  return runAction(editDebateSchema, input, async (data) => {
    const user = await requireUser();
    const impact = await updateDebate(db, {
      userId: user.id,
      debateId: data.debateId,
      debate: toNewDebate(data),
    });
    revalidatePath('/debates');
    revalidatePath(`/debates/${data.debateId}`);
    return impact;
  });
}

'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { ActionResult } from '@/lib/errors';
import {
  createMapSchema,
  importMapSchema,
  mapRef,
  renameMapSchema,
  shareTokenSchema,
} from '@/lib/schemas/map';
import { db } from '@/lib/server/db';
import { importMap } from '@/lib/server/import-map';
import { createMap, deleteMap, duplicateMap, renameMap } from '@/lib/server/maps';
import { requireUser } from '@/lib/server/session';
import { copySharedMap } from '@/lib/server/share-links';
import { formToObject, runAction } from './run-action';

export async function createMapAction(
  _prev: ActionResult<{ id: string }> | null,
  form: FormData,
): Promise<ActionResult<{ id: string }>> {
  const result = await runAction(createMapSchema, formToObject(form), async ({ title }) => {
    const user = await requireUser();
    return createMap(db, { userId: user.id, title });
  });
  if (result.ok) redirect(`/maps/${result.data.id}`);
  return result;
}

export async function renameMapAction(input: { mapId: string; title: string }) {
  return runAction(renameMapSchema, input, async ({ mapId, title }) => {
    const user = await requireUser();
    await renameMap(db, { userId: user.id, mapId, title });
    revalidatePath('/maps');
    return { title };
  });
}

export async function duplicateMapAction(input: { mapId: string }) {
  return runAction(mapRef, input, async ({ mapId }) => {
    const user = await requireUser();
    const copy = await duplicateMap(db, { userId: user.id, mapId });
    revalidatePath('/maps');
    return copy;
  });
}

export async function deleteMapAction(input: { mapId: string }) {
  return runAction(mapRef, input, async ({ mapId }) => {
    const user = await requireUser();
    await deleteMap(db, { userId: user.id, mapId });
    revalidatePath('/maps');
    return null;
  });
}

export async function copySharedMapAction(input: { token: string }) {
  return runAction(shareTokenSchema, input, async ({ token }) => {
    const user = await requireUser();
    const copy = await copySharedMap(db, { userId: user.id, token });
    revalidatePath('/maps');
    return copy;
  });
}

/** Creates a map from pasted or uploaded Argdown or AIF; opens it when it worked. */
export async function importMapAction(input: { format: string; text: string; title?: string }) {
  const result = await runAction(importMapSchema, input, async (data) => {
    const user = await requireUser();
    return importMap(db, { ...data, userId: user.id });
  });
  if (result.ok) {
    revalidatePath('/maps');
    redirect(`/maps/${result.data.id}`);
  }
  return result;
}

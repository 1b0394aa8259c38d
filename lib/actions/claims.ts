'use server';

import type { z } from 'zod';
import {
  addAnchorSchema,
  addClaimSchema,
  addLinkSchema,
  deleteClaimSchema,
  moveClaimSchema,
  removeAnchorSchema,
  removeLinkSchema,
  restoreClaimsSchema,
  updateClaimSchema,
} from '@/lib/schemas/map';
import { addAnchor, removeAnchor } from '@/lib/server/anchors';
import { addClaim, deleteClaim, moveClaim, restoreClaims, updateClaim } from '@/lib/server/claims';
import { db } from '@/lib/server/db';
import { addLink, removeLink } from '@/lib/server/links';
import { requireUser } from '@/lib/server/session';
import { runAction } from './run-action';

// The editor's writes, one per user gesture, saved as they happen.

export async function addClaimAction(input: z.input<typeof addClaimSchema>) {
  return runAction(addClaimSchema, input, async (data) =>
    addClaim(db, { ...data, userId: (await requireUser()).id }),
  );
}

export async function updateClaimAction(input: z.input<typeof updateClaimSchema>) {
  return runAction(updateClaimSchema, input, async (data) =>
    updateClaim(db, { ...data, userId: (await requireUser()).id }),
  );
}

export async function moveClaimAction(input: z.input<typeof moveClaimSchema>) {
  return runAction(moveClaimSchema, input, async (data) =>
    moveClaim(db, { ...data, userId: (await requireUser()).id }),
  );
}

export async function deleteClaimAction(input: z.input<typeof deleteClaimSchema>) {
  return runAction(deleteClaimSchema, input, async (data) =>
    deleteClaim(db, { ...data, userId: (await requireUser()).id }),
  );
}

export async function restoreClaimsAction(input: z.input<typeof restoreClaimsSchema>) {
  return runAction(restoreClaimsSchema, input, async (data) =>
    restoreClaims(db, { ...data, userId: (await requireUser()).id }),
  );
}

export async function addAnchorAction(input: z.input<typeof addAnchorSchema>) {
  return runAction(addAnchorSchema, input, async ({ exact, prefix, suffix, block, ...rest }) =>
    addAnchor(db, {
      ...rest,
      userId: (await requireUser()).id,
      selector: { exact, prefix, suffix },
      blockHint: block,
    }),
  );
}

export async function removeAnchorAction(input: z.input<typeof removeAnchorSchema>) {
  return runAction(removeAnchorSchema, input, async (data) => {
    await removeAnchor(db, { ...data, userId: (await requireUser()).id });
    return null;
  });
}

export async function addLinkAction(input: z.input<typeof addLinkSchema>) {
  return runAction(addLinkSchema, input, async (data) =>
    addLink(db, { ...data, userId: (await requireUser()).id }),
  );
}

export async function removeLinkAction(input: z.input<typeof removeLinkSchema>) {
  return runAction(removeLinkSchema, input, async (data) => {
    await removeLink(db, { ...data, userId: (await requireUser()).id });
    return null;
  });
}

import crypto from 'node:crypto';
import type { Stance } from '@/lib/domain/argument-tree';
import { byOrder, keyAt } from '@/lib/domain/order-keys';
import type { OpDraft, OpResult } from '@/lib/schemas/ops';
import { createAssignment } from '@/lib/server/classroom/assignments';
import { db } from '@/lib/server/db';
import { createMap } from '@/lib/server/maps';
import { applyOps } from '@/lib/server/ops/apply-ops';
import { seedAll } from '@/prisma/seed/factories';

export { db };

/** The seeded debate and its two theses (seeding is idempotent). */
export async function debate() {
  await seedAll(db);
  const d = await db.debate.findFirstOrThrow({
    where: { createdById: null },
    orderBy: { createdAt: 'asc' },
    include: { theses: { orderBy: { position: 'asc' }, include: { source: true } } },
  });
  return { debate: d, a: d.theses[0]!, b: d.theses[1]! };
}

export async function createUser(name = 'Student') {
  const id = crypto.randomUUID();
  return db.user.create({ data: { id, name, email: `${name.toLowerCase()}-${id}@example.org` } });
}

/** A user with a new map on the seeded debate. */
/**
 * The server's admin (a teacher), as the app keeps it: one per server. The test files share one
 * database, so an admin made by an earlier file is the admin here too.
 */
export async function theAdmin() {
  const admin = await db.user.findFirst({ where: { isAdmin: true } });
  if (admin) return admin;
  const made = await createUser('Admin');
  return db.user.update({
    where: { id: made.id },
    data: { isAdmin: true, accountKind: 'teacher' },
  });
}

export async function userWithMap(name = 'Owner') {
  const { a, b } = await debate();
  const user = await createUser(name);
  const map = await createMap(db, { userId: user.id, title: `${name}'s map` });
  return { user, map, a, b };
}

export type { OpDraft };

/** A refused operation, thrown so tests can `rejects.toMatchObject({ code })`. */
export class Refused extends Error {
  constructor(readonly result: Extract<OpResult, { ok: false }>) {
    super(result.message);
  }
  get code() {
    return this.result.code;
  }
  get current() {
    return this.result.current;
  }
  get retry() {
    return this.result.retry;
  }
}

/** Applies one operation as `userId` through the same path as the editor's requests. */
export async function apply(
  userId: string,
  mapId: string,
  draft: OpDraft,
  id = crypto.randomUUID(),
) {
  const { results } = await applyOps(db, { userId, mapId, ops: [{ ...draft, id }] });
  const result = results[0]!;
  if (!result.ok) throw new Refused(result);
  return result;
}

/** The order key for a new claim at `index` among the current siblings (default: last). */
export async function orderAt(
  mapId: string,
  thesisId: string,
  parentId: string | null,
  index?: number,
) {
  const siblings = (
    await db.claim.findMany({
      where: { mapId, thesisId, parentId, deletedAt: null },
      select: { id: true, orderKey: true },
    })
  )
    .map((c) => ({ id: c.id, order: c.orderKey }))
    .sort(byOrder);
  return keyAt(siblings, index ?? siblings.length);
}

export async function claim(
  userId: string,
  mapId: string,
  thesisId: string,
  parentId: string | null,
  stance: Stance,
  text: string,
  index?: number,
) {
  const claimId = crypto.randomUUID();
  const order = await orderAt(mapId, thesisId, parentId, index);
  await apply(userId, mapId, {
    kind: 'claim.add',
    claimId,
    thesisId,
    parentId,
    stance,
    text,
    order,
  });
  return db.claim.findUniqueOrThrow({ where: { id: claimId } });
}

/** An owner's map with one claim, "Sport opens doors", that carries a private note. */
export async function mapWithNote(opts: { owner: string; title: string; note: string }) {
  const { a } = await debate();
  const owner = await createUser(opts.owner);
  const map = await db.argumentMap.create({
    data: { title: opts.title, debateId: a.debateId, ownerId: owner.id },
  });
  const c = await claim(owner.id, map.id, a.id, null, 'pro', 'Sport opens doors');
  await apply(owner.id, map.id, {
    kind: 'claim.update',
    claimId: c.id,
    set: { note: opts.note },
    base: {},
  });
  return { owner, mapId: map.id, claimId: c.id, thesisId: a.id };
}

/** Every live claim of a map in a subtree (what a tab showing the map would send to delete). */
export async function subtreeOf(mapId: string, id: string): Promise<string[]> {
  const rows = await db.claim.findMany({
    where: { mapId, deletedAt: null },
    select: { id: true, parentId: true },
  });
  const out = [id];
  for (let i = 0; i < out.length; i++)
    out.push(...rows.filter((r) => r.parentId === out[i]).map((r) => r.id));
  return out;
}

/** Deletes a claim with everything beneath it, as the editor does; returns the deletion id. */
export async function remove(userId: string, mapId: string, claimId: string) {
  const id = crypto.randomUUID();
  await apply(
    userId,
    mapId,
    { kind: 'claim.delete', claimId, seen: await subtreeOf(mapId, claimId) },
    id,
  );
  return id;
}

const KOREAS = 'The two Koreas, however, have to start somewhere.';

/** Attaches a quote (by default a sentence of the first article). */
export async function quote(
  userId: string,
  mapId: string,
  claimId: string,
  sourceId: string,
  exact = KOREAS,
) {
  const r = await apply(userId, mapId, {
    kind: 'anchor.add',
    anchorId: crypto.randomUUID(),
    claimId,
    sourceId,
    exact,
    prefix: '',
    suffix: '',
  });
  return r.data as import('@/lib/domain/views').AnchorView;
}

/** A team assignment ("Olympic thaw", no due date) with `teamCount` teams on split sides. */
export function teamAssignment(opts: {
  teacherId: string;
  classId: string;
  debateId: string;
  teamCount: number;
}) {
  return createAssignment(db, {
    userId: opts.teacherId,
    classId: opts.classId,
    debateId: opts.debateId,
    title: 'Olympic thaw',
    instructions: '',
    dueAt: null,
    anonymous: false,
    mode: 'team',
    teamCount: opts.teamCount,
    sides: 'split',
  });
}

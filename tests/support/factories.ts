import crypto from 'node:crypto';
import type { Stance } from '@/lib/domain/argument-tree';
import { addClaim } from '@/lib/server/claims';
import { db } from '@/lib/server/db';
import { createMap } from '@/lib/server/maps';
import { seedAll } from '@/prisma/seed/factories';

export { db };

/** The seeded debate and its two theses (seeding is idempotent). */
export async function debate() {
  await seedAll(db);
  const d = await db.debate.findFirstOrThrow({
    include: { theses: { orderBy: { position: 'asc' }, include: { source: true } } },
  });
  return { debate: d, a: d.theses[0]!, b: d.theses[1]! };
}

export async function createUser(name = 'Student') {
  const id = crypto.randomUUID();
  return db.user.create({ data: { id, name, email: `${name.toLowerCase()}-${id}@example.org` } });
}

/** A user with a new map on the seeded debate. */
export async function userWithMap(name = 'Owner') {
  const { a, b } = await debate();
  const user = await createUser(name);
  const map = await createMap(db, { userId: user.id, title: `${name}'s map` });
  return { user, map, a, b };
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
  const id = crypto.randomUUID();
  await addClaim(db, { userId, mapId, id, place: { thesisId, parentId }, stance, text, index });
  return db.claim.findUniqueOrThrow({ where: { id } });
}

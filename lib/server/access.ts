import 'server-only';
import { appError } from '@/lib/error-words';
import { AppError } from '@/lib/errors';
import { isRecordId } from '@/lib/schemas/ids';
import { can, isRole, refusalFor, type Capability, type Role } from '@/lib/domain/capabilities';
import { archivedError, archivedMapAllows } from '@/lib/domain/classroom/archive';
import { Prisma } from '@/lib/generated/prisma/client';
import type { RawSql, Tx } from './db';

/**
 * A person's role in a map: owner, a member's role, or null (no access; or the map is missing).
 * The maps of a class's assignments are owned by its teacher; a teacher whose account is no
 * longer a teacher's only views them (lib/server/classroom/access.ts), and in an archived class
 * everyone only views them (lib/domain/classroom/archive.ts).
 */
export async function mapRole(
  tx: RawSql,
  userId: string | null,
  mapId: string,
): Promise<Role | null> {
  return (await mapStanding(tx, userId, mapId)).role;
}

/** The SQL condition "the map `mapId` (a value or a column) is the work of an archived class". */
export const archivedMapSql = (mapId: string | Prisma.Sql) => Prisma.sql`EXISTS (
  SELECT 1 FROM "assignment_work" aw JOIN "assignment" a ON a."id" = aw."assignmentId"
    JOIN "classroom" c ON c."id" = a."classId"
  WHERE aw."mapId" = ${mapId} AND c."archivedAt" IS NOT NULL)`;

/**
 * mapRole and why it is what it is: `archived` when the map is the work of an archived class
 * (everyone in it is then a viewer, and a refused write is told the class is archived). Check
 * `role` first: someone with no role is told nothing about the map.
 */
export async function mapStanding(
  tx: RawSql,
  userId: string | null,
  mapId: string,
): Promise<{ role: Role | null; archived: boolean }> {
  if (!userId) return { role: null, archived: false };
  const [row] = await tx.$queryRaw<
    {
      ownerId: string;
      role: string | null;
      formerTeacher: bigint | number | boolean;
      archived: bigint | number | boolean;
    }[]
  >`
    SELECT m."ownerId", mm."role", EXISTS (
      SELECT 1 FROM "assignment_work" aw JOIN "user" u ON u."id" = m."ownerId"
      WHERE aw."mapId" = m."id" AND u."accountKind" <> 'teacher') AS "formerTeacher",
      ${archivedMapSql(Prisma.raw('m."id"'))} AS "archived"
    FROM "argument_map" m
    LEFT JOIN "map_member" mm ON mm."mapId" = m."id" AND mm."userId" = ${userId}
    WHERE m."id" = ${mapId}`;
  if (!row) return { role: null, archived: false };
  const archived = Boolean(Number(row.archived));
  const role: Role | null =
    row.ownerId === userId
      ? Number(row.formerTeacher)
        ? 'viewer'
        : 'owner'
      : isRole(row.role)
        ? row.role
        : null;
  return { role: role && archived ? 'viewer' : role, archived };
}

/**
 * The map, if `userId` may do `capability` in it. Someone with no access at all is told the map
 * does not exist (its existence is not revealed); a member without the capability is told why
 * (in an archived class's map: that the class is archived).
 */
export async function requireMapAccess(
  tx: Tx,
  userId: string,
  mapId: string,
  capability: Capability,
) {
  const [map] = !isRecordId(mapId)
    ? []
    : await tx.$queryRaw<{ id: string; ownerId: string; debateId: string }[]>`
        SELECT "id", "ownerId", "debateId" FROM "argument_map" WHERE "id" = ${mapId}`;
  const { role, archived } = map
    ? await mapStanding(tx, userId, mapId)
    : { role: null, archived: false };
  if (!map || !role) throw appError('map.gone');
  if (archived && !archivedMapAllows(capability)) throw archivedError();
  if (!can(role, capability)) throw new AppError('FORBIDDEN', refusalFor(capability, role));
  return { ...map, role, archived };
}

/** The map a write is for, if `userId` may change it. */
export function requireMapWriter(tx: Tx, userId: string, mapId: string) {
  return requireMapAccess(tx, userId, mapId, 'map.edit');
}

export interface DebateParts {
  thesisIds: Set<string>;
  sourceIds: Set<string>;
}

// A debate's theses and sources never change once created, so they are read once per process.
const partsCache = new Map<string, DebateParts>();

/** The thesis and source ids of a debate (cached: they never change). */
export async function debateParts(sql: RawSql, debateId: string): Promise<DebateParts> {
  const cached = partsCache.get(debateId);
  if (cached) return cached;
  const theses = await sql.$queryRaw<{ id: string; sourceId: string }[]>`
    SELECT "id", "sourceId" FROM "thesis" WHERE "debateId" = ${debateId}`;
  const parts = {
    thesisIds: new Set(theses.map((t) => t.id)),
    sourceIds: new Set(theses.map((t) => t.sourceId)),
  };
  if (partsCache.size > 1000) partsCache.clear();
  partsCache.set(debateId, parts);
  return parts;
}

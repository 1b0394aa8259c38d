import 'server-only';
import type { AssignmentSummary } from '@/lib/domain/classroom/views';
import type { Tx } from '../db';
import { debateView } from '../debates';
import { sqlDate, sqlIn, sqlNumber } from '../ops/sql-rows';
import { releasedGradesFor } from './grades';
import { sideLabels } from './work-view';

/**
 * What the home page and My maps show of a person's classes: a teacher's classes, a student's
 * assignments with their own work. The first thing a class opens at the start of a lesson, so it
 * is read in plain statements (a handful, whatever the number of assignments; the debates' theses
 * come from the kept debates), not as Prisma queries, which cost more to plan than to run here.
 * Only what is the person's own is read: their classes, and the works they are a member of.
 */

/** A teacher's open classes (null for anyone else), and whether they are a student in one. */
export async function homeClasses(tx: Tx, userId: string) {
  const [account] = await tx.$queryRaw<{ accountKind: string; attends: unknown }[]>`
    SELECT u."accountKind", EXISTS (
        SELECT 1 FROM "class_member" cm JOIN "classroom" c ON c."id" = cm."classId"
        WHERE cm."userId" = u."id" AND c."archivedAt" IS NULL
      ) AS "attends"
    FROM "user" u WHERE u."id" = ${userId}`;
  const teaching =
    account?.accountKind === 'teacher'
      ? (
          await tx.$queryRaw<{ id: string; name: string; studentCount: unknown }[]>`
            SELECT c."id", c."name",
              (SELECT COUNT(*) FROM "class_member" cm WHERE cm."classId" = c."id") AS "studentCount"
            FROM "classroom" c WHERE c."teacherId" = ${userId} AND c."archivedAt" IS NULL
            ORDER BY c."createdAt" DESC`
        ).map((c) => ({ id: c.id, name: c.name, studentCount: sqlNumber(c.studentCount) ?? 0 }))
      : null;
  // SQLite answers 0 or 1, PostgreSQL a boolean.
  return { teaching, attends: Boolean(account?.attends) };
}

interface WorkRow {
  id: string;
  title: string;
  mode: string;
  round: unknown;
  dueAt: unknown;
  anonymous: unknown;
  debateId: string;
  classId: string;
  className: string;
  workCount: unknown;
  workId: string;
  mapId: string;
  workName: string;
  side: string;
}

/**
 * Every assignment a student has work in, across their classes, soonest due first; not those of
 * archived classes (they are under "Archived classes"), nor of a class they have left.
 */
export async function studentAssignments(tx: Tx, userId: string): Promise<AssignmentSummary[]> {
  const rows = await tx.$queryRaw<WorkRow[]>`
    SELECT a."id", a."title", a."mode", a."round", a."dueAt", a."anonymous", a."debateId",
      c."id" AS "classId", c."name" AS "className",
      (SELECT COUNT(*) FROM "assignment_work" x WHERE x."assignmentId" = a."id") AS "workCount",
      w."id" AS "workId", w."mapId", w."name" AS "workName", w."side"
    FROM "work_member" wm
    JOIN "assignment_work" w ON w."id" = wm."workId"
    JOIN "assignment" a ON a."id" = w."assignmentId"
    JOIN "classroom" c ON c."id" = a."classId"
    WHERE wm."userId" = ${userId} AND c."archivedAt" IS NULL
      AND EXISTS (SELECT 1 FROM "class_member" cm WHERE cm."classId" = c."id" AND cm."userId" = ${userId})
    ORDER BY a."id", w."id"
    LIMIT 100`;
  // One work per assignment (a student is in one work of each; the first, were they in two).
  const byAssignment = new Map<string, WorkRow>();
  for (const r of rows) if (!byAssignment.has(r.id)) byAssignment.set(r.id, r);
  const works = [...byAssignment.values()];
  if (works.length === 0) return [];

  const [mates, released, debates] = await Promise.all([
    tx.$queryRaw<{ workId: string; name: string; pseudonym: string | null }[]>`
      SELECT wm."workId", u."name", cm."pseudonym"
      FROM "work_member" wm
      JOIN "user" u ON u."id" = wm."userId"
      JOIN "assignment_work" w ON w."id" = wm."workId"
      JOIN "assignment" a ON a."id" = w."assignmentId"
      LEFT JOIN "class_member" cm ON cm."classId" = a."classId" AND cm."userId" = wm."userId"
      WHERE wm."workId" ${sqlIn(works.map((w) => w.workId))} AND wm."userId" <> ${userId}`,
    releasedGradesFor(tx, userId),
    Promise.all([...new Set(works.map((w) => w.debateId))].map((id) => debateView(tx, id))),
  ]);
  const theses = new Map(debates.flatMap((d) => (d ? [[d.id, d.theses] as const] : [])));

  const out = works.map((r): AssignmentSummary => {
    const anonymous = Boolean(r.anonymous);
    return {
      id: r.id,
      title: r.title,
      className: r.className,
      classId: r.classId,
      mode: r.mode,
      round: sqlNumber(r.round) ?? 1,
      dueAt: sqlDate(r.dueAt)?.toISOString() ?? null,
      workCount: sqlNumber(r.workCount) ?? 0,
      mine: {
        workId: r.workId,
        mapId: r.mapId,
        teamName: r.mode === 'team' ? r.workName : '',
        side: r.side,
        sideLabels: sideLabels(r.side, theses.get(r.debateId) ?? []),
        // Classmates by pseudonym in an anonymous assignment ("Classmate" for one who left).
        teammates: mates
          .filter((m) => m.workId === r.workId)
          .map((m) => (anonymous ? (m.pseudonym ?? 'Classmate') : m.name))
          .sort(),
        released: released.find((g) => g.workId === r.workId) ?? null,
      },
    };
  });
  const due = (a: AssignmentSummary) => (a.dueAt ? Date.parse(a.dueAt) : Number.MAX_SAFE_INTEGER);
  return out.sort((a, b) => due(a) - due(b) || a.title.localeCompare(b.title));
}

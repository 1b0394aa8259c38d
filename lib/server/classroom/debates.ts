import 'server-only';
import crypto from 'node:crypto';
import { AppError } from '@/lib/errors';
import type { NewDebate } from '@/lib/schemas/debates';
import type { Db, Tx } from '../db';
import { requireTeacher } from './access';
import type { DebateSummary } from '@/lib/domain/classroom/views';

/**
 * Debates teachers make from two pasted articles. A seeded debate (createdById null) is read by
 * everyone; a teacher's debate by that teacher and by the teacher and students of every class
 * with an assignment on it. Anyone else is told it does not exist.
 */

const MISSING = 'That debate does not exist, or it is not shared with you.';

/**
 * The debate, if `userId` (null: signed out) may read it; NOT_FOUND otherwise. `mine` says
 * whether they created it.
 */
export async function requireDebateRead(tx: Tx, userId: string | null, debateId: string) {
  const debate = await tx.debate.findUnique({
    where: { id: debateId },
    select: { id: true, motion: true, createdById: true },
  });
  if (!debate) throw new AppError('NOT_FOUND', MISSING);
  if (debate.createdById === null || debate.createdById === userId) {
    return { debate, mine: debate.createdById !== null };
  }
  if (userId) {
    const assigned = await tx.assignment.findFirst({
      where: {
        debateId,
        class: { OR: [{ teacherId: userId }, { members: { some: { userId } } }] },
      },
      select: { id: true },
    });
    if (assigned) return { debate, mine: false };
  }
  throw new AppError('NOT_FOUND', MISSING);
}

/** The debates `userId` may pick from: seeded ones first (oldest first), then their own, newest first. */
export async function listDebatesFor(tx: Tx, userId: string): Promise<DebateSummary[]> {
  const rows = await tx.debate.findMany({
    where: { OR: [{ createdById: null }, { createdById: userId }] },
    orderBy: { createdAt: 'asc' },
    select: {
      id: true,
      motion: true,
      createdAt: true,
      createdById: true,
      theses: { orderBy: { position: 'asc' }, select: { label: true } },
      _count: { select: { maps: true, assignments: true } },
    },
  });
  const summaries = rows.map((d): DebateSummary => ({
    id: d.id,
    motion: d.motion,
    thesisLabels: d.theses.map((t) => t.label),
    createdAt: d.createdAt.toISOString(),
    mine: d.createdById !== null,
    mapCount: d._count.maps,
    assignmentCount: d._count.assignments,
  }));
  return [...summaries.filter((d) => !d.mine), ...summaries.filter((d) => d.mine).reverse()];
}

/** A URL-safe name from text, with random letters so two debates never collide. */
function slugFor(text: string): string {
  const base = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  return `${base || 'debate'}-${crypto.randomBytes(5).toString('hex')}`;
}

/** Creates a teacher's debate: its two articles, the debate and its two theses, in one go. */
export async function createDebate(
  db: Db,
  opts: { userId: string; debate: NewDebate },
): Promise<{ id: string }> {
  const { userId, debate } = opts;
  return db.$transaction(async (tx) => {
    await requireTeacher(tx, userId);
    const sources: { id: string }[] = [];
    for (const side of debate.sides) {
      const s = side.source;
      sources.push(
        await tx.source.create({
          data: {
            slug: slugFor(s.title),
            title: s.title,
            authors: s.authors,
            publisher: s.publisher,
            publishedOn: s.publishedOn,
            url: s.url,
            licence: s.licence,
            licenceUrl: s.licenceUrl,
            blocks: s.blocks.map((b) => ({ type: b.type, text: b.text })),
            createdById: userId,
          },
          select: { id: true },
        }),
      );
    }
    return tx.debate.create({
      data: {
        slug: slugFor(debate.motion),
        motion: debate.motion,
        summary: debate.summary,
        createdById: userId,
        theses: {
          create: debate.sides.map((side, position) => ({
            position,
            label: side.label,
            text: side.thesis,
            sourceId: sources[position]!.id,
          })),
        },
      },
      select: { id: true },
    });
  });
}

/**
 * Deletes a teacher's own debate with its two articles, only while no map or assignment uses it
 * (their quotes point into the articles).
 */
export async function deleteDebate(db: Db, opts: { userId: string; debateId: string }) {
  return db.$transaction(async (tx) => {
    const { debate, mine } = await requireDebateRead(tx, opts.userId, opts.debateId);
    if (!mine)
      throw new AppError('FORBIDDEN', 'Only the teacher who created a debate can delete it.');
    const [maps, assignments] = await Promise.all([
      tx.argumentMap.count({ where: { debateId: debate.id } }),
      tx.assignment.count({ where: { debateId: debate.id } }),
    ]);
    if (maps + assignments > 0) {
      const uses = [
        maps ? `${maps} ${maps === 1 ? 'map' : 'maps'}` : '',
        assignments ? `${assignments} ${assignments === 1 ? 'assignment' : 'assignments'}` : '',
      ]
        .filter(Boolean)
        .join(' and ');
      throw new AppError(
        'CONFLICT',
        `This debate cannot be deleted: ${uses} use it. Delete ${maps + assignments === 1 ? 'it' : 'them'} first.`,
      );
    }
    const theses = await tx.thesis.findMany({
      where: { debateId: debate.id },
      select: { sourceId: true },
    });
    await tx.debate.delete({ where: { id: debate.id } });
    await tx.source.deleteMany({
      where: { id: { in: theses.map((t) => t.sourceId) }, createdById: opts.userId },
    });
  });
}

/** The classes a teacher can assign a debate to (not archived), by name. */
export async function listClassesToAssign(tx: Tx, userId: string) {
  return tx.classroom.findMany({
    where: { teacherId: userId, archivedAt: null },
    orderBy: { name: 'asc' },
    select: { id: true, name: true },
  });
}

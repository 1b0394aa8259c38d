import 'server-only';
import type { DebateView } from '@/lib/domain/views';
import { AppError } from '@/lib/errors';
import { requireDebateRead } from './classroom/debates';
import type { Tx } from './db';
import { toSourceView } from './row-views';
import { debateViews, sharedStore } from './shared-parts';

/** A debate row with what its view needs (a map's loader reads its debate with this). */
export const debateInclude = {
  theses: { orderBy: { position: 'asc' as const }, include: { source: true } },
};

type DebateRow = NonNullable<Awaited<ReturnType<typeof readDebateRow>>>;

function readDebateRow(tx: Tx, debateId: string) {
  return tx.debate.findUnique({ where: { id: debateId }, include: debateInclude });
}

export function toDebateView(d: DebateRow): DebateView {
  return {
    id: d.id,
    slug: d.slug,
    motion: d.motion,
    summary: d.summary,
    theses: d.theses.map((t) => ({
      id: t.id,
      position: t.position,
      label: t.label,
      text: t.text,
      source: toSourceView(t.source),
    })),
  };
}

/** The first debate seeded (never a teacher's), or null when none is seeded. */
export async function featuredDebateId(tx: Tx): Promise<string | null> {
  const first = await tx.debate.findFirst({
    where: { createdById: null },
    orderBy: { createdAt: 'asc' },
    select: { id: true },
  });
  return first?.id ?? null;
}

/**
 * A debate's view, the same for everyone who may read it: read once and kept until the debate is
 * edited (lib/server/shared-parts.ts). Null when there is no such debate. Check access first.
 */
export function debateView(tx: Tx, debateId: string): Promise<DebateView | null> {
  return debateViews.get(debateId, async () => {
    const row = await readDebateRow(tx, debateId);
    return row ? toDebateView(row) : null;
  });
}

const featured = sharedStore<string | null>(1);

/**
 * The debate the home page shows: the first one seeded (everyone may read a seeded debate, signed
 * in or not). Null when none is seeded.
 */
export async function getFeaturedDebate(tx: Tx): Promise<DebateView | null> {
  const id = await featured.get('', () => featuredDebateId(tx));
  const view = id ? await debateView(tx, id) : null;
  // Gone meanwhile (a database emptied under a running process, in tests): ask again next time.
  if (id && !view) featured.delete('');
  return view;
}

/**
 * A debate for someone who may read it (`userId` null: signed out), and whether they created it.
 * Access is checked here (requireDebateRead): anyone else is told it does not exist.
 */
export async function getDebate(
  tx: Tx,
  opts: { userId: string | null; debateId: string },
): Promise<{ debate: DebateView; mine: boolean }> {
  const { mine } = await requireDebateRead(tx, opts.userId, opts.debateId);
  const debate = await debateView(tx, opts.debateId);
  if (!debate) throw new AppError('NOT_FOUND', 'That debate does not exist.');
  return { debate, mine };
}

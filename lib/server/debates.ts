import 'server-only';
import type { DebateView } from '@/lib/domain/views';
import type { Tx } from './db';
import { toSourceView } from './row-views';

const debateInclude = {
  theses: { orderBy: { position: 'asc' as const }, include: { source: true } },
};

type DebateRow = NonNullable<Awaited<ReturnType<typeof loadDebateRow>>>;

function loadDebateRow(tx: Tx, where: { id: string } | { slug: string }) {
  return tx.debate.findUnique({ where, include: debateInclude });
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

/** The debate the home page shows: the first one seeded. Null when none is seeded. */
export async function getFeaturedDebate(tx: Tx): Promise<DebateView | null> {
  const id = await featuredDebateId(tx);
  return id ? getDebate(tx, id) : null;
}

export async function getDebate(tx: Tx, debateId: string): Promise<DebateView | null> {
  const row = await loadDebateRow(tx, { id: debateId });
  return row ? toDebateView(row) : null;
}

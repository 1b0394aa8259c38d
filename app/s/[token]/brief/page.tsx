import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { BriefView } from '@/components/brief/brief-view';
import { buildBrief } from '@/lib/domain/brief';
import { unlessMissing } from '@/lib/errors';
import { sideQuery, type Query } from '@/lib/schemas/query';
import { getSharedMap } from '@/lib/server/share-links';
import { withDb } from '@/lib/server/with-db';

export const metadata: Metadata = { title: 'Debate brief', robots: { index: false } };

export default async function SharedBriefPage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<Query>;
}) {
  const [{ token }, query] = await Promise.all([params, searchParams]);
  // ?side=1|2 (1 when absent); any other side is not found.
  const parsed = sideQuery.safeParse(query);
  if (!parsed.success) notFound();
  const { side } = parsed.data;
  const map = await unlessMissing(withDb(getSharedMap, { token }));
  const thesis = map?.debate.theses[side - 1];
  if (!map || !thesis) notFound();
  return <BriefView brief={buildBrief(map, thesis.id)} basePath={`/s/${token}`} side={side} />;
}

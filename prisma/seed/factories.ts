import fs from 'node:fs';
import path from 'node:path';
import type { PrismaClient } from '../../lib/generated/prisma/client';
import { debateSeedSchema, type DebateSeed } from '../../lib/schemas/source';

// Seed factories: used by the seed script, the integration tests and the e2e fixtures alike.

const DEBATES_DIR = path.join(__dirname, 'debates');

/** Every debate described in prisma/seed/debates/*.json, validated. */
export function readDebateSeeds(dir = DEBATES_DIR): DebateSeed[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const parsed = debateSeedSchema.safeParse(
        JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')),
      );
      if (!parsed.success) throw new Error(`${f}: ${parsed.error.message}`);
      return parsed.data;
    });
}

/** Creates a debate with its two sources and theses, unless one with that slug exists. */
export async function seedDebate(
  db: PrismaClient,
  seed: DebateSeed,
): Promise<{ id: string; created: boolean }> {
  const existing = await db.debate.findUnique({ where: { slug: seed.slug }, select: { id: true } });
  if (existing) return { id: existing.id, created: false };
  return db.$transaction(async (tx) => {
    const debate = await tx.debate.create({
      data: { slug: seed.slug, motion: seed.motion, summary: seed.summary ?? null },
    });
    for (const [position, thesis] of seed.theses.entries()) {
      const { blocks, publishedOn, ...source } = thesis.source;
      const row = await tx.source.upsert({
        where: { slug: source.slug },
        update: {},
        create: {
          ...source,
          standfirst: source.standfirst ?? null,
          authorsNote: source.authorsNote ?? null,
          dateNote: source.dateNote ?? null,
          licence: source.licence ?? null,
          licenceUrl: source.licenceUrl ?? null,
          publishedOn: publishedOn ? new Date(publishedOn) : null,
          blocks,
        },
      });
      await tx.thesis.create({
        data: {
          debateId: debate.id,
          position,
          label: thesis.label,
          text: thesis.text,
          sourceId: row.id,
        },
      });
    }
    return { id: debate.id, created: true };
  });
}

/** Seeds every debate file; safe to run on every start. */
export async function seedAll(db: PrismaClient): Promise<string[]> {
  const created: string[] = [];
  for (const seed of readDebateSeeds()) {
    if ((await seedDebate(db, seed)).created) created.push(seed.slug);
  }
  return created;
}

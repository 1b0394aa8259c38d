import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isWellFormed } from '@/lib/domain/text';
import { BROKEN_TEXT, renameMapSchema } from '@/lib/schemas/map';
import { applyOps } from '@/lib/server/ops/apply-ops';
import { duplicateMap, renameMap } from '@/lib/server/maps';
import { copySharedMap, getOrCreateShareLink } from '@/lib/server/share-links';
import { claim, createUser, db, userWithMap } from '../support/factories';

describe('ill-formed text', () => {
  it.each([
    ['a lone surrogate', 'half an emoji \uD83D here'],
    // PostgreSQL refuses NUL in text (SQLite keeps it): refused alike on both, never retried.
    ['a NUL character', 'a null \u0000 here'],
  ])('refuses %s in any claim field with a message, and saves nothing', async (_, broken) => {
    const { user, map, a } = await userWithMap();
    const c = await claim(user.id, map.id, a.id, null, 'pro', 'Fine');
    const { results } = await applyOps(db, {
      userId: user.id,
      mapId: map.id,
      ops: [
        {
          id: crypto.randomUUID(),
          kind: 'claim.add',
          claimId: crypto.randomUUID(),
          thesisId: a.id,
          parentId: null,
          stance: 'pro',
          text: broken,
          order: 'a1',
        },
        { id: crypto.randomUUID(), kind: 'claim.update', claimId: c.id, set: { note: broken } },
      ],
    });
    expect(results.map((r) => (r.ok ? 'ok' : r.message))).toEqual([BROKEN_TEXT, BROKEN_TEXT]);
    expect(await db.claim.count({ where: { mapId: map.id } })).toBe(1);
    expect(
      renameMapSchema.safeParse({ mapId: map.id, title: broken }).error?.issues[0]?.message,
    ).toBe(BROKEN_TEXT);
  });

  it('duplicates and copies a map whose title is 111 characters and an emoji', async () => {
    const { user, map } = await userWithMap();
    const title = `${'x'.repeat(111)} 🇰🇷`;
    await renameMap(db, { userId: user.id, mapId: map.id, title });
    const dup = await duplicateMap(db, { userId: user.id, mapId: map.id });
    const { token } = await getOrCreateShareLink(db, { userId: user.id, mapId: map.id });
    const reader = await createUser('Reader');
    const copy = await copySharedMap(db, { userId: reader.id, token });
    for (const id of [dup.id, copy.id]) {
      const saved = await db.argumentMap.findUniqueOrThrow({ where: { id } });
      expect(saved.title.length).toBeLessThanOrEqual(120);
      expect(isWellFormed(saved.title)).toBe(true);
      expect(saved.title.startsWith('Copy of xxx')).toBe(true);
    }
  });
});

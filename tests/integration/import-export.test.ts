import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { exportMap } from '@/lib/server/exports';
import { importMap } from '@/lib/server/import-map';
import { isWellFormed } from '@/lib/domain/text';
import { apply, claim, db, quote, userWithMap } from '../support/factories';
import { ownerView } from '../support/map-view';

async function richMap() {
  const { user, map, a, b } = await userWithMap('Exporter');
  const c1 = await claim(user.id, map.id, a.id, null, 'pro', 'Kim invited Moon');
  const c2 = await claim(user.id, map.id, a.id, c1.id, 'con', 'Invitations are cheap');
  const c3 = await claim(user.id, map.id, b.id, null, 'pro', 'Sanctions block projects');
  await quote(
    user.id,
    map.id,
    c1.id,
    a.sourceId,
    'might just have opened a path to real negotiations',
  );
  await apply(user.id, map.id, {
    kind: 'link.add',
    linkId: crypto.randomUUID(),
    fromClaimId: c3.id,
    target: { claimId: c2.id },
    stance: 'pro',
  });
  return { user, view: await ownerView(map.id) };
}

describe('export and import against the database', () => {
  it('exports each format, and Argdown and AIF re-import into an equal map', async () => {
    const { user, view } = await richMap();
    for (const format of ['argdown', 'aif'] as const) {
      const file = await exportMap(view, format);
      const copy = await importMap(db, { userId: user.id, format, text: String(file.body) });
      const again = await exportMap(await ownerView(copy.id), format);
      expect(String(again.body), format).toBe(String(file.body));
    }
    const md = await exportMap(view, 'markdown');
    expect(md.filename).toBe('exporters-map.md');
    const pdf = await exportMap(view, 'brief-pdf', { side: 1 });
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    await expect(exportMap(view, 'brief-pdf', { side: 3 })).rejects.toMatchObject({
      code: 'INVALID',
    });
    await expect(exportMap(view, 'docx')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('creates nothing from a file with a problem, and says where it is', async () => {
    const { user } = await userWithMap('Importer');
    const before = await db.argumentMap.count({ where: { ownerId: user.id } });
    const text =
      '[T1]: a\n  + [C1]: fine\n  + [C2]: quoted {"quotes": [{"source": "conversation-informal-diplomacy-koreas-2018", "exact": "not in the article"}]}\n';
    await expect(importMap(db, { userId: user.id, format: 'argdown', text })).rejects.toMatchObject(
      {
        code: 'INVALID',
        message: expect.stringContaining('line 3 (C2): the quote “not in the article” is not in'),
      },
    );
    await expect(
      importMap(db, { userId: user.id, format: 'aif', text: '{"nodes": [], "edges": [] }' }),
    ).rejects.toMatchObject({
      message: expect.stringContaining('found 0 root claims'),
    });
    expect(await db.argumentMap.count({ where: { ownerId: user.id } })).toBe(before);
  });

  it('cuts a long title between whole characters (119 letters and an emoji)', async () => {
    const { user } = await userWithMap('Long titles');
    const long = `${'x'.repeat(119)}🇰🇷`;
    const fromFile = `===\ntitle: "${long}"\n===\n\n[T1]: a\n  + [C1]: fine\n`;
    for (const opts of [{ text: fromFile }, { text: fromFile, title: long }]) {
      const { id } = await importMap(db, { userId: user.id, format: 'argdown', ...opts });
      const { title } = await db.argumentMap.findUniqueOrThrow({ where: { id } });
      expect(title).toBe('x'.repeat(119));
      expect(isWellFormed(title)).toBe(true);
    }
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDebateAction, startDebateMapAction } from '@/lib/actions/debates';
import type { CreateDebateInput } from '@/lib/schemas/debates';
import { deleteDebate, listDebatesFor, requireDebateRead } from '@/lib/server/classroom/debates';
import { getFeaturedDebate } from '@/lib/server/debates';
import { createMap } from '@/lib/server/maps';
import { claim, createUser, db, debate as seeded, quote } from '../support/factories';
import { actAs } from '../support/fake-session';
import { ownerView } from '../support/map-view';

// Debates a teacher makes from two pasted articles: who may create and read them, what is
// stored, and that quotes anchor in them as in the seeded articles.

vi.mock('@/lib/server/session', () => import('../support/fake-session'));
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));
// redirect() throws in Next; here it records where the action would go.
const redirects: string[] = [];
vi.mock('next/navigation', () => ({
  redirect: (to: string) => {
    redirects.push(to);
  },
  unstable_rethrow: () => {},
}));

afterEach(() => actAs(null));

async function teacher(name = 'Teacher') {
  const user = await createUser(name);
  return db.user.update({ where: { id: user.id }, data: { accountKind: 'teacher' } });
}

const ARTICLE_A = [
  'Share',
  'Sanctions have pushed the North to the table before, and they can again.',
  'Photo: Someone/AFP',
  'Talks without pressure have never produced a lasting deal on the peninsula.',
].join('\n\n');
const ARTICLE_B = 'Dialogue builds trust.\r\nTrust comes before disarmament.\r\nAdvertisement';

function form(overrides: Partial<CreateDebateInput> = {}): CreateDebateInput {
  return {
    motion: 'Pressure works better than talks',
    summary: '',
    label1: 'Pressure works',
    thesis1: 'Sanctions bring the North to negotiate.',
    title1: 'Why pressure works',
    authors1: 'Ann Author',
    publisher1: 'Example Times',
    date1: '2024-03-01',
    url1: 'https://example.org/pressure',
    licence1: 'CC BY 4.0',
    text1: ARTICLE_A,
    removed1: [0, 2],
    label2: 'Talks work',
    thesis2: 'Only dialogue builds the trust a deal needs.',
    title2: 'Why talks work',
    authors2: 'Bo Writer',
    publisher2: 'Example Post',
    date2: '',
    url2: 'https://example.org/talks',
    licence2: '',
    text2: ARTICLE_B,
    removed2: [2],
    ...overrides,
  };
}

async function created(teacherId: string, overrides: Partial<CreateDebateInput> = {}) {
  actAs(teacherId);
  const result = await createDebateAction(form(overrides));
  if (!result.ok) throw new Error(result.message);
  return result.data.id;
}

describe('creating a debate', () => {
  it('stores both articles with the kept paragraphs, the debate and its two theses', async () => {
    const t = await teacher();
    redirects.length = 0;
    const id = await created(t.id);
    expect(redirects).toEqual([`/debates/${id}`]);

    const row = await db.debate.findUniqueOrThrow({
      where: { id },
      include: { theses: { orderBy: { position: 'asc' }, include: { source: true } } },
    });
    expect(row).toMatchObject({ createdById: t.id, motion: 'Pressure works better than talks' });
    expect(row.summary).toBeNull();
    const [a, b] = row.theses;
    expect(a).toMatchObject({ position: 0, label: 'Pressure works' });
    expect(b).toMatchObject({ position: 1, label: 'Talks work' });
    expect(a!.source).toMatchObject({
      createdById: t.id,
      title: 'Why pressure works',
      authors: 'Ann Author',
      publisher: 'Example Times',
      url: 'https://example.org/pressure',
      licence: 'CC BY 4.0',
      licenceUrl: 'https://creativecommons.org/licenses/by/4.0/',
      publishedOn: new Date('2024-03-01T00:00:00Z'),
      blocks: [
        {
          type: 'paragraph',
          text: 'Sanctions have pushed the North to the table before, and they can again.',
        },
        {
          type: 'paragraph',
          text: 'Talks without pressure have never produced a lasting deal on the peninsula.',
        },
      ],
    });
    expect(b!.source).toMatchObject({
      publishedOn: null,
      licence: null,
      licenceUrl: null,
      blocks: [
        { type: 'paragraph', text: 'Dialogue builds trust.' },
        { type: 'paragraph', text: 'Trust comes before disarmament.' },
      ],
    });
    expect(a!.source.slug).not.toBe(b!.source.slug);

    // A second debate with the same motion and titles gets its own slugs.
    const again = await created(t.id);
    expect(again).not.toBe(id);

    // The home page keeps showing the seeded debate.
    const { debate: korea } = await seeded();
    expect((await getFeaturedDebate(db))?.id).toBe(korea.id);
    // A map started without a debate is still on the seeded one.
    const map = await createMap(db, { userId: t.id, title: 'Default' });
    expect((await db.argumentMap.findUniqueOrThrow({ where: { id: map.id } })).debateId).toBe(
      korea.id,
    );

    const list = await listDebatesFor(db, t.id);
    expect(list[0]).toMatchObject({ id: korea.id, mine: false });
    expect(list.filter((d) => d.mine).map((d) => d.id)).toEqual([again, id]);
    expect(list.find((d) => d.id === id)).toMatchObject({
      motion: 'Pressure works better than talks',
      thesisLabels: ['Pressure works', 'Talks work'],
      mapCount: 0,
      assignmentCount: 0,
    });
    // Another teacher's list does not show it.
    const other = await teacher('Other');
    expect((await listDebatesFor(db, other.id)).some((d) => d.id === id)).toBe(false);
  });

  it('accepts an article without a web address (pasted from print), stored as an empty one', async () => {
    const t = await teacher();
    const id = await created(t.id, { url1: '   ', url2: 'https://example.org/talks' });
    const theses = await db.thesis.findMany({
      where: { debateId: id },
      orderBy: { position: 'asc' },
      include: { source: true },
    });
    expect(theses.map((x) => x.source.url)).toEqual(['', 'https://example.org/talks']);
  });

  it('refuses a student, and a signed-out visitor', async () => {
    const student = await createUser('Student');
    actAs(student.id);
    const refused = await createDebateAction(form());
    expect(refused).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    actAs(null);
    expect(await createDebateAction(form())).toMatchObject({
      ok: false,
      code: 'UNAUTHENTICATED',
    });
  });

  it('refuses bad input with INVALID and the field it is about, saving nothing', async () => {
    const t = await teacher();
    actAs(t.id);
    const before = await db.debate.count();
    const cases: [Partial<CreateDebateInput>, string, RegExp][] = [
      [{ motion: '  ' }, 'motion', /Write the motion/],
      [{ label2: 'pressure WORKS' }, 'label2', /different names/],
      [{ url1: 'javascript:alert(1)' }, 'url1', /https:\/\/.*or leave it empty/],
      [{ url2: 'example.org/talks' }, 'url2', /https:\/\//],
      [{ date2: '1 March' }, 'date2', /year, month and day/],
      [{ text1: ' \n ' }, 'text1', /Paste the text/],
      [{ text2: 'x'.repeat(100_001) }, 'text2', /at most 100,000/],
      [{ text2: 'Line.\n'.repeat(501) }, 'text2', /at most 500/],
      [{ removed2: [0, 1, 2] }, 'text2', /at least one paragraph/],
      [{ thesis1: 'x'.repeat(501) }, 'thesis1', /under 500/],
    ];
    for (const [overrides, field, message] of cases) {
      const result = await createDebateAction(form(overrides));
      expect(result, field).toMatchObject({ ok: false, code: 'INVALID' });
      expect(!result.ok && result.fieldErrors?.[field]?.[0], field).toMatch(message);
    }
    expect(await db.debate.count()).toBe(before);
  });
});

describe('who may read a teacher’s debate', () => {
  it('the teacher, and the teacher and students of a class it is assigned to; no one else', async () => {
    const t = await teacher();
    const id = await created(t.id);
    const [stranger, otherTeacher, student, coTeacher] = await Promise.all([
      createUser('Stranger'),
      teacher('Other'),
      createUser('Pupil'),
      teacher('Co'),
    ]);
    const refused = { code: 'NOT_FOUND' };
    for (const who of [null, stranger.id, otherTeacher.id, student.id]) {
      await expect(requireDebateRead(db, who, id)).rejects.toMatchObject(refused);
    }
    expect(await requireDebateRead(db, t.id, id)).toMatchObject({ mine: true });
    // Seeded debates are everyone's.
    const { debate: korea } = await seeded();
    expect(await requireDebateRead(db, null, korea.id)).toMatchObject({ mine: false });
    await expect(requireDebateRead(db, t.id, 'no-such-debate')).rejects.toMatchObject(refused);

    // A class of another teacher with an assignment on it: its teacher and students may read.
    const cls = await db.classroom.create({ data: { name: '9B', teacherId: coTeacher.id } });
    await db.classMember.create({
      data: { classId: cls.id, userId: student.id, pseudonym: 'Owl' },
    });
    await db.assignment.create({
      data: { classId: cls.id, debateId: id, title: 'Round 1', mode: 'individual', rubric: '[]' },
    });
    expect(await requireDebateRead(db, student.id, id)).toMatchObject({ mine: false });
    expect(await requireDebateRead(db, coTeacher.id, id)).toMatchObject({ mine: false });
    await expect(requireDebateRead(db, stranger.id, id)).rejects.toMatchObject(refused);

    // Starting a map follows the same rule.
    actAs(stranger.id);
    expect(await startDebateMapAction({ debateId: id })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
    actAs(student.id);
    const started = await startDebateMapAction({ debateId: id });
    expect(started.ok).toBe(true);

    // Removed from the class: no longer.
    await db.classMember.delete({
      where: { classId_userId: { classId: cls.id, userId: student.id } },
    });
    await expect(requireDebateRead(db, student.id, id)).rejects.toMatchObject(refused);

    // In use, it cannot be deleted; not by another teacher at all.
    await expect(deleteDebate(db, { userId: otherTeacher.id, debateId: id })).rejects.toMatchObject(
      refused,
    );
    await expect(deleteDebate(db, { userId: t.id, debateId: id })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/1 map and 1 assignment use it/),
    });
  });

  it('deletes an unused debate of one’s own with its articles', async () => {
    const t = await teacher();
    const id = await created(t.id);
    const sourceIds = (await db.thesis.findMany({ where: { debateId: id } })).map(
      (x) => x.sourceId,
    );
    await deleteDebate(db, { userId: t.id, debateId: id });
    expect(await db.debate.findUnique({ where: { id } })).toBeNull();
    expect(await db.source.count({ where: { id: { in: sourceIds } } })).toBe(0);
  });
});

describe('quotes in a teacher’s articles', () => {
  it('anchor through the ops path exactly as in the seeded ones, and a passage not there is refused', async () => {
    const t = await teacher();
    const id = await created(t.id);
    actAs(t.id);
    const started = await startDebateMapAction({ debateId: id });
    if (!started.ok) throw new Error(started.message);
    const mapId = started.data.id;
    const view = await ownerView(mapId);
    expect(view.debate.id).toBe(id);
    const [a, b] = view.debate.theses;
    const c = await claim(t.id, mapId, a!.id, null, 'pro', 'Pressure has worked before');
    // Typed with straight quotes and a line break, still found.
    const anchor = await quote(
      t.id,
      mapId,
      c.id,
      a!.source.id,
      'Talks without pressure have never\nproduced a lasting deal',
    );
    expect(anchor).toMatchObject({
      sourceId: a!.source.id,
      block: 1,
      start: 0,
      exact: 'Talks without pressure have never produced a lasting deal',
    });
    const second = await quote(t.id, mapId, c.id, b!.source.id, 'Trust comes before');
    expect(second).toMatchObject({ block: 1, start: 0 });
    // Removed furniture is not part of the article.
    await expect(quote(t.id, mapId, c.id, a!.source.id, 'Someone/AFP')).rejects.toMatchObject({
      code: 'INVALID',
    });
    // Nor is an article of another debate.
    const { a: korea } = await seeded();
    await expect(
      quote(t.id, mapId, c.id, korea.sourceId, 'The two Koreas, however, have to start somewhere.'),
    ).rejects.toMatchObject({ code: 'INVALID' });
  });
});

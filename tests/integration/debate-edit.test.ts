import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createDebateAction,
  previewDebateEditAction,
  startDebateMapAction,
  updateDebateAction,
} from '@/lib/actions/debates';
import { isAnchored } from '@/lib/domain/reanchor';
import type { CreateDebateInput, EditDebateInput } from '@/lib/schemas/debates';
import { ARTICLES_TOPIC } from '@/lib/server/article-cache';
import { debateForEditing } from '@/lib/server/classroom/debate-edit';
import { memoryPubSub, pubsub, setPubSub, type BusMessage } from '@/lib/server/live/pubsub';
import { claim, createUser, db, debate as seeded, quote, remove } from '../support/factories';
import { actAs } from '../support/fake-session';
import { ownerView } from '../support/map-view';

// Editing a debate after it was made: only its creator may; the maps on it keep their quotes,
// found again in the new text, and one that is no longer there stays, flagged.

vi.mock('@/lib/server/session', () => import('../support/fake-session'));
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));
vi.mock('next/navigation', () => ({ redirect: () => {}, unstable_rethrow: () => {} }));

beforeAll(() => setPubSub(memoryPubSub()));
afterEach(() => actAs(null));

async function teacher(name = 'Teacher') {
  const user = await createUser(name);
  return db.user.update({ where: { id: user.id }, data: { accountKind: 'teacher' } });
}

const P1 = 'Sanctions have pushed the North to the table before, and they can again.';
const P2 = 'Talks without pressure have never produced a lasting deal on the peninsula.';
const P3 = 'Pressure must be kept up until the talks begin.';
const B1 = 'Dialogue builds trust between old enemies.';
const B2 = 'Trust comes before disarmament, never after it.';

const FORM: CreateDebateInput = {
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
  text1: [P1, P2, P3].join('\n\n'),
  removed1: [],
  label2: 'Talks work',
  thesis2: 'Only dialogue builds the trust a deal needs.',
  title2: 'Why talks work',
  authors2: 'Bo Writer',
  publisher2: 'Example Post',
  date2: '',
  url2: 'https://example.org/talks',
  licence2: '',
  text2: [B1, B2].join('\n\n'),
  removed2: [],
};

/** A teacher's debate with two maps on it (the teacher's and a student's), each quoting it. */
async function world() {
  const t = await teacher();
  actAs(t.id);
  const made = await createDebateAction(FORM);
  if (!made.ok) throw new Error(made.message);
  const debateId = made.data.id;
  // A class with an assignment on it, so a student and a co-teacher may read it.
  const student = await createUser('Student');
  const coTeacher = await teacher('Co');
  const cls = await db.classroom.create({ data: { name: '9B', teacherId: coTeacher.id } });
  await db.classMember.create({ data: { classId: cls.id, userId: student.id, pseudonym: 'Owl' } });
  await db.assignment.create({
    data: { classId: cls.id, debateId, title: 'Round 1', mode: 'individual', rubric: '[]' },
  });
  const maps: string[] = [];
  for (const who of [t.id, student.id]) {
    actAs(who);
    const started = await startDebateMapAction({ debateId });
    if (!started.ok) throw new Error(started.message);
    maps.push(started.data.id);
  }
  const view = await ownerView(maps[0]!);
  const [a, b] = view.debate.theses;
  const quoteIn = async (mapId: string, who: string, sourceId: string, exact: string) => {
    const c = await claim(
      who,
      mapId,
      sourceId === a!.source.id ? a!.id : b!.id,
      null,
      'pro',
      exact,
    );
    return quote(who, mapId, c.id, sourceId, exact);
  };
  return { t, student, coTeacher, debateId, maps, a: a!, b: b!, quoteIn };
}

const edit = (debateId: string, overrides: Partial<CreateDebateInput> = {}): EditDebateInput => ({
  ...FORM,
  debateId,
  ...overrides,
});

const anchorRow = (id: string) => db.anchor.findUniqueOrThrow({ where: { id } });

describe('editing a debate', () => {
  it('re-anchors every quote of every map: kept, moved with its text, or kept and flagged', async () => {
    const w = await world();
    const kept = await w.quoteIn(
      w.maps[0]!,
      w.t.id,
      w.a.source.id,
      'pushed the North to the table',
    );
    const moved = await w.quoteIn(w.maps[1]!, w.student.id, w.a.source.id, 'a lasting deal');
    const lost = await w.quoteIn(w.maps[1]!, w.student.id, w.a.source.id, 'until the talks begin');
    const lostToo = await w.quoteIn(w.maps[0]!, w.t.id, w.a.source.id, 'until the talks begin');
    const other = await w.quoteIn(w.maps[0]!, w.t.id, w.b.source.id, 'Trust comes before');
    // A quote of a claim in the Trash is moved too, but not counted for the teacher.
    const trashed = await w.quoteIn(w.maps[1]!, w.student.id, w.a.source.id, 'never produced');
    await remove(w.student.id, w.maps[1]!, trashed.claimId);

    const input = edit(w.debateId, {
      motion: 'Pressure works better than talks, for now',
      label1: 'Pressure still works',
      thesis2: 'Only dialogue builds trust.',
      title1: 'Why pressure still works',
      authors1: 'Ann Author and Cy Writer',
      // P2 gains words before the quote and a paragraph above it; P3 is gone.
      text1: [P1, '## A new heading', `In short: ${P2}`].join('\n\n'),
      text2: `Dialogue builds trust.\n\n${B2}`,
      url2: '',
    });
    actAs(w.t.id);
    const preview = await previewDebateEditAction(input);
    expect(preview).toMatchObject({
      ok: true,
      data: {
        moved: { quotes: 1, maps: 1 },
        lost: { quotes: 2, maps: 2 },
        kept: { quotes: 2, maps: 1 },
        lostExamples: [{ exact: 'until the talks begin', maps: 2 }],
      },
    });
    // A preview saves nothing.
    expect((await db.debate.findUniqueOrThrow({ where: { id: w.debateId } })).motion).toBe(
      FORM.motion,
    );
    expect(await anchorRow(moved.id)).toMatchObject({ block: 1 });

    const saved = await updateDebateAction(input);
    expect(saved).toEqual(preview);

    // What the debate says now, everywhere it is read.
    const view = await ownerView(w.maps[1]!);
    expect(view.debate.motion).toBe('Pressure works better than talks, for now');
    const [a, b] = view.debate.theses;
    expect(a).toMatchObject({ label: 'Pressure still works' });
    expect(a!.source).toMatchObject({
      title: 'Why pressure still works',
      authors: 'Ann Author and Cy Writer',
      blocks: [
        { type: 'paragraph', text: P1 },
        { type: 'heading', text: 'A new heading' },
        { type: 'paragraph', text: `In short: ${P2}` },
      ],
    });
    expect(b).toMatchObject({ text: 'Only dialogue builds trust.', source: { url: '' } });

    // The moved quote's place is where its words now are; the kept ones did not move.
    const blocksA = a!.source.blocks;
    expect(await anchorRow(moved.id)).toMatchObject({ block: 2, exact: 'a lasting deal' });
    expect(isAnchored(await anchorRow(moved.id), blocksA)).toBe(true);
    expect(await anchorRow(kept.id)).toMatchObject({ block: kept.block, start: kept.start });
    expect(isAnchored(await anchorRow(other.id), b!.source.blocks)).toBe(true);
    expect(isAnchored(await anchorRow(trashed.id), blocksA)).toBe(true);
    // The lost quotes stay, with their words, pointing nowhere: every reader sees them flagged.
    for (const q of [lost, lostToo]) {
      const row = await anchorRow(q.id);
      expect(row).toMatchObject({ exact: 'until the talks begin', start: 0, end: 0 });
      expect(isAnchored(row, blocksA)).toBe(false);
    }
    expect(view.anchors.map((x) => x.id).sort()).toEqual([moved.id, lost.id].sort());

    // Quotes are checked against the new text at once (nothing cached from before the edit).
    const c = await claim(w.student.id, w.maps[1]!, a!.id, null, 'pro', 'New');
    expect(
      await quote(w.student.id, w.maps[1]!, c.id, a!.source.id, 'A new heading'),
    ).toMatchObject({ block: 1, start: 0 });
    await expect(
      quote(w.student.id, w.maps[1]!, c.id, a!.source.id, 'Pressure must be kept up'),
    ).rejects.toMatchObject({ code: 'INVALID' });

    // Put back, the lost quotes are found again (and the one of the new heading is lost).
    const again = await updateDebateAction(edit(w.debateId));
    expect(again).toMatchObject({
      ok: true,
      data: {
        lost: { quotes: 1, maps: 1 },
        lostExamples: [{ exact: 'A new heading', maps: 1 }],
      },
    });
    expect(
      isAnchored(
        await anchorRow(lost.id),
        (await ownerView(w.maps[1]!)).debate.theses[0]!.source.blocks,
      ),
    ).toBe(true);
  });

  it('tells every app server to read the articles again, and every open map of the debate', async () => {
    const w = await world();
    const heard: BusMessage[] = [];
    const stops = [ARTICLES_TOPIC, ...w.maps].map((topic) =>
      pubsub().subscribe(topic, (m) => void heard.push(m)),
    );
    actAs(w.t.id);
    expect(await updateDebateAction(edit(w.debateId, { thesis1: 'Changed.' }))).toMatchObject({
      ok: true,
    });
    stops.forEach((stop) => stop());
    expect(heard).toEqual([
      { type: 'articles', sourceIds: [w.a.source.id, w.b.source.id] },
      { type: 'debate-edited' },
      { type: 'debate-edited' },
    ]);
  });

  it('is for the teacher who made it only: not the seeded ones, not students, not other teachers', async () => {
    const w = await world();
    const other = await teacher('Other');
    const before = await db.debate.findUniqueOrThrow({
      where: { id: w.debateId },
      include: { theses: { include: { source: true } } },
    });
    const changed = edit(w.debateId, { motion: 'Hijacked', text1: 'Nothing of the original.' });
    const refusals: [string | null, string, RegExp][] = [
      [w.student.id, 'FORBIDDEN', /Only the teacher who created/],
      [w.coTeacher.id, 'FORBIDDEN', /Only the teacher who created/],
      [other.id, 'NOT_FOUND', /does not exist/],
      [null, 'UNAUTHENTICATED', /./],
    ];
    for (const [who, code, message] of refusals) {
      actAs(who);
      for (const action of [previewDebateEditAction, updateDebateAction]) {
        const result = await action(changed);
        expect(result, `${who} ${action.name}`).toMatchObject({ ok: false, code });
        expect(!result.ok && result.message).toMatch(message);
      }
    }
    // Nor can the page's form be read by them.
    await expect(
      debateForEditing(db, { userId: w.student.id, debateId: w.debateId }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(
      (await debateForEditing(db, { userId: w.t.id, debateId: w.debateId })).values,
    ).toMatchObject({
      motion: FORM.motion,
      text1: FORM.text1,
      date1: '2024-03-01',
      date2: '',
      licence2: '',
    });

    // The seeded debate is no one's to edit, a teacher's or the admin's.
    const { debate: korea } = await seeded();
    actAs(w.t.id);
    expect(await updateDebateAction(edit(korea.id))).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
      message: expect.stringMatching(/example debates cannot be edited/),
    });
    // A creator made a student by the admin keeps the debate, read-only.
    await db.user.update({ where: { id: w.t.id }, data: { accountKind: 'student' } });
    expect(await updateDebateAction(changed)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    await db.user.update({ where: { id: w.t.id }, data: { accountKind: 'teacher' } });

    // Bad input is INVALID with its field, and nothing was changed by any of it.
    const bad = await updateDebateAction(
      edit(w.debateId, { text2: '  ', label2: 'PRESSURE WORKS' }),
    );
    expect(bad).toMatchObject({ ok: false, code: 'INVALID' });
    expect(!bad.ok && Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(['label2', 'text2']);
    expect(
      await db.debate.findUniqueOrThrow({
        where: { id: w.debateId },
        include: { theses: { include: { source: true } } },
      }),
    ).toEqual(before);
  });
});

import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as getEvents } from '@/app/api/maps/[mapId]/events/route';
import { GET as getMarks } from '@/app/api/maps/[mapId]/marks/route';
import { addMarkAction, resolveMarkAction } from '@/lib/actions/marks';
import type { MarkKind } from '@/lib/domain/marks';
import { assignmentDashboard } from '@/lib/server/classroom/dashboard';
import { memoryPubSub, pubsub, setPubSub, type BusMessage } from '@/lib/server/live/pubsub';
import { addMark, listMarks, resolveMark } from '@/lib/server/marks';
import { inviteByEmail } from '@/lib/server/members';
import { classTeam } from '../support/class-team';
import { apply, claim, createUser, db, remove, userWithMap } from '../support/factories';
import { actAs, headersFor } from '../support/fake-session';

// Marks for review (lib/server/marks.ts): who may mark, who sees, who resolves; the live "marks
// changed" message; the dashboard's count.
vi.mock('@/lib/server/session', () => import('../support/fake-session'));
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));

beforeAll(() => setPubSub(memoryPubSub()));
afterEach(() => actAs(null));

/** A personal map: its owner, an editor who wrote a claim, a commenter, a viewer, a stranger. */
async function roles() {
  const { user: owner, map, a } = await userWithMap('Olive');
  const people = Object.fromEntries(
    await Promise.all(
      (['editor', 'other', 'commenter', 'viewer'] as const).map(async (r) => {
        const u = await createUser(r);
        const role = r === 'other' ? 'editor' : r;
        await inviteByEmail(db, { userId: owner.id, mapId: map.id, email: u.email, role });
        return [r, u] as const;
      }),
    ),
  );
  const stranger = await createUser('Stranger');
  const written = await claim(people.editor!.id, map.id, a.id, null, 'pro', 'Talks can start');
  return {
    owner,
    editor: people.editor!,
    other: people.other!,
    commenter: people.commenter!,
    viewer: people.viewer!,
    stranger,
    mapId: map.id,
    thesisId: a.id,
    claimId: written.id,
  };
}

const mark = (userId: string, mapId: string, claimId: string, kind: MarkKind = 'unclear') =>
  addMark(db, { userId, mapId, claimId, kind, explanation: 'Which talks?' });

describe('who may mark a claim', () => {
  it('refuses commenters and viewers with a reason, and does not show strangers the map', async () => {
    const w = await roles();
    for (const who of [w.commenter, w.viewer]) {
      await expect(mark(who.id, w.mapId, w.claimId)).rejects.toMatchObject({
        code: 'FORBIDDEN',
        message: 'Only the map’s owner and its editors can mark claims for review.',
      });
    }
    await expect(mark(w.stranger.id, w.mapId, w.claimId)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await db.claimMark.count({ where: { mapId: w.mapId } })).toBe(0);
  });

  it('lets the owner and another editor mark, once per kind, and nobody their own claim', async () => {
    const w = await roles();
    const byOwner = await mark(w.owner.id, w.mapId, w.claimId);
    expect(byOwner).toMatchObject([
      { kind: 'unclear', explanation: 'Which talks?', canResolve: true },
    ]);
    await expect(mark(w.other.id, w.mapId, w.claimId)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'This claim is already marked “Unclear”.',
    });
    const both = await mark(w.other.id, w.mapId, w.claimId, 'needs-quote');
    expect(both.map((m) => m.kind)).toEqual(['unclear', 'needs-quote']);
    await expect(mark(w.editor.id, w.mapId, w.claimId, 'duplicate')).rejects.toMatchObject({
      code: 'INVALID',
    });
  });

  it('refuses a deleted claim, and a claim of another map', async () => {
    const w = await roles();
    const elsewhere = await userWithMap('Elsewhere');
    const other = await claim(
      elsewhere.user.id,
      elsewhere.map.id,
      elsewhere.a.id,
      null,
      'pro',
      'X',
    );
    await expect(mark(w.owner.id, w.mapId, other.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await remove(w.editor.id, w.mapId, w.claimId);
    await expect(mark(w.owner.id, w.mapId, w.claimId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('checks what the browser sends: a kind of its own, an explanation of at most 500 characters', async () => {
    const w = await roles();
    actAs(w.owner.id);
    const base = { mapId: w.mapId, claimId: w.claimId };
    expect(await addMarkAction({ ...base, kind: 'rude' as never })).toMatchObject({
      ok: false,
      code: 'INVALID',
      message: 'Choose what the claim needs.',
    });
    expect(
      await addMarkAction({ ...base, kind: 'unclear', explanation: 'x'.repeat(501) }),
    ).toMatchObject({ ok: false, message: 'An explanation is at most 500 characters.' });
    expect(await addMarkAction({ ...base, kind: 'unclear', mapId: 'bad id' })).toMatchObject({
      code: 'INVALID',
    });
    const ok = await addMarkAction({ ...base, kind: 'off-topic', explanation: '  Stay on it  ' });
    expect(ok).toMatchObject({
      ok: true,
      data: [{ kind: 'off-topic', explanation: 'Stay on it' }],
    });
    actAs(w.viewer.id);
    expect(await addMarkAction({ ...base, kind: 'unclear' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
  });
});

describe('who sees marks', () => {
  it('shows the owner and editors, never commenters or viewers (the route as well)', async () => {
    const w = await roles();
    await mark(w.owner.id, w.mapId, w.claimId);
    const read = (userId: string) => listMarks(db, { userId, mapId: w.mapId });
    expect(await read(w.editor.id)).toMatchObject([
      { forMe: true, canResolve: true, byName: 'Olive' },
    ]);
    expect(await read(w.other.id)).toMatchObject([{ forMe: false, canResolve: false }]);
    expect(await read(w.commenter.id)).toBeNull();
    expect(await read(w.viewer.id)).toBeNull();
    await expect(read(w.stranger.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const route = async (userId: string | null) => {
      const request = new Request(`http://localhost:3000/api/maps/${w.mapId}/marks`, {
        headers: headersFor(userId),
      });
      const res = await getMarks(request, { params: Promise.resolve({ mapId: w.mapId }) });
      return `${res.status} ${await res.text()}`;
    };
    expect(await route(w.viewer.id)).toBe('200 {"marks":null}');
    expect(await route(w.editor.id)).toContain('Which talks?');
    expect(await route(null)).toMatch(/^401/);
  });

  it('names the marker as the reader is shown people: "Teacher" to an anonymous student', async () => {
    const w = await classTeam({ anonymous: true });
    await addMark(db, {
      userId: w.teacher.id,
      mapId: w.mapId,
      claimId: w.claimId,
      kind: 'unsupported',
      explanation: '',
    });
    const [seen] = (await listMarks(db, { userId: w.ana.id, mapId: w.mapId }))!;
    expect(seen).toMatchObject({ byName: 'Teacher', forMe: true });
    const [teacherView] = (await listMarks(db, { userId: w.teacher.id, mapId: w.mapId }))!;
    expect(teacherView!.byName).toBe('Rivera');
  });

  it('hides the marks of a claim while it is in the Trash, and shows them again when restored', async () => {
    const w = await roles();
    await mark(w.owner.id, w.mapId, w.claimId);
    const deletionId = await remove(w.editor.id, w.mapId, w.claimId);
    expect(await listMarks(db, { userId: w.owner.id, mapId: w.mapId })).toEqual([]);
    await apply(w.editor.id, w.mapId, { kind: 'claim.restore', deletionId });
    expect(await listMarks(db, { userId: w.owner.id, mapId: w.mapId })).toHaveLength(1);
  });
});

describe('resolving a mark', () => {
  it('lets the author resolve it; another editor may not clear it', async () => {
    const w = await roles();
    const [m] = await mark(w.owner.id, w.mapId, w.claimId);
    await expect(resolveMark(db, { userId: w.other.id, markId: m!.id })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message:
        'Only the claim’s author, whoever marked it, or the map’s owner can clear this mark.',
    });
    for (const who of [w.commenter, w.viewer]) {
      await expect(resolveMark(db, { userId: who.id, markId: m!.id })).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
    }
    await expect(resolveMark(db, { userId: w.stranger.id, markId: m!.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await resolveMark(db, { userId: w.editor.id, markId: m!.id })).marks).toEqual([]);
    const row = await db.claimMark.findUniqueOrThrow({ where: { id: m!.id } });
    expect(row.resolvedById).toBe(w.editor.id);
    // Twice is harmless.
    expect((await resolveMark(db, { userId: w.editor.id, markId: m!.id })).marks).toEqual([]);
  });

  it('lets whoever marked it and the owner clear it too', async () => {
    const w = await roles();
    const [m1] = await mark(w.other.id, w.mapId, w.claimId);
    await resolveMark(db, { userId: w.other.id, markId: m1!.id });
    const [m2] = await mark(w.other.id, w.mapId, w.claimId);
    await resolveMark(db, { userId: w.owner.id, markId: m2!.id });
    expect(await db.claimMark.count({ where: { mapId: w.mapId, resolvedAt: null } })).toBe(0);
  });

  it('answers an unknown or ill-formed mark id plainly, through the action too', async () => {
    const w = await roles();
    await expect(resolveMark(db, { userId: w.owner.id, markId: 'nope' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    actAs(w.owner.id);
    expect(await resolveMarkAction({ markId: '\u0000' })).toMatchObject({ code: 'INVALID' });
  });
});

describe('marks, live and counted', () => {
  it('tells the map’s topic that its marks changed, after each change', async () => {
    const w = await roles();
    const heard: BusMessage[] = [];
    const stop = pubsub().subscribe(w.mapId, (m) => heard.push(m));
    const [m] = await mark(w.owner.id, w.mapId, w.claimId);
    await resolveMark(db, { userId: w.owner.id, markId: m!.id });
    await mark(w.viewer.id, w.mapId, w.claimId).catch(() => {});
    stop();
    expect(heard).toEqual([{ type: 'marks' }, { type: 'marks' }]);
  });

  it('sends "marks" on the map’s live stream only to readers who may see them', async () => {
    const w = await roles();
    const watch = (userId: string) => {
      const abort = new AbortController();
      const request = new Request(`http://localhost:3000/api/maps/${w.mapId}/events?since=0`, {
        headers: headersFor(userId),
        signal: abort.signal,
      });
      let text = '';
      const opened = getEvents(request, { params: Promise.resolve({ mapId: w.mapId }) }).then(
        (res) => res.body!.getReader(),
      );
      const done = opened.then(async (reader) => {
        for (;;) {
          const chunk = await reader.read().catch(() => ({ done: true, value: undefined }));
          if (chunk.done) return;
          text += new TextDecoder().decode(chunk.value);
        }
      });
      const stop = async () => {
        abort.abort();
        await (await opened).cancel().catch(() => {});
        await done;
      };
      return { text: () => text, stop };
    };
    const [editor, viewer] = [watch(w.editor.id), watch(w.viewer.id)];
    await new Promise((r) => setTimeout(r, 300));
    await mark(w.owner.id, w.mapId, w.claimId);
    await new Promise((r) => setTimeout(r, 300));
    await Promise.all([editor.stop(), viewer.stop()]);
    expect(editor.text()).toContain('event: marks');
    expect(viewer.text()).not.toContain('event: marks');
    expect(viewer.text()).toContain('event: change'); // the viewer's stream was live all along
  });

  it('counts the open marks per work on the teacher’s dashboard', async () => {
    const w = await classTeam();
    const count = async () =>
      (await assignmentDashboard(db, w.teacher.id, w.assignment.id)).rows[0]!.openMarks;
    expect(await count()).toBe(0);
    const add = (kind: 'unclear' | 'duplicate') =>
      addMark(db, {
        userId: w.teacher.id,
        mapId: w.mapId,
        claimId: w.claimId,
        kind,
        explanation: '',
      });
    await add('unclear');
    const [, second] = await add('duplicate');
    expect(await count()).toBe(2);
    await resolveMark(db, { userId: w.ana.id, markId: second!.id });
    expect(await count()).toBe(1);
    await remove(w.ana.id, w.mapId, w.claimId);
    expect(await count()).toBe(0);
  });
});

import crypto from 'node:crypto';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PUT as putVote } from '@/app/api/maps/[mapId]/votes/route';
import { POST as postOps } from '@/app/api/maps/[mapId]/ops/route';
import { GET as getMap } from '@/app/api/maps/[mapId]/route';
import { GET as getChanges } from '@/app/api/maps/[mapId]/changes/route';
import { GET as getEvents } from '@/app/api/maps/[mapId]/events/route';
import { renameClassAction, removeStudentAction } from '@/lib/actions/classes';
import { deleteDebateAction, startDebateMapAction } from '@/lib/actions/debates';
import {
  copySharedMapAction,
  deleteMapAction,
  duplicateMapAction,
  importMapAction,
  renameMapAction,
} from '@/lib/actions/maps';
import { changeRoleAction, inviteMemberAction, removeMemberAction } from '@/lib/actions/members';
import { saveGradeAction } from '@/lib/actions/grades';
import { addMarkAction, resolveMarkAction } from '@/lib/actions/marks';
import { markNotificationsReadAction } from '@/lib/actions/notifications';
import { applyOps } from '@/lib/server/ops/apply-ops';
import { claim, createUser, db, quote, Refused, apply, userWithMap } from '../support/factories';
import { actAs, headersFor } from '../support/fake-session';

// Ids and tokens are input too: a reused id is refused, never a failure to retry for ever, and an
// id, token or title with a lone surrogate is refused with a message, never "went wrong".

vi.mock('@/lib/server/session', () => import('../support/fake-session'));
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));
vi.mock('next/navigation', async (original) => ({
  ...(await original<object>()),
  redirect: () => {},
}));

afterEach(() => actAs(null));

describe('reused ids', () => {
  it('refuses a quote or link id used in any map as CONFLICT, not UNEXPECTED', async () => {
    const first = await userWithMap('First');
    const c1 = await claim(first.user.id, first.map.id, first.a.id, null, 'pro', 'One');
    const c2 = await claim(first.user.id, first.map.id, first.b.id, null, 'pro', 'Two');
    const anchor = await quote(first.user.id, first.map.id, c1.id, first.a.sourceId);
    const link = await apply(first.user.id, first.map.id, {
      kind: 'link.add',
      linkId: crypto.randomUUID(),
      fromClaimId: c2.id,
      target: { claimId: c1.id },
      stance: 'con',
    });
    const linkId = (link.data as { id: string }).id;

    const other = await userWithMap('Other');
    const o1 = await claim(other.user.id, other.map.id, other.a.id, null, 'pro', 'Three');
    const o2 = await claim(other.user.id, other.map.id, other.b.id, null, 'pro', 'Four');
    const { results } = await applyOps(db, {
      userId: other.user.id,
      mapId: other.map.id,
      ops: [
        {
          id: crypto.randomUUID(),
          kind: 'anchor.add',
          anchorId: anchor.id,
          claimId: o1.id,
          sourceId: other.a.sourceId,
          exact: 'The two Koreas, however, have to start somewhere.',
        },
        {
          id: crypto.randomUUID(),
          kind: 'link.add',
          linkId,
          fromClaimId: o2.id,
          target: { claimId: o1.id },
          stance: 'con',
        },
        {
          id: crypto.randomUUID(),
          kind: 'claim.add',
          claimId: c1.id,
          thesisId: other.a.id,
          parentId: null,
          stance: 'pro',
          text: 'reused',
          order: 'a5',
        },
      ],
    });
    expect(results.map((r) => (r.ok ? 'ok' : [r.code, r.retry]))).toEqual([
      ['CONFLICT', false],
      ['CONFLICT', false],
      ['CONFLICT', false],
    ]);
    // The same map keeps working afterwards.
    await expect(quote(other.user.id, other.map.id, o1.id, other.a.sourceId)).resolves.toBeTruthy();
    await expect(
      apply(other.user.id, other.map.id, {
        kind: 'anchor.add',
        anchorId: anchor.id,
        claimId: o1.id,
        sourceId: other.a.sourceId,
        exact: 'The two Koreas, however, have to start somewhere.',
        prefix: '',
        suffix: '',
      }),
    ).rejects.toBeInstanceOf(Refused);
  });
});

/** A string with a lone surrogate somewhere in it. */
const illFormed = fc
  .tuple(
    fc.string({ maxLength: 20 }),
    fc.constantFrom('\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uD83D'),
    fc.string({ maxLength: 20 }),
  )
  .map(([a, s, b]) => `${a}${s}${b}`)
  .filter((s) => s.length <= 64);

describe('ill-formed ids, tokens and titles', () => {
  it('are refused by every server action with INVALID and a message', async () => {
    const { user, map } = await userWithMap('Actor');
    actAs(user.id);
    const good = map.id;
    const title = (await db.argumentMap.findUniqueOrThrow({ where: { id: good } })).title;
    const actions: ((bad: string) => Promise<{ ok: boolean; code?: string }>)[] = [
      (bad) => renameMapAction({ mapId: bad, title: 'Fine' }),
      (bad) => renameMapAction({ mapId: good, title: bad }),
      (bad) => duplicateMapAction({ mapId: bad }),
      (bad) => deleteMapAction({ mapId: bad }),
      (bad) => copySharedMapAction({ token: bad.padEnd(16, 'x') }),
      (bad) => importMapAction({ format: 'argdown', text: '[T1]: a\n  + [C]: b\n', title: bad }),
      (bad) => inviteMemberAction({ mapId: bad, email: 'x@example.org', role: 'viewer' }),
      (bad) => changeRoleAction({ mapId: good, userId: bad, role: 'editor' }),
      (bad) => removeMemberAction({ mapId: good, userId: bad }),
      (bad) => renameClassAction({ classId: bad, name: 'Class' }),
      (bad) => renameClassAction({ classId: 'c1', name: bad }),
      (bad) => removeStudentAction({ classId: 'c1', studentId: bad }),
      (bad) => startDebateMapAction({ debateId: bad }),
      (bad) => deleteDebateAction({ debateId: bad }),
      (bad) => saveGradeAction({ workId: bad, scores: {}, feedback: '' }),
      (bad) => saveGradeAction({ workId: 'w', scores: { [bad]: 1 }, feedback: '' }),
      (bad) => addMarkAction({ mapId: good, claimId: bad, kind: 'unclear' }),
      (bad) => addMarkAction({ mapId: good, claimId: 'c', kind: 'unclear', explanation: bad }),
      (bad) => resolveMarkAction({ markId: bad }),
      (bad) => markNotificationsReadAction({ ids: [bad] }),
    ];
    await fc.assert(
      fc.asyncProperty(
        illFormed,
        fc.integer({ min: 0, max: actions.length - 1 }),
        async (bad, i) => {
          const result = await actions[i]!(bad);
          expect(result.ok, `action ${i}`).toBe(false);
          expect(result.code, `action ${i}`).toBe('INVALID');
        },
      ),
      { numRuns: 80 },
    );
    expect((await db.argumentMap.findUniqueOrThrow({ where: { id: good } })).title).toBe(title);
  });

  it('are refused by the JSON routes with 400 (operations: each one INVALID), in ids as in text', async () => {
    const { user, map, a } = await userWithMap('Router');
    const c = await claim(user.id, map.id, a.id, null, 'pro', 'Rated');
    const put = (body: unknown) =>
      putVote(
        new Request(`http://localhost/api/maps/${map.id}/votes`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json', ...headersFor(user.id) },
          body: JSON.stringify(body),
        }),
        { params: Promise.resolve({ mapId: map.id }) },
      );
    const broken = await put({ claimId: '\ud800', impact: 2 });
    expect(broken.status).toBe(400);
    expect((await broken.json()).message).toMatch(/broken character/);
    expect((await put({ claimId: c.id, impact: 2 })).status).toBe(200);

    await fc.assert(
      fc.asyncProperty(
        illFormed,
        fc.constantFrom('claimId', 'thesisId', 'parentId', 'opId'),
        async (bad, field) => {
          const op = {
            id: field === 'opId' ? bad : crypto.randomUUID(),
            kind: 'claim.move',
            claimId: field === 'claimId' ? bad : c.id,
            thesisId: field === 'thesisId' ? bad : a.id,
            parentId: field === 'parentId' ? bad : null,
            order: 'a3',
          };
          const response = await postOps(
            new Request(`http://localhost/api/maps/${map.id}/ops`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', ...headersFor(user.id) },
              body: JSON.stringify({ ops: [op] }),
            }),
            { params: Promise.resolve({ mapId: map.id }) },
          );
          // One answer per operation, so a broken one never holds up the others.
          expect(response.status).toBe(200);
          const { results } = await response.json();
          expect(results[0]).toMatchObject({ ok: false, code: 'INVALID', retry: false });
        },
      ),
      { numRuns: 20 },
    );
    expect(await createUser('Still fine')).toBeTruthy();
  });

  it('in a URL (a map id in the path, a ?link= token) are an unknown map or link: 404, not 500', async () => {
    const { user, map } = await userWithMap('Addresses');
    const params = (mapId: string) => ({ params: Promise.resolve({ mapId }) });
    const signedIn = { headers: headersFor(user.id) };
    for (const bad of ['\u0000', 'a\u0000b', 'an emoji 🙂', 'x'.repeat(65)]) {
      const at = encodeURIComponent(bad);
      const answers = [
        await getMap(new Request(`http://localhost/api/maps/${at}`, signedIn), params(bad)),
        await getChanges(
          new Request(`http://localhost/api/maps/${at}/changes?since=0`, signedIn),
          params(bad),
        ),
        await getMap(new Request(`http://localhost/api/maps/${map.id}?link=${at}`), params(map.id)),
        await getEvents(
          new Request(`http://localhost/api/maps/${map.id}/events?since=0&link=${at}`),
          params(map.id),
        ),
      ];
      expect(answers.map((r) => r.status)).toEqual([404, 404, 404, 404]);
    }
  });
});

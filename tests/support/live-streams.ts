import type { AccessEnded } from '@/lib/domain/access-ended';
import type { Role } from '@/lib/domain/capabilities';
import { addClassMember, createClass, lockClass } from '@/lib/server/classroom/classes';
import type { LiveReader } from '@/lib/server/live/readers';
import { openMapStream } from '@/lib/server/live/stream';
import { createUser, db, debate, teamAssignment } from './factories';

// Live streams in integration tests: open one as a reader and read what it says.

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** An open stream of `mapId` for `reader`, read in the background. */
export function watch(
  reader: LiveReader,
  mapId: string,
  opts: { tabId?: string | null; seen?: string | null } = {},
) {
  const abort = new AbortController();
  const response = openMapStream(db, {
    mapId,
    reader,
    since: 0,
    tabId: opts.tabId ?? null,
    seen: opts.seen ?? null,
    signal: abort.signal,
  });
  if (!response) throw new Error('stream refused');
  const body = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let closed = false;
  void (async () => {
    for (;;) {
      const { value, done } = await body.read().catch(() => ({ value: undefined, done: true }));
      if (done) return void (closed = true);
      text += decoder.decode(value);
    }
  })();
  const access = () => {
    const e = text.split('\n\n').find((x) => x.startsWith('event: access'));
    return e ? (JSON.parse(e.split('data: ')[1]!) as AccessEnded) : null;
  };
  return {
    /** Waits up to `ms` for the stream to end; what it said, and whether it closed. */
    async ended(ms = 1000) {
      for (const t0 = Date.now(); !closed && Date.now() - t0 < ms;) await sleep(10);
      return { closed, access: access() };
    },
    stop: () => abort.abort(),
  };
}

/** A signed-in reader as the events route makes one (role as the page read it). */
export const user = (userId: string, role: Role, session?: string): LiveReader => ({
  kind: 'user',
  userId,
  name: 'Reader',
  role,
  session,
});

/** A teacher, a class of four students on the seeded debate, and a team assignment of two teams. */
export async function teamWorld() {
  const { debate: d } = await debate();
  const teacher = await createUser('Rivera');
  await db.user.update({ where: { id: teacher.id }, data: { accountKind: 'teacher' } });
  const { id: classId } = await createClass(db, { userId: teacher.id, name: 'Civics 9' });
  for (let i = 0; i < 4; i++) {
    const s = await createUser(`Student${i}`);
    await db.$transaction(async (tx) => {
      await lockClass(tx, classId);
      await addClassMember(tx, classId, s.id);
    });
  }
  const { id: assignmentId } = await teamAssignment({
    teacherId: teacher.id,
    classId,
    debateId: d.id,
    teamCount: 2,
  });
  const works = await db.assignmentWork.findMany({
    where: { assignmentId },
    include: { members: true },
    orderBy: { createdAt: 'asc' },
  });
  return { teacher, classId, assignmentId, works };
}

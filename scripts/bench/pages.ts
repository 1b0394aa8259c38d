/**
 * Page opens for the load test (scripts/bench/load.ts): the start of a lesson, when a class opens
 * the home page, their assignments, their maps and a shared map within a few seconds.
 *   - setup, straight in the database: a teacher; a class of `students` students with an
 *     anonymous individual assignment (each student's own map, ~20 claims); a class of 30 with an
 *     anonymous whole-class map (60 claims, notes) that also has a read-only link;
 *   - per page (home signed out, a student's home with their assignments, a student's own map,
 *     the shared map /s/<token>): server time (requests one at a time: p50, and the server's CPU
 *     per page), then pages/s with 8 requests in flight;
 *   - 30 students opening the class map at the same moment (three rounds), and 30 people opening
 *     its shared page at once;
 *   - `students` students opening their own map pages, each at a random moment within 10 s;
 *   - the same while as many other students write (1–2 s think time), through `writeMeanwhile`.
 * A page counts as an error when it does not answer 200 with the page's own text in it.
 */
import crypto from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { generateKeyBetween } from 'fractional-indexing';
import { createAssignment } from '@/lib/server/classroom/assignments';
import type { Db } from '@/lib/server/db';
import { createSessions } from './sessions';

interface Person {
  userId: string;
  cookie: string;
  /** Their own map (the individual assignment's), or the class map. */
  mapId: string;
  base: string;
}

export interface PageWorld {
  big: Person[];
  small: Person[];
  classMapId: string;
  classMapTitle: string;
  token: string;
  bases: string[];
}

export interface PageResult {
  latencies: number[];
  errors: Map<string, number>;
  bytes: number;
}

const rows = (n: number) => Array.from({ length: n }, (_, i) => i);

async function classWithStudents(db: Db, teacherId: string, label: string, count: number) {
  const run = crypto.randomBytes(3).toString('hex');
  const users = rows(count).map((i) => ({
    id: crypto.randomUUID(),
    name: `Page student ${label}-${i + 1}`,
    email: `page-${label.toLowerCase()}-${i + 1}-${run}@example.org`,
  }));
  await db.user.createMany({ data: users });
  const cls = await db.classroom.create({
    data: { name: `Class ${label} ${run}`, teacherId, timeZone: 'Europe/Berlin' },
  });
  await db.classMember.createMany({
    data: users.map((u, i) => ({ classId: cls.id, userId: u.id, pseudonym: `Pseudonym ${i + 1}` })),
  });
  return { cls, users };
}

/** `count` claims in a map, two levels deep, some with notes, written by `authors` in turn. */
async function fill(db: Db, mapId: string, theses: string[], count: number, authors: string[]) {
  let key: string | null = null;
  const top: { id: string; thesisId: string }[] = [];
  const data = rows(count).map((i) => {
    key = generateKeyBetween(key, null);
    const thesisId = theses[i % theses.length]!;
    const parent = i >= 6 && i % 3 !== 0 ? top[i % top.length] : undefined;
    const id = crypto.randomUUID();
    if (!parent) top.push({ id, thesisId });
    return {
      id,
      mapId,
      thesisId: parent?.thesisId ?? thesisId,
      parentId: parent?.id ?? null,
      stance: i % 4 === 1 ? 'con' : 'pro',
      text: `Claim ${i + 1}: the talks at the Olympics ${i % 2 ? 'open' : 'close'} a door for diplomacy`,
      note: i % 5 === 0 ? `Private note ${i + 1} on why this matters` : '',
      strength: (i % 5) + 1,
      orderKey: key,
      authorId: authors[i % authors.length]!,
    };
  });
  await db.claim.createMany({ data });
}

export async function setupPageWorld(
  db: Db,
  opts: { debateId: string; theses: string[]; students: number; bases: string[] },
): Promise<PageWorld> {
  const teacherId = crypto.randomUUID();
  await db.user.create({
    data: {
      id: teacherId,
      name: 'Page Teacher',
      email: `page-teacher-${teacherId}@example.org`,
      accountKind: 'teacher',
    },
  });
  const base = { debateId: opts.debateId, instructions: 'Argue your side.', anonymous: true };
  const dueAt = new Date(Date.now() + 3 * 24 * 3600_000);

  const big = await classWithStudents(db, teacherId, 'B', opts.students);
  await createAssignment(db, {
    ...base,
    title: 'Olympic thaw (own maps)',
    dueAt,
    userId: teacherId,
    classId: big.cls.id,
    mode: 'individual',
    teamCount: 1,
    sides: 'split',
  });
  const small = await classWithStudents(db, teacherId, 'S', 30);
  await createAssignment(db, {
    ...base,
    title: 'Olympic thaw (one class map)',
    dueAt,
    userId: teacherId,
    classId: small.cls.id,
    mode: 'class',
    teamCount: 1,
    sides: 'both',
  });

  const mapsOf = async (classId: string) => {
    const members = await db.workMember.findMany({
      where: { work: { assignment: { classId } } },
      select: { userId: true, work: { select: { mapId: true } } },
    });
    return new Map(members.map((m) => [m.userId, m.work.mapId]));
  };
  const bigMaps = await mapsOf(big.cls.id);
  for (const u of big.users) await fill(db, bigMaps.get(u.id)!, opts.theses, 20, [u.id]);
  const smallMaps = await mapsOf(small.cls.id);
  const classMapId = smallMaps.get(small.users[0]!.id)!;
  await fill(
    db,
    classMapId,
    opts.theses,
    60,
    small.users.map((u) => u.id),
  );
  const token = crypto.randomBytes(24).toString('base64url');
  await db.shareLink.create({
    data: { mapId: classMapId, token, role: 'viewer', createdById: teacherId },
  });
  const { title: classMapTitle } = await db.argumentMap.findUniqueOrThrow({
    where: { id: classMapId },
    select: { title: true },
  });

  const people = async (users: { id: string }[], maps: Map<string, string>, offset: number) => {
    const cookies = await createSessions(
      db,
      users.map((u) => u.id),
    );
    return users.map((u, i): Person => ({
      userId: u.id,
      cookie: cookies[i]!,
      mapId: maps.get(u.id)!,
      base: opts.bases[(offset + i) % opts.bases.length]!,
    }));
  };
  return {
    big: await people(big.users, bigMaps, 0),
    small: await people(small.users, smallMaps, 0),
    classMapId,
    classMapTitle,
    token,
    bases: opts.bases,
  };
}

/** One page open: [latency ms, error or '', bytes]. `expect`: text the page must hold. */
async function open(
  url: string,
  cookie: string | null,
  expect: string,
): Promise<[number, string, number]> {
  const t0 = performance.now();
  try {
    // As a browser opens a page (lib/kept-pages.ts tells a page from Next.js's data requests so).
    const document = { accept: 'text/html', 'sec-fetch-dest': 'document' };
    const res = await fetch(url, {
      headers: cookie ? { ...document, cookie } : document,
      redirect: 'manual',
      signal: AbortSignal.timeout(30_000),
    });
    const html = await res.text();
    const latency = performance.now() - t0;
    if (res.status !== 200) return [latency, `HTTP ${res.status}`, html.length];
    if (!html.includes(expect)) return [latency, 'page without its text', html.length];
    return [latency, '', html.length];
  } catch (e) {
    const err = e as Error & { cause?: { code?: string } };
    const what = err.name === 'TimeoutError' ? 'timeout' : (err.cause?.code ?? err.name);
    return [performance.now() - t0, `network ${what}`, 0];
  }
}

export interface PageKind {
  name: string;
  /** The i-th request of this kind: its URL, cookie and a text the page must hold. */
  request: (i: number) => { url: string; cookie: string | null; expect: string };
}

export function pageKinds(w: PageWorld, motion: string): PageKind[] {
  const base = (i: number) => w.bases[i % w.bases.length]!;
  const student = (i: number) => w.big[i % w.big.length]!;
  return [
    {
      name: 'home, signed out',
      request: (i) => ({ url: `${base(i)}/`, cookie: null, expect: motion }),
    },
    {
      name: 'home, a student (assignments)',
      request: (i) => ({
        url: `${student(i).base}/`,
        cookie: student(i).cookie,
        expect: 'Olympic thaw (own maps)',
      }),
    },
    {
      name: 'map page, a student',
      request: (i) => ({
        url: `${student(i).base}/maps/${student(i).mapId}`,
        cookie: student(i).cookie,
        expect: 'Claim 20:',
      }),
    },
    {
      name: 'shared map /s/<token>',
      request: (i) => ({ url: `${base(i)}/s/${w.token}`, cookie: null, expect: 'Claim 60:' }),
    },
  ];
}

const record = (r: PageResult, [latency, error, bytes]: [number, string, number]) => {
  if (error) r.errors.set(error, (r.errors.get(error) ?? 0) + 1);
  else r.latencies.push(latency);
  r.bytes = Math.max(r.bytes, bytes);
};
const empty = (): PageResult => ({ latencies: [], errors: new Map(), bytes: 0 });

/** Requests one at a time: each one's latency is the server's time for it (plus localhost). */
export async function oneAtATime(kind: PageKind, count: number): Promise<PageResult> {
  const r = empty();
  for (const i of rows(count)) {
    const { url, cookie, expect } = kind.request(i);
    record(r, await open(url, cookie, expect));
  }
  return r;
}

/** `inFlight` requests at all times for `seconds`: pages/s. */
export async function closedLoop(
  kind: PageKind,
  inFlight: number,
  seconds: number,
): Promise<PageResult & { elapsedS: number }> {
  const r = empty();
  let n = 0;
  const start = performance.now();
  const deadline = start + seconds * 1000;
  await Promise.all(
    rows(inFlight).map(async () => {
      while (performance.now() < deadline) {
        const { url, cookie, expect } = kind.request(n++);
        record(r, await open(url, cookie, expect));
      }
    }),
  );
  return { ...r, elapsedS: (performance.now() - start) / 1000 };
}

/** Everyone at the same moment. */
export async function atOnce(
  people: { url: string; cookie: string | null; expect: string }[],
): Promise<PageResult> {
  const r = empty();
  const results = await Promise.all(people.map((p) => open(p.url, p.cookie, p.expect)));
  for (const x of results) record(r, x);
  return r;
}

/** Each at a random moment within `seconds`. */
export async function spread(
  people: { url: string; cookie: string | null; expect: string }[],
  seconds: number,
): Promise<PageResult> {
  const r = empty();
  await Promise.all(
    people.map(async (p) => {
      await new Promise((res) => setTimeout(res, Math.random() * seconds * 1000));
      record(r, await open(p.url, p.cookie, p.expect));
    }),
  );
  return r;
}

export const ownMaps = (w: PageWorld) =>
  w.big.map((s) => ({ url: `${s.base}/maps/${s.mapId}`, cookie: s.cookie, expect: 'Claim 20:' }));
export const classMap = (w: PageWorld) =>
  w.small.map((s) => ({
    url: `${s.base}/maps/${w.classMapId}`,
    cookie: s.cookie,
    expect: 'Claim 60:',
  }));
export const sharedMap = (w: PageWorld, n: number) =>
  rows(n).map((i) => ({
    url: `${w.bases[i % w.bases.length]}/s/${w.token}`,
    cookie: null,
    expect: 'Claim 60:',
  }));

const q = (xs: number[], p: number) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))]!;
};
const fmt = (x: number) => (Number.isFinite(x) ? `${Math.round(x)} ms` : '–');
const errs = (r: PageResult) => [...r.errors].map(([k, n]) => `${k} ×${n}`).join(', ') || '0';

/**
 * The class's students all opening the class map at once, `rounds` times with `pauseMs` after
 * each (`before()` first, when given): every round's latencies and errors together.
 */
async function classMapRounds(
  w: PageWorld,
  rounds: number,
  pauseMs: number,
  before?: () => Promise<void>,
): Promise<PageResult> {
  const all = empty();
  for (let round = 0; round < rounds; round++) {
    await before?.();
    const r = await atOnce(classMap(w));
    all.latencies.push(...r.latencies);
    for (const [k, n] of r.errors) all.errors.set(k, (all.errors.get(k) ?? 0) + n);
    await new Promise((res) => setTimeout(res, pauseMs));
  }
  return all;
}

/**
 * Only the class map's burst, `rounds` times, then as many rounds each just after an edit
 * (`edit()`: the map's revision raised, so no server has its contents at that revision yet):
 * p50 / p95 and the servers' CPU per page.
 */
export async function classMapBursts(
  w: PageWorld,
  serverCpu: () => number,
  rounds: number,
  edit: () => Promise<void>,
) {
  await atOnce(classMap(w)); // warm
  for (const edited of [false, true]) {
    const cpu0 = serverCpu();
    const all = await classMapRounds(w, rounds, 500, edited ? edit : undefined);
    const cpuMs = ((serverCpu() - cpu0) * 1000) / (rounds * w.small.length);
    console.log(
      `  ${w.small.length} students open one class map at once${edited ? ' just after an edit' : ''}, ${rounds} rounds: p50 ${fmt(q(all.latencies, 0.5))}, p95 ${fmt(q(all.latencies, 0.95))}, server CPU ${fmt(cpuMs)} a page, errors ${errs(all)}`,
    );
  }
}

/**
 * Runs every page measurement above and prints two tables. `serverCpu`: CPU seconds the app
 * servers have used so far; `writeMeanwhile(seconds)`: as many students as `w.big` writing for
 * that long (1–2 s think time), answering their write latencies and error count.
 */
export async function measurePages(
  w: PageWorld,
  motion: string,
  serverCpu: () => number,
  machineCpu: () => number,
  writeMeanwhile: (seconds: number) => Promise<{ latencies: number[]; errors: number }>,
) {
  const kinds = pageKinds(w, motion);
  const perPage: string[][] = [];
  for (const kind of kinds) {
    process.stdout.write(`  pages: ${kind.name}…`);
    await oneAtATime(kind, 10); // warm
    const cpu0 = serverCpu();
    const single = await oneAtATime(kind, 60);
    const cpuMs = ((serverCpu() - cpu0) * 1000) / 60;
    const loop = await closedLoop(kind, 8, 8);
    perPage.push([
      kind.name,
      fmt(q(single.latencies, 0.5)),
      Number.isFinite(cpuMs) ? fmt(cpuMs) : '–',
      (loop.latencies.length / loop.elapsedS).toFixed(1),
      fmt(q(loop.latencies, 0.5)),
      fmt(q(loop.latencies, 0.95)),
      `${Math.round(single.bytes / 1024)} kB`,
      errs({ ...single, errors: new Map([...single.errors, ...loop.errors]) }),
    ]);
    process.stdout.write(` ${perPage.at(-1)![1]} alone, ${perPage.at(-1)![3]} pages/s\n`);
  }

  const bursts: string[][] = [];
  /** The rest of the machine's CPU (not the servers, not this client) since `mark()`. */
  const mark = () => {
    const at = {
      t: performance.now(),
      server: serverCpu(),
      machine: machineCpu(),
      client: process.cpuUsage(),
    };
    return () => {
      const s = (performance.now() - at.t) / 1000;
      const client = process.cpuUsage(at.client);
      const other =
        machineCpu() - at.machine - (serverCpu() - at.server) - (client.user + client.system) / 1e6;
      return Number.isFinite(other) ? `${Math.max(0, Math.round((other / s) * 100))} %` : '–';
    };
  };
  let since = mark();
  const burst = (name: string, r: PageResult, extra = '') =>
    bursts.push([
      name,
      String(r.latencies.length + [...r.errors.values()].reduce((a, b) => a + b, 0)),
      fmt(q(r.latencies, 0.5)),
      fmt(q(r.latencies, 0.95)),
      fmt(r.latencies.length ? Math.max(...r.latencies) : NaN),
      errs(r),
      since(),
      extra,
    ]);
  process.stdout.write('  pages: 30 at once…');
  since = mark();
  const thirty = await classMapRounds(w, 3, 1000);
  burst('30 students open one class map at once (3 rounds)', thirty);
  since = mark();
  burst('30 people open its shared page at once', await atOnce(sharedMap(w, 30)));
  process.stdout.write(` ${fmt(q(thirty.latencies, 0.95))} p95\n`);

  process.stdout.write(`  pages: ${w.big.length} students within 10 s…`);
  since = mark();
  const spreadAlone = await spread(ownMaps(w), 10);
  burst(`${w.big.length} students open their own map within 10 s`, spreadAlone);
  process.stdout.write(` ${fmt(q(spreadAlone.latencies, 0.95))} p95; with writes…`);
  const writing = writeMeanwhile(16);
  await new Promise((res) => setTimeout(res, 3000));
  since = mark();
  const spreadWriting = await spread(ownMaps(w), 10);
  const writes = await writing;
  burst(
    `the same while ${w.big.length} others write (1–2 s think)`,
    spreadWriting,
    `writes: ${writes.latencies.length}, p50 ${fmt(q(writes.latencies, 0.5))}, p95 ${fmt(q(writes.latencies, 0.95))}, errors ${writes.errors}`,
  );
  process.stdout.write(` ${fmt(q(spreadWriting.latencies, 0.95))} p95\n`);

  console.log(
    `\nPage opens (${w.bases.length} app server(s)). Server time: one request at a time, p50 of 60 ` +
      "(send to the whole page read); CPU: the servers' CPU per page over those 60; pages/s: 8 requests in flight for 8 s.",
  );
  const head = ['page', 'server time', 'server CPU', 'pages/s', 'p50', 'p95', 'size', 'errors'];
  console.log(`| ${head.join(' | ')} |`);
  console.log(
    `| :--- |${head
      .slice(1)
      .map(() => ' ---: ')
      .join('|')}|`,
  );
  for (const r of perPage) console.log(`| ${r.join(' | ')} |`);
  console.log();
  const bhead = [
    'the start of a lesson',
    'pages',
    'p50',
    'p95',
    'max',
    'errors',
    'other CPU',
    'meanwhile',
  ];
  console.log(`| ${bhead.join(' | ')} |`);
  console.log(
    `| :--- |${bhead
      .slice(1)
      .map(() => ' ---: ')
      .join('|')}|`,
  );
  for (const r of bursts) console.log(`| ${r.join(' | ')} |`);
}

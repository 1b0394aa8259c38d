/**
 * The load test proper (started by scripts/bench-load.mjs, which serves a production build on a
 * fresh database and sets the environment). "One student per map, 1–2 s think time":
 *   - setup, straight in the database: for every level its own students, each with an account, a
 *     session (its cookie signed here with the server's secret, as better-auth signs it) and an
 *     empty map on the featured debate; a few cookies are checked against the server first;
 *   - a warm-up (not counted), then each level: its students open their map in the editor (all
 *     at once, unmeasured: it opens their connections), then loop "think, then POST one operation
 *     to /api/maps/:mapId/ops and wait for the answer" for a fixed time. By default a class's
 *     mix (LOAD_MIX): 40 % claim.add (at the root of a thesis or under one of their own claims,
 *     appended with a fractional key), 30 % claim.update of a text or a note, 15 % claim.move
 *     (one of their claims to the end of its thesis's top level), 15 % anchor.add (a passage of
 *     the thesis's article); latency is also printed per kind;
 *   - a capacity level: students with no think time, for the most writes/s the server sustains;
 *   - then the server is killed and every acknowledged write is looked for in the database.
 * With several servers (LOAD_URL and LOAD_SERVER_PID as comma-separated lists, all on one
 * PostgreSQL database), students are spread over them in turn, as a round-robin proxy would, and
 * the watchers of a live map too, so most changes travel from one server to another.
 * Latency is measured from send to the whole answer read, for acknowledged writes. The client's
 * own CPU and event-loop delay are printed so a saturated client would show.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import { spawnSync } from 'node:child_process';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { generateKeyBetween } from 'fractional-indexing';
import type { OpInput, OpsResponse } from '@/lib/schemas/ops';
import { db, provider } from '@/lib/server/db';
import { getFeaturedDebate } from '@/lib/server/debates';
import { sessionCookie, sessionExpiry, sessionToken } from './sessions';
import { classMapBursts, measurePages, setupPageWorld } from './pages';
import { watchMap, type WatchResult } from './watchers';

const BASES = process.env.LOAD_URL!.split(',');
/** The server a student (or a watcher) uses: each in turn. */
const baseFor = (n: number) => BASES[n % BASES.length]!;
const LEVELS = (process.env.LOAD_LEVELS ?? '20,50,100,200').split(',').filter(Boolean).map(Number);
const DURATION_S = Number(process.env.LOAD_DURATION ?? 20);
const [THINK_MIN, THINK_MAX] = (() => {
  const [lo, hi = lo] = (process.env.LOAD_THINK ?? '1000-2000').split('-').map(Number);
  return [lo!, hi!];
})();
/** The kinds of operation students send and their weights (README: "Load"). */
const MIX = (process.env.LOAD_MIX || 'add:40,edit:30,move:15,quote:15').split(',').map((part) => {
  const [kind, weight] = part.split(':');
  return { kind: kind as Kind, weight: Number(weight) };
});
const MIX_TOTAL = MIX.reduce((sum, m) => sum + m.weight, 0);
type Kind = 'add' | 'edit' | 'move' | 'quote';
const CAPACITY = Number(process.env.LOAD_CAPACITY ?? 50);
const CAPACITY_S = Number(process.env.LOAD_CAPACITY_DURATION ?? 10);
const DRY_RUN = process.env.LOAD_DRY_RUN === '1';
const SERVER_PIDS = (process.env.LOAD_SERVER_PID ?? '').split(',').filter(Boolean).map(Number);
const STOP_SIGNAL = (process.env.LOAD_STOP ?? 'SIGKILL') as NodeJS.Signals;
/** People in the watched map: one writes, the rest watch (0: no live test). */
const WATCHERS = Number(process.env.LOAD_WATCHERS ?? 30);
const WATCH_S = Number(process.env.LOAD_WATCH_DURATION ?? 15);
const REQUEST_TIMEOUT_MS = 30_000;
/** Page opens (scripts/bench/pages.ts): '' with the write levels, 'only' without them, 'no'. */
const PAGES = process.env.LOAD_PAGES ?? '';
/** Page opens and nothing else ('class-map': only the class map's burst, for a profile). */
const PAGES_ONLY = PAGES === 'only' || PAGES === 'class-map';
const PAGE_STUDENTS = Number(process.env.LOAD_PAGE_STUDENTS ?? 200);

// ---------------------------------------------------------------- helpers

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const uniform = (lo: number, hi: number) => lo + Math.random() * (hi - lo);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)]!;
const quantile = (xs: number[], q: number) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
};
const ms = (x: number) => (Number.isFinite(x) ? `${Math.round(x)} ms` : '–');
const pct = (x: number) => (Number.isFinite(x) ? `${Math.round(x * 100)} %` : '–');

function assertLocal(url: string) {
  const host = new URL(url).hostname;
  if (!['localhost', '127.0.0.1', '[::1]'].includes(host))
    throw new Error(`The load test only talks to this machine, not ${host}.`);
}

const CLOCK_TICKS = (() => {
  const r = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
  return Number(r.stdout?.trim()) || 100;
})();

/** Every process of the servers (`next start` and anything it started), from /proc. */
function serverProcesses(): number[] {
  if (!SERVER_PIDS.length || !fs.existsSync('/proc')) return [];
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  const out: number[] = [];
  const walk = (pid: number) => {
    out.push(pid);
    for (const c of children.get(pid) ?? []) walk(c);
  };
  for (const pid of SERVER_PIDS) if (fs.existsSync(`/proc/${pid}`)) walk(pid);
  return out;
}

/** CPU seconds the server's processes have used so far (user + system, all threads). */
function serverCpuSeconds(): number {
  let ticks = 0;
  for (const pid of serverProcesses()) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
    } catch {
      // gone meanwhile
    }
  }
  return ticks / CLOCK_TICKS;
}

/** CPU seconds the whole machine has been busy (all cores; steal included), from /proc/stat. */
function machineCpuSeconds(): number {
  try {
    const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
    const [user, nice, system, , , irq, softirq, steal] = line.split(/\s+/).slice(1).map(Number);
    return (
      [user, nice, system, irq, softirq, steal].reduce((a, b) => a! + (b ?? 0), 0)! / CLOCK_TICKS
    );
  } catch {
    return NaN;
  }
}

// ---------------------------------------------------------------- students

interface OwnClaim {
  id: string;
  thesisId: string;
  /** The last acknowledged text and note. */
  text: string;
  note: string;
  /** Values sent whose answer never came: the database may hold them instead. */
  maybeText: string[];
  maybeNote: string[];
  /** No more edits once an answer was lost: the next edit's base would be a guess. */
  frozen: boolean;
}

interface Student {
  n: number;
  /** The app server this student's requests go to. */
  base: string;
  mapId: string;
  title: string;
  cookie: string;
  claims: OwnClaim[];
  /** Quotes acknowledged, for the check at the end. */
  anchors: string[];
  /** The last order key sent under each parent ("thesisId/parentId"), so each add appends. */
  lastKey: Map<string, string>;
  writes: number;
}

const allStudents: Student[] = [];
/** Each student's user id, by their place in allStudents. */
const allUserIds: string[] = [];
let acknowledged = 0;

async function createStudents(label: string, count: number, debateId: string) {
  const run = crypto.randomBytes(4).toString('hex');
  const expiresAt = sessionExpiry();
  const rows = Array.from({ length: count }, (_, i) => ({
    userId: crypto.randomUUID(),
    mapId: crypto.randomUUID(),
    token: sessionToken(),
    name: `Load student ${label}-${i + 1}`,
    email: `load-${label.toLowerCase()}-${i + 1}-${run}@example.org`,
    title: `Load map ${label}-${i + 1} ${run}`,
  }));
  await db.$transaction([
    db.user.createMany({ data: rows.map((r) => ({ id: r.userId, name: r.name, email: r.email })) }),
    db.session.createMany({
      data: rows.map((r) => ({
        id: crypto.randomUUID(),
        token: r.token,
        userId: r.userId,
        expiresAt,
        ipAddress: '127.0.0.1',
        userAgent: 'counterpoint-bench-load',
      })),
    }),
    db.argumentMap.createMany({
      data: rows.map((r) => ({ id: r.mapId, title: r.title, debateId, ownerId: r.userId })),
    }),
  ]);
  const students = rows.map((r, i): Student => ({
    n: allStudents.length + i + 1,
    base: baseFor(allStudents.length + i),
    mapId: r.mapId,
    title: r.title,
    cookie: sessionCookie(r.token),
    claims: [],
    anchors: [],
    lastKey: new Map(),
    writes: 0,
  }));
  allStudents.push(...students);
  allUserIds.push(...rows.map((r) => r.userId));
  return students;
}

/** The server knows the student: "My maps" answers with their map, not a redirect to sign in. */
async function checkSignedIn(s: Student) {
  const res = await fetch(`${s.base}/maps`, { headers: { cookie: s.cookie }, redirect: 'manual' });
  const html = await res.text();
  if (res.status !== 200 || !html.includes(s.title))
    throw new Error(
      `A session made for the load test is not accepted (GET /maps answered ${res.status}). ` +
        'Has better-auth changed how it signs its session cookie?',
    );
}

/**
 * Every student of a level opens their map in the editor at once, as a class does when told to
 * start: unmeasured for the table, but it opens each student's connection, so the level measures
 * writes, not a burst of new connections (those made the first writes of a no-think level queue
 * for seconds). Answers [ms for all, slowest page].
 */
async function openMaps(students: Student[]): Promise<[number, number]> {
  const start = performance.now();
  const times = await Promise.all(
    students.map(async (s) => {
      const t0 = performance.now();
      const res = await fetch(`${s.base}/maps/${s.mapId}`, {
        headers: { cookie: s.cookie },
        redirect: 'manual',
        signal: AbortSignal.timeout(120_000),
      });
      await res.arrayBuffer();
      if (res.status !== 200)
        throw new Error(`Student ${s.n} could not open their map: ${res.status} ${res.statusText}`);
      return performance.now() - t0;
    }),
  );
  return [performance.now() - start, Math.max(...times)];
}

// ---------------------------------------------------------------- the writes

interface Level {
  name: string;
  /** Also runs a watched map (one writer, WATCHERS − 1 watchers) at the same time. */
  watch?: boolean;
  students: Student[];
  thinkMin: number;
  thinkMax: number;
  seconds: number;
}

interface LevelResult extends Level {
  latencies: number[];
  /** Latencies by kind of operation. */
  byKind: Map<Kind, number[]>;
  sent: number;
  errors: Map<string, number>;
  elapsedS: number;
  serverCpu: number;
  clientCpu: number;
  /** Everything else the machine ran meanwhile: other processes competing with the server. */
  otherCpu: number;
  clientLoop: number;
  loopDelayP99: number;
}

type Pending =
  | { kind: 'add'; claim: OwnClaim }
  | { kind: 'move'; claim: OwnClaim }
  | { kind: 'quote'; claim: OwnClaim; anchorId: string }
  | { kind: 'text' | 'note'; claim: OwnClaim; value: string };

/** Each thesis's article, as paragraphs, for quotes. */
const SOURCES = new Map<string, { sourceId: string; blocks: string[] }>();

/** A passage of the article of the claim's thesis: part of one paragraph, as a reader selects. */
function passage(thesisId: string) {
  const source = SOURCES.get(thesisId)!;
  const blocks = source.blocks
    .map((text, block) => ({ text, block }))
    .filter((b) => b.text.length > 80);
  const { text, block } = pick(blocks);
  const start = Math.floor(Math.random() * (text.length - 60));
  return { sourceId: source.sourceId, block, exact: text.slice(start, start + 60).trim() };
}

const label = (p: Pending): Kind => (p.kind === 'text' || p.kind === 'note' ? 'edit' : p.kind);

/** The next kind of operation, by the mix; an add while the student has no claim yet. */
function nextKind(s: Student): Kind {
  if (!s.claims.length) return 'add';
  let r = Math.random() * MIX_TOTAL;
  for (const m of MIX) if ((r -= m.weight) < 0) return m.kind;
  return 'add';
}

function nextOp(s: Student, theses: string[]): [OpInput, Pending] {
  const editable = s.claims.filter((c) => !c.frozen);
  const kind = nextKind(s);
  s.writes++;
  if (kind === 'move') {
    // To the end of its thesis's top level: always a valid place, whatever it holds.
    const claim = pick(s.claims);
    const place = `${claim.thesisId}/`;
    const order = generateKeyBetween(s.lastKey.get(place) ?? null, null);
    s.lastKey.set(place, order);
    const op: OpInput = {
      id: crypto.randomUUID(),
      kind: 'claim.move',
      claimId: claim.id,
      thesisId: claim.thesisId,
      parentId: null,
      order,
    };
    return [op, { kind: 'move', claim }];
  }
  if (kind === 'quote') {
    const claim = pick(s.claims);
    const anchorId = crypto.randomUUID();
    const op: OpInput = {
      id: crypto.randomUUID(),
      kind: 'anchor.add',
      anchorId,
      claimId: claim.id,
      prefix: '',
      suffix: '',
      ...passage(claim.thesisId),
    };
    return [op, { kind: 'quote', claim, anchorId }];
  }
  if (editable.length && kind === 'edit') {
    const claim = pick(editable);
    if (Math.random() < 2 / 3) {
      const value = `Load claim ${s.n}-${s.writes} (edited)`;
      return [
        {
          id: crypto.randomUUID(),
          kind: 'claim.update',
          claimId: claim.id,
          set: { text: value },
          base: { text: claim.text },
        },
        { kind: 'text', claim, value },
      ];
    }
    const value = `Why claim ${s.n}-${s.writes} matters, and how the other side will answer.`;
    return [
      {
        id: crypto.randomUUID(),
        kind: 'claim.update',
        claimId: claim.id,
        set: { note: value },
        base: { note: claim.note },
      },
      { kind: 'note', claim, value },
    ];
  }
  // s.claims holds only acknowledged adds: a reply never goes under a claim that may not exist.
  const parent = s.claims.length && Math.random() < 0.5 ? pick(s.claims) : null;
  const thesisId = parent?.thesisId ?? pick(theses);
  const place = `${thesisId}/${parent?.id ?? ''}`;
  const order = generateKeyBetween(s.lastKey.get(place) ?? null, null);
  s.lastKey.set(place, order);
  const claim: OwnClaim = {
    id: crypto.randomUUID(),
    thesisId,
    text: `Load claim ${s.n}-${s.writes}`,
    note: '',
    maybeText: [],
    maybeNote: [],
    frozen: false,
  };
  return [
    {
      id: crypto.randomUUID(),
      kind: 'claim.add',
      claimId: claim.id,
      thesisId,
      parentId: parent?.id ?? null,
      stance: Math.random() < 0.5 ? 'pro' : 'con',
      text: claim.text,
      order,
    },
    { kind: 'add', claim },
  ];
}

type Outcome = 'ok' | 'refused' | 'unknown';

/** Sends one operation and waits for the answer: [outcome, error label, latency in ms, revision]. */
async function send(s: Student, op: OpInput): Promise<[Outcome, string, number, number?]> {
  const t0 = performance.now();
  try {
    const res = DRY_RUN
      ? await fetch(`${s.base}/maps/${s.mapId}/export/markdown?side=1`, {
          headers: { cookie: s.cookie },
          redirect: 'manual',
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        })
      : await fetch(`${s.base}/api/maps/${s.mapId}/ops`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: s.cookie, origin: s.base },
          body: JSON.stringify({ ops: [op] }),
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
    const body = await res.text();
    const latency = performance.now() - t0;
    if (DRY_RUN)
      return res.status === 200 ? ['ok', '', latency] : ['unknown', `HTTP ${res.status}`, latency];
    if (res.status !== 200)
      // A 4xx was refused as a whole; a 5xx (503: busy) may or may not have been applied.
      return [res.status < 500 ? 'refused' : 'unknown', `HTTP ${res.status}`, latency];
    let result: OpsResponse['results'][number] | undefined;
    try {
      result = (JSON.parse(body) as OpsResponse).results?.[0];
    } catch {
      // reported below
    }
    if (!result || result.id !== op.id) return ['unknown', 'unreadable answer', latency];
    if (result.ok) return ['ok', '', latency, result.revision];
    return [result.retry ? 'unknown' : 'refused', `ok:false ${result.code}`, latency];
  } catch (e) {
    const err = e as Error & { cause?: { code?: string } };
    const what = err.name === 'TimeoutError' ? 'timeout' : (err.cause?.code ?? err.name);
    return ['unknown', `network ${what}`, performance.now() - t0];
  }
}

function settle(s: Student, pending: Pending, outcome: Outcome) {
  const { claim } = pending;
  if (pending.kind === 'quote' && outcome === 'ok') s.anchors.push(pending.anchorId);
  if (pending.kind === 'quote' || pending.kind === 'move') return;
  if (pending.kind === 'add') {
    // An add whose answer was lost is neither checked nor built on.
    if (outcome === 'ok') s.claims.push(claim);
    return;
  }
  if (outcome === 'ok') {
    claim[pending.kind] = pending.value;
    if (pending.kind === 'text') claim.maybeText = [];
    else claim.maybeNote = [];
  } else if (outcome === 'unknown') {
    (pending.kind === 'text' ? claim.maybeText : claim.maybeNote).push(pending.value);
    claim.frozen = true;
  }
}

async function runLevel(level: Level, theses: string[]): Promise<LevelResult> {
  const result: LevelResult = {
    ...level,
    latencies: [],
    byKind: new Map(),
    sent: 0,
    errors: new Map(),
    elapsedS: 0,
    serverCpu: NaN,
    clientCpu: NaN,
    otherCpu: NaN,
    clientLoop: NaN,
    loopDelayP99: NaN,
  };
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const elu = performance.eventLoopUtilization();
  const cpu = process.cpuUsage();
  const serverCpu = serverCpuSeconds();
  const machineCpu = machineCpuSeconds();
  const start = performance.now();
  const deadline = start + level.seconds * 1000;
  const think = () => (level.thinkMax > 0 ? uniform(level.thinkMin, level.thinkMax) : 0);

  await Promise.all(
    level.students.map(async (s) => {
      // Students start reading at different moments, so the first writes do not come at once.
      if (level.thinkMax > 0) await sleep(uniform(0, level.thinkMax));
      while (performance.now() < deadline) {
        const [op, pending] = nextOp(s, theses);
        result.sent++;
        const [outcome, error, latency] = await send(s, op);
        settle(s, pending, outcome);
        if (outcome === 'ok') {
          result.latencies.push(latency);
          const kind = label(pending);
          result.byKind.set(kind, [...(result.byKind.get(kind) ?? []), latency]);
          acknowledged++;
        } else result.errors.set(error, (result.errors.get(error) ?? 0) + 1);
        const t = think();
        if (t > 0 && performance.now() + t < deadline) await sleep(t);
        else if (t > 0) break;
      }
    }),
  );

  const elapsed = performance.now() - start;
  result.elapsedS = elapsed / 1000;
  const used = process.cpuUsage(cpu);
  result.clientCpu = (used.user + used.system) / 1000 / elapsed;
  result.clientLoop = performance.eventLoopUtilization(elu).utilization;
  delay.disable();
  // The histogram counts the sampling interval itself: what is left is the delay.
  result.loopDelayP99 = Math.max(0, delay.percentile(99) / 1e6 - 10);
  if (SERVER_PIDS.length) result.serverCpu = (serverCpuSeconds() - serverCpu) / result.elapsedS;
  const machine = (machineCpuSeconds() - machineCpu) / result.elapsedS;
  result.otherCpu = Math.max(0, machine - (result.serverCpu || 0) - result.clientCpu);
  return result;
}

// ---------------------------------------------------------------- after the load

async function stopServer() {
  const pids = serverProcesses();
  for (const pid of pids) {
    try {
      process.kill(pid, STOP_SIGNAL);
    } catch {
      // already gone
    }
  }
  for (let i = 0; i < 100 && pids.some((pid) => fs.existsSync(`/proc/${pid}`)); i++) {
    await sleep(100);
  }
}

/** Every acknowledged add is in the database with its last acknowledged text and note. */
async function checkDurability() {
  const claims = allStudents.flatMap((s) => s.claims);
  const found = new Map<string, { text: string; note: string; deletedAt: Date | null }>();
  for (let i = 0; i < claims.length; i += 500) {
    const rows = await db.claim.findMany({
      where: { id: { in: claims.slice(i, i + 500).map((c) => c.id) } },
      select: { id: true, text: true, note: true, deletedAt: true },
    });
    for (const r of rows) found.set(r.id, r);
  }
  let missing = 0;
  let wrongText = 0;
  let wrongNote = 0;
  for (const c of claims) {
    const row = found.get(c.id);
    if (!row || row.deletedAt) missing++;
    else {
      if (row.text !== c.text && !c.maybeText.includes(row.text)) wrongText++;
      if (row.note !== c.note && !c.maybeNote.includes(row.note)) wrongNote++;
    }
  }
  const anchors = allStudents.flatMap((s) => s.anchors);
  let anchorsFound = 0;
  for (let i = 0; i < anchors.length; i += 500) {
    anchorsFound += await db.anchor.count({ where: { id: { in: anchors.slice(i, i + 500) } } });
  }
  missing += anchors.length - anchorsFound;
  return { claims: claims.length, anchors: anchors.length, missing, wrongText, wrongNote };
}

// ---------------------------------------------------------------- live: one map, many watchers

/** A map its owner writes in and the others may view (members with the viewer role). */
async function watchedMap(label: string, people: number, debateId: string) {
  const [writer, ...watchers] = await createStudents(label, people, debateId);
  await db.mapMember.createMany({
    data: watchers.map((w, i) => ({
      mapId: writer!.mapId,
      userId: allUserIds[allStudents.indexOf(watchers[i]!)]!,
      role: 'viewer',
    })),
  });
  return { writer: writer!, watchers };
}

async function watch(
  map: { writer: Student; watchers: Student[] },
  theses: string[],
  seconds: number,
): Promise<WatchResult> {
  const { writer, watchers } = map;
  const { revision } = await db.argumentMap.findUniqueOrThrow({
    where: { id: writer.mapId },
    select: { revision: true },
  });
  return watchMap({
    bases: watchers.map((w) => w.base),
    mapId: writer.mapId,
    since: revision,
    watcherCookies: watchers.map((w) => w.cookie),
    seconds,
    think: () => uniform(300, 700),
    write: async () => {
      const [op, pending] = nextOp(writer, theses);
      const [outcome, , , rev] = await send(writer, op);
      settle(writer, pending, outcome);
      if (outcome === 'ok') acknowledged++;
      return outcome === 'ok' ? (rev ?? null) : null;
    },
  });
}

function printWatch(name: string, w: WatchResult) {
  const l = w.latencies;
  console.log(
    `| ${[
      name,
      w.watchers,
      w.changes,
      l.length,
      ms(quantile(l, 0.5)),
      ms(quantile(l, 0.95)),
      ms(quantile(l, 0.99)),
      ms(l.length ? Math.max(...l) : NaN),
      w.missing,
    ].join(' | ')} |`,
  );
}

// ---------------------------------------------------------------- main

async function main() {
  BASES.forEach(assertLocal);
  const debate = await getFeaturedDebate(db);
  if (!debate) throw new Error('No debate seeded.');
  const theses = debate.theses.map((t) => t.id);
  for (const t of debate.theses)
    SOURCES.set(t.id, { sourceId: t.source.id, blocks: t.source.blocks.map((b) => b.text) });

  const plan: (Omit<Level, 'students'> & { count: number })[] = (PAGES_ONLY ? [] : LEVELS).map(
    (n, i) => ({
      name: String(i + 1),
      count: n,
      thinkMin: THINK_MIN,
      thinkMax: THINK_MAX,
      seconds: DURATION_S,
    }),
  );
  const most = Math.max(0, ...LEVELS);
  if (WATCHERS > 1 && most > 0 && !PAGES_ONLY)
    plan.push({
      name: `${most}+watch`,
      watch: true,
      count: most,
      thinkMin: THINK_MIN,
      thinkMax: THINK_MAX,
      seconds: DURATION_S,
    });
  if (CAPACITY > 0 && !PAGES_ONLY)
    plan.push({ name: 'capacity', count: CAPACITY, thinkMin: 0, thinkMax: 0, seconds: CAPACITY_S });

  let t = performance.now();
  const warmup = await createStudents('W', 10, debate.id);
  const levels: Level[] = [];
  for (const [i, p] of plan.entries()) {
    const { count, ...level } = p;
    levels.push({ ...level, students: await createStudents(`L${i + 1}`, count, debate.id) });
  }
  console.log(
    `Setup: ${allStudents.length} students with a session and an empty map each, in ${ms(performance.now() - t)}.`,
  );
  t = performance.now();
  for (const group of [warmup, ...levels.map((l) => l.students)]) {
    for (const s of new Set([group[0]!, pick(group), group.at(-1)!])) await checkSignedIn(s);
  }
  console.log(
    `Sessions accepted by the server (checked a sample), in ${ms(performance.now() - t)}.`,
  );
  if (DRY_RUN)
    console.log('Dry run: each "write" is a GET of the map as Markdown; nothing is saved.');

  // Warm-up, not counted: the first requests load the route's code, fill caches and let V8
  // optimise the hot paths (a cold server wrote ~25 % fewer writes/s in its first seconds).
  await openMaps(warmup);
  const warm = await runLevel(
    { name: 'warm-up', students: warmup, thinkMin: 0, thinkMax: 0, seconds: 5 },
    theses,
  );
  console.log(
    `Warm-up: ${warm.latencies.length} writes, ${warm.sent - warm.latencies.length} errors.`,
  );

  if (PAGES !== 'no' && !DRY_RUN) {
    t = performance.now();
    const world = await setupPageWorld(db, {
      debateId: debate.id,
      theses,
      students: PAGE_STUDENTS,
      bases: BASES,
    });
    const writers = await createStudents('P', PAGE_STUDENTS, debate.id);
    console.log(`Page opens: set up in ${ms(performance.now() - t)}.`);
    if (PAGES === 'class-map')
      // An edit as far as the pages can tell: the revision every page reads first is raised.
      await classMapBursts(world, serverCpuSeconds, 10, async () => {
        await db.argumentMap.update({
          where: { id: world.classMapId },
          data: { revision: { increment: 1 } },
        });
      });
    else
      await measurePages(
        world,
        debate.motion,
        serverCpuSeconds,
        machineCpuSeconds,
        async (seconds) => {
          const r = await runLevel(
            { name: 'pages', students: writers, thinkMin: THINK_MIN, thinkMax: THINK_MAX, seconds },
            theses,
          );
          return { latencies: r.latencies, errors: r.sent - r.latencies.length };
        },
      );
  }

  const watched: [string, WatchResult][] = [];
  if (WATCHERS > 1 && !DRY_RUN && !PAGES_ONLY) {
    const alone = await watchedMap('V', WATCHERS, debate.id);
    process.stdout.write(`  live: 1 writer and ${WATCHERS - 1} watchers in one map, ${WATCH_S} s…`);
    const w = await watch(alone, theses, WATCH_S);
    watched.push(['alone', w]);
    process.stdout.write(` ${w.changes} changes, ${w.latencies.length} deliveries\n`);
  }

  const results: LevelResult[] = [];
  for (const level of levels) {
    const think = level.thinkMax > 0 ? `${level.thinkMin}–${level.thinkMax} ms think` : 'no think';
    process.stdout.write(
      `  level ${level.name}: ${level.students.length} students, ${think}, ${level.seconds} s…`,
    );
    const [openMs, slowest] = await openMaps(level.students);
    process.stdout.write(` opened their maps in ${ms(openMs)} (slowest ${ms(slowest)}),`);
    if (level.watch && !DRY_RUN) {
      const map = await watchedMap('X', WATCHERS, debate.id);
      const [r, w] = await Promise.all([
        runLevel(level, theses),
        watch(map, theses, level.seconds),
      ]);
      results.push(r);
      watched.push([`with level ${level.name}`, w]);
    } else results.push(await runLevel(level, theses));
    const r = results.at(-1)!;
    process.stdout.write(` ${r.latencies.length} writes, ${r.sent - r.latencies.length} errors\n`);
  }

  const cpu = os.cpus();
  console.log(
    `\nMachine: ${cpu.length} × ${cpu[0]?.model.trim() ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, ` +
      `${os.type()} ${os.release()}, Node ${process.version}; server and load generator on the same machine`,
  );
  console.log(
    provider() === 'postgresql'
      ? `Database: PostgreSQL, ${BASES.length} app server(s) on it (its own processes count as other CPU)\n`
      : `Database: SQLite, ${BASES.length} app server(s)\n`,
  );
  const head = [
    'level',
    'students',
    'think',
    'writes',
    'writes/s',
    'p50',
    'p95',
    'p99',
    'max',
    'errors',
    'server CPU',
    'client CPU',
    'other CPU',
  ];
  console.log(`| ${head.join(' | ')} |`);
  console.log(`|${head.map(() => ' ---: ').join('|')}|`);
  for (const r of results) {
    const l = r.latencies;
    console.log(
      `| ${[
        r.name,
        r.students.length,
        r.thinkMax > 0 ? `${r.thinkMin}–${r.thinkMax} ms` : '0',
        l.length,
        (l.length / r.elapsedS).toFixed(1),
        ms(quantile(l, 0.5)),
        ms(quantile(l, 0.95)),
        ms(quantile(l, 0.99)),
        ms(l.length ? Math.max(...l) : NaN),
        r.sent - l.length,
        pct(r.serverCpu),
        pct(r.clientCpu),
        pct(r.otherCpu),
      ].join(' | ')} |`,
    );
  }
  console.log(
    `\nBy kind of operation (mix ${MIX.map((m) => `${m.kind} ${Math.round((m.weight / MIX_TOTAL) * 100)} %`).join(', ')}):`,
  );
  console.log('| level | kind | writes | p50 | p95 | p99 |');
  console.log('| ---: | :--- | ---: | ---: | ---: | ---: |');
  for (const r of results)
    for (const [kind, l] of [...r.byKind].sort()) {
      const cells = [r.name, kind, l.length, ms(quantile(l, 0.5)), ms(quantile(l, 0.95))];
      console.log(`| ${[...cells, ms(quantile(l, 0.99))].join(' | ')} |`);
    }
  console.log(
    '\nLatency: send to whole answer read, acknowledged writes only. Errors: non-2xx, ok:false, ' +
      'network errors and timeouts (30 s). CPU: share of one core over the level (server: every ' +
      'process of `next start`; other: the rest of the machine, load generator excluded).',
  );
  const busy = results.filter((r) => r.otherCpu > 0.25);
  if (busy.length)
    console.log(
      `Warning: other processes used the CPU during level ${busy.map((r) => r.name).join(', ')}; ` +
        `with ${os.cpus().length} cores the server got less than it would alone.`,
    );
  console.log(
    `Client event loop: ${results
      .map((r) => `level ${r.name} busy ${pct(r.clientLoop)}, delay p99 ${ms(r.loopDelayP99)}`)
      .join('; ')}.`,
  );
  if (watched.length) {
    console.log(
      `\nLive: one person writes in a map (300–700 ms apart) while ${WATCHERS - 1} others hold its event stream open.`,
    );
    const whead = [
      'run',
      'watchers',
      'changes',
      'deliveries',
      'p50',
      'p95',
      'p99',
      'max',
      'missing',
    ];
    console.log(`| ${whead.join(' | ')} |`);
    console.log(`|${whead.map(() => ' ---: ').join('|')}|`);
    for (const [name, w] of watched) printWatch(name, w);
    console.log(
      'Latency: from the writer sending a change to a watcher receiving it, every change × watcher.',
    );
  }
  for (const r of results.filter((r) => r.errors.size)) {
    const list = [...r.errors].map(([k, n]) => `${k} ×${n}`).join(', ');
    console.log(`Errors in level ${r.name}: ${list}.`);
  }

  if (DRY_RUN) {
    await db.$disconnect();
    console.log('\nDry run: durability not checked.');
    return;
  }
  await stopServer();
  console.log(`\nServer stopped with ${STOP_SIGNAL}; reading the database.`);
  const check = await checkDurability();
  await db.$disconnect();
  console.log(
    `acknowledged writes checked: ${acknowledged}, ` +
      `missing: ${check.missing}, wrong text: ${check.wrongText}` +
      ` (wrong note: ${check.wrongNote}; ${check.claims} acknowledged claims, ${check.anchors} quotes)`,
  );
  if (acknowledged === 0) {
    console.error('No write was acknowledged: the endpoint is not working.');
    process.exit(1);
  }
  if (check.missing || check.wrongText || check.wrongNote) process.exit(1);
}

// Exits when done: reading the debate listens for debate edits on the live pub/sub
// (lib/server/shared-parts.ts), whose PostgreSQL connection would keep this process alive.
main().then(
  () => process.exit(0),
  async (e) => {
    console.error(e);
    await db.$disconnect();
    process.exit(1);
  },
);

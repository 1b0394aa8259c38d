/** An editor session for unit tests: two theses, a server that takes (or refuses) every op. */
import type { Role } from '@/lib/domain/capabilities';
import { claim } from '@/tests/support/maps/sample-map';
import type { MarkView } from '@/lib/domain/marks';
import type { ClaimView, MapView, SourceView, ThesisView } from '@/lib/domain/views';
import { EditorSession } from '@/lib/editor/session';
import type { SuggestionTransport } from '@/lib/editor/suggestions';
import type { EventStream } from '@/lib/sync/live-connection';
import type { Clock, SyncTransport } from '@/lib/sync/map-sync';
import { memoryOutbox } from '@/lib/sync/memory-outbox';
import type { Op } from '@/lib/schemas/ops';

type Refuse = (op: Op) => string | { message: string; current: { text?: string } } | null;

let n = 0;
export const uuid = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;

const source = (id: string, text: string[]): SourceView => ({
  id,
  slug: id,
  title: `Article ${id}`,
  standfirst: null,
  authors: 'A. Writer',
  authorsNote: null,
  publisher: 'Press',
  publishedOn: null,
  dateNote: null,
  url: `https://example.org/${id}`,
  licence: null,
  licenceUrl: null,
  blocks: text.map((t) => ({ type: 'paragraph' as const, text: t })),
});

export const THESES: ThesisView[] = [
  {
    id: 't1',
    position: 0,
    label: 'Talks',
    text: 'Track II can open talks',
    source: source('s1', ['The two Koreas talk. Sanctions bite hard.', 'Trade grows.']),
  },
  {
    id: 't2',
    position: 1,
    label: 'Charm',
    text: 'The charm offensive will fail',
    source: source('s2', ['Seoul walks two tracks at once.']),
  },
];

/** A (replies A1, A2), B under t1; C under t2. */
export const sampleClaims = (): ClaimView[] => [
  claim('A', 't1', null, 'a0'),
  claim('A1', 't1', 'A', 'a0', { stance: 'con' }),
  claim('A2', 't1', 'A', 'a1'),
  claim('B', 't1', null, 'a1'),
  claim('C', 't2', null, 'a0'),
];

export function mapView(claims = sampleClaims()): MapView {
  return {
    id: 'map1',
    title: 'Test map',
    ownerName: 'Owner',
    updatedAt: '2026-01-01T00:00:00.000Z',
    revision: 0,
    debate: { id: 'd1', slug: 'd1', motion: 'Motion', summary: null, theses: THESES },
    claims,
    anchors: [],
    links: [],
    comments: [],
    // Ada (u1, the session's person) wrote A and B; Ben (u2) the rest.
    authors: {
      byClaim: { A: 'u1', A1: 'u2', A2: 'u2', B: 'u1', C: 'u2' },
      names: { u1: 'Ada', u2: 'Ben' },
    },
  };
}

/** Timers run only when the test says so. */
export class ManualClock implements Clock {
  now = 0;
  timers = new Map<number, { at: number; fn: () => void }>();
  #next = 0;
  setTimeout(fn: () => void, ms: number) {
    const id = ++this.#next;
    this.timers.set(id, { at: this.now + ms, fn });
    return id;
  }
  clearTimeout(handle: unknown) {
    this.timers.delete(handle as number);
  }
  /** Moves time on, running what falls due in order. */
  advance(ms: number) {
    const until = this.now + ms;
    for (;;) {
      const due = [...this.timers]
        .filter(([, t]) => t.at <= until)
        .sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.now = due[1].at;
      due[1].fn();
    }
    this.now = until;
  }
}

/** A server that applies every op, except those `refuse` says no to (with what is saved now, for a conflict). */
export function fakeTransport(refuse: Refuse = () => null) {
  const sent: Op[] = [];
  let revision = 0;
  const transport: SyncTransport = {
    async send(_mapId, ops) {
      sent.push(...ops);
      return {
        revision,
        results: ops.map((op) => {
          const no = refuse(op);
          if (!no) return { id: op.id, ok: true as const, revision: ++revision };
          const { message, current } = typeof no === 'string' ? { message: no } : no;
          return {
            id: op.id,
            ok: false as const,
            code: 'CONFLICT',
            message,
            retry: false,
            current,
          };
        }),
      };
    },
    load: async () => {
      throw new Error('not in this test');
    },
    changes: async () => ({ changes: [], revision }),
  };
  return { transport, sent };
}

/** A fake EventSource the test drives. */
export class FakeStream implements EventStream {
  readyState = 0;
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  listeners = new Map<string, (e: { data: string }) => void>();
  constructor(readonly url: string) {}
  addEventListener(type: string, fn: (e: { data: string }) => void) {
    this.listeners.set(type, fn);
  }
  close() {
    this.readyState = 2;
  }
  emit(type: string, data: unknown) {
    this.listeners.get(type)?.({ data: JSON.stringify(data) });
  }
}

export function testSession({
  role = 'owner' as Role | null,
  claims = sampleClaims(),
  refuse,
  author,
  authors = true,
  suggestions,
  marks = [],
  archived = false,
}: {
  role?: Role | null;
  /** The map's class is archived (the server makes everyone a viewer there). */
  archived?: boolean;
  claims?: ClaimView[];
  refuse?: Refuse;
  /** Opens on this author's claims. */
  author?: string;
  /**
   * False: a map view without authors (as a view link's page gets it); or who wrote each claim
   * (Ada is u1, Ben u2).
   */
  authors?: boolean | Record<string, string>;
  /** Where suggestions go (absent: none are offered). */
  suggestions?: SuggestionTransport;
  /** The open marks for review the page gave; null: this reader may not see marks. */
  marks?: MarkView[] | null;
} = {}) {
  const { transport, sent } = fakeTransport(refuse);
  const clock = new ManualClock();
  const session = new EditorSession(
    {
      ...mapView(claims),
      ...(authors === true
        ? {}
        : { authors: authors ? { byClaim: authors, names: { u1: 'Ada', u2: 'Ben' } } : undefined }),
    },
    { me: role ? { id: 'u1', name: 'Ada' } : null, role, archived },
    {
      transport,
      store: memoryOutbox(),
      clock,
      newId: uuid,
      suggestions,
      ...(marks ? { marks: { initial: marks, load: async () => marks } } : {}),
    },
    { author },
  );
  /** Lets the outbox send and hear back. */
  const settle = async () => {
    for (let i = 0; i < 5; i++) {
      await new Promise((r) => setTimeout(r, 0));
      clock.advance(0);
    }
  };
  return { session, sent, clock, settle, snap: () => session.getSnapshot() };
}

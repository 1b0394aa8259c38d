import 'server-only';
import { seeingChanged, type AccessReason } from '@/lib/domain/access-ended';
import { standingChanged } from '@/lib/domain/page-standing';
import {
  seeChange,
  seePresence,
  seesAll,
  seesSuggestion,
  seeVote,
  type Lens,
} from '@/lib/domain/visibility';
import type { MapChange, PresenceEntry } from '@/lib/schemas/live';
import type { Db } from '../db';
import { concerns, onAccessChanged, recheckReader } from './access';
import { changesSince } from './changes';
import { announce, leave, presentIn, trackPresence } from './presence';
import { pubsub, type BusMessage } from './pubsub';
import { lensOfLiveReader, type LiveReader } from './readers';
import { eventStreamResponse, SSE_PING, sseEvent, sseRetry } from './sse';

/** At most this many open streams per process; more are answered 503 and the browser retries. */
export const MAX_STREAMS = 5000;
/** At most this many open streams per person or per view link (tabs, devices), so no one takes them all. */
export const MAX_STREAMS_PER_READER = 50;
/**
 * At most this many of a view link's streams from one client address (a view link needs no
 * account, so without this one client could take all of the link's streams).
 */
export const MAX_LINK_STREAMS_PER_CLIENT = 10;
/**
 * A stream whose reader has not taken this many bytes is closed: a slow or vanished client never
 * holds memory without limit. Its browser reconnects and catches up from the log.
 */
export const MAX_QUEUED_BYTES = 4_000_000;
/** Messages that wait while the log is read, at most; past that, the log is read again after. */
const MAX_WAITING = 500;
const HEARTBEAT_MS = 20_000;

let open = 0;
const perReader = new Map<string, number>();
const readerKey = (reader: LiveReader) =>
  reader.kind === 'user' ? `user:${reader.userId}` : `link:${reader.linkId}`;

// A change goes to every watcher of its map as the same bytes: encoded once, not once per stream.
const encodedChanges = new WeakMap<object, Uint8Array>();

/**
 * A map's live changes as server-sent events: first every change after `since` (from the log),
 * then each change as it is committed, in revision order, plus who is here (presence). Events:
 * `change` (MapChange, id = revision), `reload` (too far behind: load the map again),
 * `presence`, `leave`, `vote` (a claim's new impact tally, VoteEvent), `votes` (votes may have
 * been missed: read them again), `debate` (the debate's texts were edited), `marks` (the marks
 * for review changed, to readers who may see them: lib/server/marks.ts), `suggestions` (the
 * suggestions this reader sees changed), `access` (the reader's access changed: the stream ends,
 * with an AccessEnded saying why; lib/server/live/access.ts).
 */
export function openMapStream(
  db: Db,
  opts: {
    mapId: string;
    reader: LiveReader;
    since: number;
    tabId: string | null;
    signal: AbortSignal;
    /** What the page was rendered for (lib/domain/page-standing.ts), compared with the lens. */
    seen?: string | null;
    /** The client's address (lib/domain/sign-in-throttle.ts clientAddress). */
    client?: string;
  },
): Response | null {
  const { mapId, reader } = opts;
  const keys = [readerKey(reader)];
  if (reader.kind === 'link') keys.push(`${keys[0]}@${opts.client ?? 'unknown'}`);
  const limits = [MAX_STREAMS_PER_READER, MAX_LINK_STREAMS_PER_CLIENT];
  if (open >= MAX_STREAMS || keys.some((k, i) => (perReader.get(k) ?? 0) >= limits[i]!)) {
    return null;
  }
  open++;
  for (const k of keys) perReader.set(k, (perReader.get(k) ?? 0) + 1);
  let closed = false;
  let cleanup = () => {};

  const stream = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        let sent = opts.since;
        // While the log is read (at the start, and on a Resync) messages wait, so that none
        // overtakes what the log holds; if too many wait, the log is simply read again after.
        let reading = true;
        let again = false;
        const waiting: BusMessage[] = [];
        // What this reader may see (lib/domain/visibility.ts), read before the log is: changes
        // and presence are encoded for them alone unless they may see everything.
        let lens: Lens | null = null;

        const close = () => {
          if (closed) return;
          closed = true;
          cleanup();
          try {
            controller.close();
          } catch {
            // already closed by the client
          }
        };
        const push = (chunk: Uint8Array) => {
          if (closed) return;
          if ((controller.desiredSize ?? 0) < -MAX_QUEUED_BYTES) return close();
          controller.enqueue(chunk);
        };
        const sendChange = (change: MapChange, shared?: object) => {
          if (change.revision <= sent) return;
          sent = change.revision;
          if (!lens) return close();
          if (!seesAll(lens)) {
            return push(sseEvent('change', seeChange(change, lens), change.revision));
          }
          let bytes = shared && encodedChanges.get(shared);
          if (!bytes) {
            bytes = sseEvent('change', change, change.revision);
            if (shared) encodedChanges.set(shared, bytes);
          }
          push(bytes);
        };
        const sendPresence = (entry: PresenceEntry) => {
          const shown = lens && seePresence(entry, lens);
          if (shown) push(sseEvent('presence', { type: 'presence', entry: shown }));
        };
        const handle = (message: BusMessage) => {
          switch (message.type) {
            case 'resync':
              // Messages were lost between servers: access messages among them, maybe, and
              // votes, which are not in the log: the page reads them again.
              if (reader.kind === 'user') recheck('role');
              if (lens?.see.votes) push(sseEvent('votes', {}));
              if (reading) again = true;
              else void readLog();
              return;
            case 'change': {
              const { type: _type, ...change } = message;
              return sendChange(change, message);
            }
            case 'presence':
              return sendPresence(message.entry);
            case 'debate-edited':
              return push(sseEvent('debate', {}));
            case 'vote': {
              const shown =
                lens && seeVote(message, lens, reader.kind === 'user' ? reader.userId : null);
              if (shown) push(sseEvent('vote', shown));
              return;
            }
            case 'leave':
              if (lens?.see.presence) {
                const userId = lens.person(message.userId, '').id;
                push(sseEvent(message.type, { ...message, userId }));
              }
              return;
            case 'suggestions':
              if (lens && reader.kind === 'user') {
                if (seesSuggestion(lens.see.suggestions, reader.userId, message.authorId))
                  push(sseEvent('suggestions', {}));
              }
              return;
            case 'access':
              if (concerns(message, reader, mapId)) recheck(message.reason ?? 'role');
              return;
            case 'marks':
              // Only "they changed": the tab loads them through its reader's check again.
              if (lens?.see.marks) push(sseEvent('marks', {}));
          }
        };
        /** Access changed: checked again from the database; the stream ends with why if it must. */
        const recheck = (reason: AccessReason) => {
          const check = async () => {
            const ended = await recheckReader(db, reader, mapId, reason);
            if (ended || reader.kind === 'link' || !lens) return ended;
            // Same role, but what they may see changed (a viewer's notes): the page reloads.
            const now = await lensOfLiveReader(db, mapId, reader);
            return JSON.stringify(now.see) === JSON.stringify(lens.see)
              ? null
              : seeingChanged(reason);
          };
          check().then(
            (ended) => {
              if (!ended) return;
              push(sseEvent('access', ended));
              close();
            },
            (error: unknown) => {
              console.error(error);
              close();
            },
          );
        };

        /** Sends the changes after `sent` from the log, then what waited meanwhile. */
        const readLog = async () => {
          reading = true;
          try {
            do {
              again = false;
              if (Number.isFinite(sent)) {
                const answer = await changesSince(db, mapId, sent, { log: lens!.see.log });
                if ('reload' in answer) push(sseEvent('reload', {}));
                else answer.changes.forEach((c) => sendChange(c));
              }
              waiting.splice(0).forEach(handle);
            } while (again && !closed);
          } catch (error) {
            console.error(error);
            close();
          } finally {
            reading = false;
          }
        };

        const unsubscribe = pubsub().subscribe(mapId, (message) => {
          // Who lost access hears it at once, whatever else waits.
          if (!reading || message.type === 'access') handle(message);
          // A change that cannot wait is read from the log again.
          else if (waiting.length < MAX_WAITING) waiting.push(message);
          else again = true;
        });
        const unwatch = reader.kind === 'user' ? onAccessChanged(handle) : () => {};
        const untrack = trackPresence(mapId);
        const heartbeat = setInterval(() => push(SSE_PING), HEARTBEAT_MS);
        const tab = reader.kind === 'user' ? opts.tabId : null;
        cleanup = () => {
          open--;
          for (const k of keys) {
            const left = (perReader.get(k) ?? 1) - 1;
            if (left > 0) perReader.set(k, left);
            else perReader.delete(k);
          }
          clearInterval(heartbeat);
          unsubscribe();
          unwatch();
          untrack();
          if (tab && reader.kind === 'user') leave(mapId, tab, reader.userId);
        };
        opts.signal.addEventListener('abort', close);

        push(sseRetry(2000));
        void (async () => {
          try {
            lens = await lensOfLiveReader(db, mapId, reader);
            // Changed since the page was rendered, before this stream could hear of it.
            const role = reader.kind === 'link' ? null : reader.role;
            const changed =
              opts.seen && role !== undefined
                ? standingChanged(opts.seen, {
                    role,
                    archived: reader.kind === 'user' && reader.archived === true,
                    see: lens.see,
                  })
                : null;
            if (changed) {
              push(sseEvent('access', changed));
              return close();
            }
            await readLog();
            if (reader.kind === 'user') {
              for (const entry of presentIn(mapId)) sendPresence(entry);
              if (tab)
                announce(mapId, {
                  tabId: tab,
                  userId: reader.userId,
                  name: reader.name,
                  claimId: null,
                  editing: false,
                });
            }
          } catch (error) {
            console.error(error);
            close();
          }
        })();
      },
      cancel() {
        if (!closed) {
          closed = true;
          cleanup();
        }
      },
    },
    // Counted in bytes, so the limit above holds however large the changes are.
    new ByteLengthQueuingStrategy({ highWaterMark: 64 * 1024 }),
  );

  return eventStreamResponse(stream);
}

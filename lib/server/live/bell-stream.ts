import 'server-only';
import type { BellCount } from '@/lib/domain/notifications';
import type { Db } from '../db';
import { bellCount } from '../notification-list';
import { unreadCount } from '../notifications';
import { onAccessChanged } from './access';
import { onBell } from './bell';
import { eventStreamResponse, SSE_PING, sseEvent, sseRetry } from './sse';

/** At most this many open bell streams per process; more are answered 503 and the browser retries. */
export const MAX_BELL_STREAMS = 5000;
/** At most this many per person (tabs, devices), so no one takes them all. */
export const MAX_BELL_STREAMS_PER_PERSON = 20;
/** A bell that rings many times at once counts once, this long after the first. */
const COALESCE_MS = 100;
const HEARTBEAT_MS = 25_000;
/** A stream whose reader takes nothing is closed past this (its browser reconnects). */
const MAX_QUEUED_BYTES = 64_000;

let open = 0;
const perPerson = new Map<string, number>();

/**
 * One person's bell, live, as server-sent events: `count` ({ unread }) when it opens and whenever
 * their notifications change (their bell topic, lib/server/live/bell.ts, which every app server
 * hears on PostgreSQL), and `ended` when their session is gone (signed out everywhere, password
 * changed or reset): nothing reconnects after that. Null when there are too many streams.
 */
export function openBellStream(
  db: Db,
  opts: { userId: string; session: string | null; signal: AbortSignal },
): Response | null {
  const { userId } = opts;
  if (open >= MAX_BELL_STREAMS || (perPerson.get(userId) ?? 0) >= MAX_BELL_STREAMS_PER_PERSON) {
    return null;
  }
  open++;
  perPerson.set(userId, (perPerson.get(userId) ?? 0) + 1);
  let closed = false;
  let cleanup = () => {};

  const stream = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        let last = -1;
        let timer: ReturnType<typeof setTimeout> | null = null;
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
        const send = (unread: number) => {
          if (unread === last) return;
          last = unread;
          push(sseEvent('count', { unread } satisfies BellCount));
        };
        const recount = () => {
          if (timer || closed) return;
          timer = setTimeout(() => {
            timer = null;
            unreadCount(db, userId).then(send, (error: unknown) => {
              console.error(error);
              close();
            });
          }, COALESCE_MS);
        };
        /** Their sessions may have ended: the stream ends with them. */
        const recheck = async () => {
          if (!opts.session) return;
          const session = await db.session.findUnique({
            where: { token: opts.session },
            select: { userId: true, expiresAt: true },
          });
          if (session && session.userId === userId && session.expiresAt > new Date()) return;
          push(sseEvent('ended', {}));
          close();
        };

        const unsubscribe = onBell(userId, recount);
        const unwatch = onAccessChanged((message) => {
          if (message.userId === userId) recheck().catch(() => close());
        });
        const heartbeat = setInterval(() => push(SSE_PING), HEARTBEAT_MS);
        cleanup = () => {
          open--;
          const left = (perPerson.get(userId) ?? 1) - 1;
          if (left > 0) perPerson.set(userId, left);
          else perPerson.delete(userId);
          clearInterval(heartbeat);
          if (timer) clearTimeout(timer);
          unsubscribe();
          unwatch();
        };
        opts.signal.addEventListener('abort', close);

        push(sseRetry(5000));
        // The first count makes any "due within a day" notification that is missing.
        bellCount(db, userId).then(send, (error: unknown) => {
          console.error(error);
          close();
        });
      },
      cancel() {
        if (!closed) {
          closed = true;
          cleanup();
        }
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: 16 * 1024 }),
  );

  return eventStreamResponse(stream);
}

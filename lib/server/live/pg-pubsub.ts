import 'server-only';
import crypto from 'node:crypto';
import pg from 'pg';
import { memoryPubSub, type BusMessage, type PubSub } from './pubsub';

/**
 * Live messages between app servers through PostgreSQL's LISTEN/NOTIFY, for several servers on
 * one database. Each server holds one connection of its own that LISTENs on one channel and sends
 * its NOTIFYs (after the change's COMMIT: apply-ops publishes only then). Every message is
 * delivered to this server's listeners at once and sent to the others as
 * `{ s: server, m: mapId, msg }`. Then:
 * - A change too large for a notification (PostgreSQL refuses 8000 bytes or more) is sent as a
 *   Resync for its map: the other servers read it from the operation log.
 * - The connection may drop (a database restart, a network cut). Until it is back, messages to
 *   and from the other servers are lost; it is reopened with a growing pause, and then every map
 *   watched here gets a Resync, and the other servers are asked (`m: '*'`) to resync theirs, so
 *   every stream catches up from the log from the last revision it sent. The same happens once
 *   the first connection is up, for streams opened while it was being made.
 * - A heartbeat notices a connection that died silently.
 * Presence and access messages are not in the log: lost ones are repeated by the tabs (presence,
 * every 20 s) or matter only to streams that the next access check closes anyway.
 */

/** PostgreSQL's limit is 8000 bytes; leave room for the envelope. */
const MAX_PAYLOAD_BYTES = 7900;
const HEARTBEAT_MS = 15_000;
const RETRY_MIN_MS = 250;
const RETRY_MAX_MS = 5_000;

interface Envelope {
  s: string;
  m: string;
  msg: BusMessage;
}

export type PostgresPubSub = PubSub & {
  /** Resolves once LISTEN is active (tests; the app does not wait for it). */
  ready(): Promise<void>;
  /** The PostgreSQL process id of the connection (tests cut it with pg_terminate_backend). */
  backendPid(): number | null;
  close(): Promise<void>;
};

export function postgresPubSub(
  url: string,
  opts: { channel?: string; log?: (message: string) => void } = {},
): PostgresPubSub {
  const channel = opts.channel ?? 'counterpoint_live';
  const log = opts.log ?? ((message: string) => console.warn(`[live] ${message}`));
  const server = crypto.randomUUID();
  const local = memoryPubSub();
  let client: pg.Client | null = null;
  let closed = false;
  let failures = 0;
  let heartbeat: ReturnType<typeof setInterval> | null = null;
  let reconnecting = false;
  let connected!: () => void;
  let isReady = new Promise<void>((r) => (connected = r));

  const resyncHere = (mapIds: string[]) => {
    for (const mapId of mapIds) local.publish(mapId, { type: 'resync' });
  };

  const notify = (envelope: Envelope) => {
    const c = client;
    if (!c) return; // Lost: the resync after the reconnect makes up for it.
    let payload = JSON.stringify(envelope);
    if (Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES) {
      if (envelope.msg.type !== 'change')
        return log(`dropped a ${envelope.msg.type} too large to send`);
      payload = JSON.stringify({ ...envelope, msg: { type: 'resync' } });
    }
    c.query('SELECT pg_notify($1, $2)', [channel, payload]).catch((error: Error) =>
      log(`could not send a message: ${error.message}`),
    );
  };

  const receive = (payload: string | undefined) => {
    let envelope: Envelope;
    try {
      envelope = JSON.parse(payload ?? '') as Envelope;
    } catch {
      return log('ignored a message that is not JSON');
    }
    if (envelope.s === server) return;
    if (envelope.m === '*') resyncHere(local.topics());
    else local.publish(envelope.m, envelope.msg);
  };

  const drop = (c: pg.Client, why: string) => {
    if (client !== c) return;
    client = null;
    if (heartbeat) clearInterval(heartbeat);
    heartbeat = null;
    c.removeAllListeners();
    c.on('error', () => {}); // a late error from the dead connection must not crash the process
    c.end().catch(() => {});
    if (closed) return;
    reconnecting = true;
    isReady = new Promise<void>((r) => (connected = r));
    const wait = Math.min(RETRY_MAX_MS, RETRY_MIN_MS * 2 ** failures++);
    log(`lost the connection to the other servers (${why}); trying again in ${wait} ms`);
    setTimeout(() => void connect(), wait);
  };

  const connect = async () => {
    if (closed) return;
    const c = new pg.Client({ connectionString: url, keepAlive: true });
    c.on('error', (error) => drop(c, error.message));
    c.on('end', () => drop(c, 'connection ended'));
    c.on('notification', (n) => {
      if (n.channel === channel) receive(n.payload);
    });
    client = c;
    try {
      await c.connect();
      await c.query(`LISTEN ${channel}`);
    } catch (error) {
      return drop(c, (error as Error).message);
    }
    if (closed || client !== c) return;
    if (reconnecting) log('connection to the other servers is back; catching up');
    failures = 0;
    heartbeat = setInterval(() => {
      const timer = setTimeout(() => drop(c, 'no answer to the heartbeat'), HEARTBEAT_MS);
      c.query('SELECT 1').then(
        () => clearTimeout(timer),
        (error: Error) => (clearTimeout(timer), drop(c, error.message)),
      );
    }, HEARTBEAT_MS);
    heartbeat.unref?.();
    // Whatever happened while there was no connection, here and (after a drop) on the other
    // servers, which missed what this one sent meanwhile.
    resyncHere(local.topics());
    if (reconnecting) notify({ s: server, m: '*', msg: { type: 'resync' } });
    reconnecting = false;
    connected();
  };
  void connect();

  return {
    publish(mapId, message) {
      local.publish(mapId, message);
      if (message.type !== 'resync') notify({ s: server, m: mapId, msg: message });
    },
    subscribe: (mapId, listener) => local.subscribe(mapId, listener),
    ready: () => isReady,
    backendPid: () => (client as unknown as { processID?: number } | null)?.processID ?? null,
    async close() {
      closed = true;
      const c = client;
      if (c) drop(c, 'closed');
    },
  };
}

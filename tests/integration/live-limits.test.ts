import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CLIENT_STAMP_HEADER, proxyStamp } from '@/lib/client-address';
import { GET as getEvents } from '@/app/api/maps/[mapId]/events/route';
import { POST as postPresence } from '@/app/api/maps/[mapId]/presence/route';
import { PRESENCE_WINDOW_MS } from '@/lib/server/live/presence';
import { memoryPubSub, setPubSub, type BusMessage } from '@/lib/server/live/pubsub';
import { MAX_LINK_STREAMS_PER_CLIENT } from '@/lib/server/live/stream';
import { inviteByEmail } from '@/lib/server/members';
import { getOrCreateShareLink } from '@/lib/server/share-links';
import { apply, claim, createUser, db, userWithMap } from '../support/factories';
import { headersFor } from '../support/fake-session';

// Fair use of the live streams: a view link's streams are limited per client as well as per
// link, and presence is coalesced per person.
vi.mock('@/lib/server/session', () => import('../support/fake-session'));

let bus = memoryPubSub();
beforeEach(() => {
  bus = memoryPubSub();
  setPubSub(bus);
});

const params = (mapId: string) => ({ params: Promise.resolve({ mapId }) });

describe('live streams of a view link', () => {
  it('are limited per client, so one client cannot take the link’s streams from everyone', async () => {
    const { user, map } = await userWithMap();
    const link = await getOrCreateShareLink(db, { userId: user.id, mapId: map.id });
    const aborts: AbortController[] = [];
    const open = async (client: string) => {
      const abort = new AbortController();
      aborts.push(abort);
      const request = new Request(
        `http://localhost:3000/api/maps/${map.id}/events?since=0&link=${link.token}`,
        // As proxy.ts hands a request on: the connection's address, stamped.
        {
          headers: { 'x-forwarded-for': client, [CLIENT_STAMP_HEADER]: proxyStamp() },
          signal: abort.signal,
        },
      );
      const response = await getEvents(request, params(map.id));
      return response.status;
    };
    try {
      for (let i = 0; i < MAX_LINK_STREAMS_PER_CLIENT; i++)
        expect(await open('203.0.113.7')).toBe(200);
      expect(await open('203.0.113.7')).toBe(503);
      expect(await open('198.51.100.20')).toBe(200);
    } finally {
      for (const a of aborts) a.abort();
    }
    // Closed streams give their places back.
    await new Promise((r) => setTimeout(r, 50));
    expect(await open('203.0.113.7')).toBe(200);
    aborts.at(-1)!.abort();
  });

  it('send the changes made from the moment it opens, as the link shows them', async () => {
    const { user, map, a } = await userWithMap();
    const c = await claim(user.id, map.id, a.id, null, 'pro', 'Visible');
    const link = await getOrCreateShareLink(db, { userId: user.id, mapId: map.id });
    const { revision } = await db.argumentMap.findUniqueOrThrow({ where: { id: map.id } });
    const abort = new AbortController();
    const request = new Request(
      `http://localhost:3000/api/maps/${map.id}/events?since=${revision}&link=${link.token}`,
      { signal: abort.signal },
    );
    const response = await getEvents(request, params(map.id));
    const reader = response.body!.getReader();
    await new Promise((r) => setTimeout(r, 50));
    await apply(user.id, map.id, {
      kind: 'claim.update',
      claimId: c.id,
      set: { text: 'Changed now', note: 'private plan' },
      base: { text: 'Visible', note: '' },
    });
    let text = '';
    const decoder = new TextDecoder();
    while (!text.includes('Changed now')) text += decoder.decode((await reader.read()).value);
    abort.abort();
    expect(text).not.toContain('reload');
    expect(text).not.toContain('private plan');
    expect(text).toContain(`id: ${revision + 1}`);
  });
});

describe('presence', () => {
  it('is coalesced per person: hundreds of pings reach watchers as at most one event a second, the latest last', async () => {
    const { user, map } = await userWithMap();
    const member = await createUser('Pinger');
    await inviteByEmail(db, {
      userId: user.id,
      mapId: map.id,
      email: member.email,
      role: 'viewer',
    });
    const heard: BusMessage[] = [];
    bus.subscribe(map.id, (m) => void (m.type === 'presence' && heard.push(m)));
    const ping = (claimId: string) =>
      postPresence(
        new Request(`http://localhost:3000/api/maps/${map.id}/presence`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            origin: 'http://localhost:3000',
            ...headersFor(member.id),
          },
          body: JSON.stringify({ tabId: 'tab-of-pinger', claimId, editing: false }),
        }),
        params(map.id),
      );
    const started = Date.now();
    for (let i = 0; i < 300; i++) expect((await ping(`claim-${i}`)).status).toBe(200);
    const windows = Math.ceil((Date.now() - started) / PRESENCE_WINDOW_MS);
    await new Promise((r) => setTimeout(r, PRESENCE_WINDOW_MS * 1.5));
    // One event per window at most (the first at once), and the last word is the latest place.
    expect(heard.length).toBeGreaterThan(0);
    expect(heard.length).toBeLessThanOrEqual(windows + 2);
    const last = heard.at(-1) as Extract<BusMessage, { type: 'presence' }>;
    expect(last.entry.claimId).toBe('claim-299');
  }, 30_000);
});

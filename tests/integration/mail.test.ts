import crypto from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { managedEmail } from '@/lib/domain/classroom/usernames';
import { AppError } from '@/lib/errors';
import { accountSummary, setEmailNotifications } from '@/lib/server/account-settings';
import { listDeliveries, sendAgain } from '@/lib/server/deliveries';
import { inviteByEmail } from '@/lib/server/members';
import { notify, markRead } from '@/lib/server/notifications';
import { remindDueSoon } from '@/lib/server/notification-mail';
import { deliverDue } from '@/lib/server/outbox';
import { getOrCreateShareLink, joinViaLink } from '@/lib/server/share-links';
import { requestPasswordReset, resetPassword, signIn, signUp } from '@/lib/server/sign-in';
import { start } from '../../scripts/fakes/smtp.mjs';
import { classTeam } from '../support/class-team';
import { apply, createUser, db, theAdmin, userWithMap } from '../support/factories';
import { inRequest } from '../support/request-scope';

// What Counterpoint mails, read as it arrives at a real SMTP server run here
// (scripts/fakes/smtp.mjs): reset links that work (however late the mail), invites to a map, and
// the bell's notifications for those who chose them, in words for their reader; links from
// BETTER_AUTH_URL; nothing to a managed student's placeholder address.
vi.mock('next/headers', () => import('../support/request-scope'));

const APP = 'https://debate.school.example';
let smtp: Awaited<ReturnType<typeof start>>;
beforeAll(async () => {
  smtp = await start(0);
});
afterAll(() => smtp.stop());
beforeEach(async () => {
  vi.stubEnv('SMTP_URL', smtp.url);
  vi.stubEnv('MAIL_FROM', 'Counterpoint <counterpoint@school.example>');
  vi.stubEnv('BETTER_AUTH_URL', APP);
  await db.outboxMessage.deleteMany({});
  smtp.clear();
});
afterEach(() => vi.unstubAllEnvs());

const later = (ms: number) => new Date(Date.now() + ms);
const inbox = async (to: string) => {
  await deliverDue(later(0));
  return smtp.messages(to);
};
const linkIn = (text: string) => /https?:\/\/\S+/.exec(text)?.[0] ?? '';
let ips = 0;
const ip = () => `203.0.113.${(++ips % 250) + 1}`;

describe('password resets', () => {
  it('mails a link from BETTER_AUTH_URL that works, even when the mail goes out late', async () => {
    const email = `reset-${crypto.randomUUID()}@school.example`;
    await inRequest({ ip: ip() }, () =>
      signUp({ name: 'Rosa', email, password: 'the old password' }),
    );
    smtp.failNext(1); // the school's mail server is down at first
    await inRequest({ ip: ip() }, () => requestPasswordReset({ email }));
    await expect.poll(() => db.outboxMessage.count()).toBe(1);
    expect(await inbox(email)).toEqual([]);
    // Tried again later: it arrives then, and its link still works.
    await deliverDue(later(31_000));
    const [got] = smtp.messages(email);
    expect(got!.subject).toBe('Choose a new Counterpoint password');
    expect(got!.text).toContain('Hello Rosa,');
    const link = linkIn(got!.text);
    expect(link).toMatch(new RegExp(`^${APP}/reset-password\\?token=`));
    expect(got!.html).toContain(`href="${link}"`);
    const token = new URL(link).searchParams.get('token')!;
    await inRequest({ ip: ip() }, () => resetPassword({ token, password: 'a brand new password' }));
    await inRequest({ ip: ip() }, () => signIn({ email, password: 'a brand new password' }));
  });

  it('mails nothing for an address without an account', async () => {
    await inRequest({ ip: ip() }, () =>
      requestPasswordReset({ email: `nobody-${crypto.randomUUID()}@school.example` }),
    );
    expect(await db.outboxMessage.count()).toBe(0);
  });
});

describe('invites', () => {
  it('mails someone added to a map a link to it, with the title escaped in the HTML', async () => {
    const { user: owner, map } = await userWithMap('Olive');
    await db.argumentMap.update({
      where: { id: map.id },
      data: { title: 'Sanctions & <b>talks</b>' },
    });
    const kim = await createUser('Kim');
    const added = await inviteByEmail(db, {
      userId: owner.id,
      mapId: map.id,
      email: kim.email,
      role: 'commenter',
    });
    expect(added).toMatchObject({ outcome: 'added', mailed: true });
    const [got] = await inbox(kim.email);
    expect(got!.subject).toBe('Olive shared “Sanctions & <b>talks</b>” with you');
    expect(got!.text).toContain('Olive invited you to comment on the argument map');
    expect(linkIn(got!.text)).toBe(`${APP}/maps/${map.id}`);
    expect(got!.html).toContain('Sanctions &amp; &lt;b&gt;talks&lt;/b&gt;');
    expect(got!.html).not.toContain('<b>talks');
    // A new role for someone already there is no new invite.
    const changed = await inviteByEmail(db, {
      userId: owner.id,
      mapId: map.id,
      email: kim.email,
      role: 'editor',
    });
    expect(changed).toMatchObject({ outcome: 'changed', mailed: false });
    expect(await inbox(kim.email)).toHaveLength(1);
  });

  it('names the inviter as the invitee may see them, and mails no placeholder address', async () => {
    const w = await classTeam({ anonymous: true });
    await inviteByEmail(db, {
      userId: w.teacher.id,
      mapId: w.mapId,
      email: w.cai.email,
      role: 'viewer',
    });
    const [got] = await inbox(w.cai.email);
    expect(got!.text).toContain('Teacher invited you to read');
    expect(JSON.stringify(got)).not.toContain('Rivera');

    const { user: owner, map } = await userWithMap('Olive');
    const managed = await createUser('Managed');
    await db.user.update({
      where: { id: managed.id },
      data: { email: managedEmail(`m${Date.now()}`) },
    });
    const r = await inviteByEmail(db, {
      userId: owner.id,
      mapId: map.id,
      email: (await db.user.findUniqueOrThrow({ where: { id: managed.id } })).email,
      role: 'editor',
    });
    expect(r).toMatchObject({ outcome: 'added', mailed: false });
    expect(
      await db.outboxMessage.count({
        where: { kind: 'mail', payload: { contains: 'students.invalid' } },
      }),
    ).toBe(0);
  });

  it('says no mail went out when the server sends none', async () => {
    vi.stubEnv('SMTP_URL', '');
    const { user: owner, map } = await userWithMap('Olive');
    const kim = await createUser('Kim');
    const r = await inviteByEmail(db, {
      userId: owner.id,
      mapId: map.id,
      email: kim.email,
      role: 'editor',
    });
    expect(r.mailed).toBe(false);
  });
});

const comment = (userId: string, mapId: string, claimId: string, parentId: string | null) =>
  apply(userId, mapId, {
    kind: 'comment.add',
    commentId: crypto.randomUUID(),
    claimId,
    parentId,
    body: 'A thought',
  }).then((r) => (r.data as { id: string }).id);
const optIn = (userId: string) =>
  db.user.update({ where: { id: userId }, data: { emailNotifications: true } });

describe('notifications by email', () => {
  it('mails those who chose it, in words for them (pseudonyms hold), with a link to the claim', async () => {
    const w = await classTeam({ anonymous: true });
    await optIn(w.ana.id);
    const root = await comment(w.ana.id, w.mapId, w.claimId, null);
    await comment(w.ben.id, w.mapId, w.claimId, root); // Ana hears of it (the SQL path)
    await comment(w.ana.id, w.mapId, w.claimId, root); // Ben too, but he did not choose mail
    const [got, more] = await inbox(w.ana.email);
    expect(more).toBeUndefined();
    expect(got!.subject).toBe('Red Fox replied to your comment on “Sport opens doors”.');
    expect(linkIn(got!.text)).toBe(`${APP}/maps/${w.mapId}?claim=${w.claimId}`);
    expect(got!.text).toContain(`${APP}/settings`);
    expect(JSON.stringify(got)).not.toMatch(/Ben|Rivera/);
    expect(smtp.messages(w.ben.email)).toEqual([]);
  });

  it('mails from a notification recorded in a transaction, only once it commits', async () => {
    const { user: owner, map } = await userWithMap('Olive');
    await optIn(owner.id);
    const link = await getOrCreateShareLink(db, {
      userId: owner.id,
      mapId: map.id,
      role: 'editor',
    });
    const kim = await createUser('Kim');
    await expect(
      db.$transaction(async (tx) => {
        await notify(tx, { userId: owner.id, kind: 'joined-map', actorId: kim.id, mapId: map.id });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await db.outboxMessage.count()).toBe(0);
    await joinViaLink(db, { userId: kim.id, token: link.token });
    const [got] = await inbox(owner.email);
    expect(got!.subject).toBe("Kim joined your map “Olive's map” (can edit).");
  });

  it('sends nothing once it was read in the bell, or mail was turned off, or without SMTP', async () => {
    const w = await classTeam();
    await optIn(w.ana.id);
    const root = await comment(w.ana.id, w.mapId, w.claimId, null);
    await comment(w.ben.id, w.mapId, w.claimId, root);
    await markRead(db, { userId: w.ana.id, all: true });
    await comment(w.teacher.id, w.mapId, w.claimId, root);
    expect((await inbox(w.ana.email)).map((m) => m.subject)).toEqual([
      'Rivera replied to your comment on “Sport opens doors”.',
    ]);
    smtp.clear();
    await comment(w.ben.id, w.mapId, w.claimId, root);
    await setEmailNotifications(db, { userId: w.ana.id, on: false });
    expect(await inbox(w.ana.email)).toEqual([]);
    await optIn(w.ana.id);
    vi.stubEnv('SMTP_URL', '');
    const before = await db.outboxMessage.count();
    await comment(w.ben.id, w.mapId, w.claimId, root);
    expect(await db.outboxMessage.count()).toBe(before);
  });
});

describe('due-soon reminders by email', () => {
  it('reach those who chose mail without their opening the app, once per assignment', async () => {
    const w = await classTeam({ dueAt: new Date(Date.now() + 3_600_000) });
    await optIn(w.ana.id);
    expect(await remindDueSoon()).toBeGreaterThanOrEqual(1);
    await remindDueSoon();
    const got = await inbox(w.ana.email);
    expect(got.map((m) => m.subject)).toEqual([
      expect.stringMatching(/^“Olympic thaw” is due .+ UTC\.$/),
    ]);
    expect(linkIn(got[0]!.text)).toBe(`${APP}/maps/${w.mapId}`);
    expect(smtp.messages(w.ben.email)).toEqual([]); // Ben did not choose mail
  });
});

describe('the settings toggle and the admin page', () => {
  const code = (p: Promise<unknown>) =>
    p.then(
      () => 'ok',
      (e: unknown) => (e instanceof AppError ? e.code : String(e)),
    );

  it('offers emailed notifications only where mail can be sent, to a real address', async () => {
    const kim = await createUser('Kim');
    expect(await accountSummary(db, kim.id)).toMatchObject({
      canEmail: true,
      emailNotifications: false,
    });
    expect(await setEmailNotifications(db, { userId: kim.id, on: true })).toEqual({ on: true });
    const managed = await createUser('Managed');
    await db.user.update({
      where: { id: managed.id },
      data: { email: managedEmail(`z${Date.now()}`) },
    });
    expect((await accountSummary(db, managed.id)).canEmail).toBe(false);
    expect(await code(setEmailNotifications(db, { userId: managed.id, on: true }))).toBe(
      'CONFLICT',
    );
    // An account an LMS made without an email has a placeholder too (lms-…@lms.invalid).
    const { user: fromLms, map: lmsMap } = await userWithMap('Lou');
    await db.user.update({
      where: { id: fromLms.id },
      data: { email: `lms-${crypto.randomUUID()}@lms.invalid` },
    });
    expect((await accountSummary(db, fromLms.id)).canEmail).toBe(false);
    expect(await code(setEmailNotifications(db, { userId: fromLms.id, on: true }))).toBe(
      'CONFLICT',
    );
    // Turned on before (or by hand): its notifications still mail nobody.
    await optIn(fromLms.id);
    const before = await db.outboxMessage.count();
    await notify(db, { userId: fromLms.id, kind: 'joined-map', actorId: kim.id, mapId: lmsMap.id });
    expect(await db.outboxMessage.count()).toBe(before);
    vi.stubEnv('SMTP_URL', '');
    expect((await accountSummary(db, kim.id)).canEmail).toBe(false);
    expect(await code(setEmailNotifications(db, { userId: kim.id, on: true }))).toBe('CONFLICT');
    expect(await code(setEmailNotifications(db, { userId: kim.id, on: false }))).toBe('ok');
  });

  it('lists what has not gone out with its last error for the admin only, and sends it again', async () => {
    const admin = await theAdmin();
    const kim = await createUser('Kim');
    const { user: owner, map } = await userWithMap('Olive');
    smtp.failNext(1, 550);
    await inviteByEmail(db, { userId: owner.id, mapId: map.id, email: kim.email, role: 'editor' });
    expect(await inbox(kim.email)).toEqual([]);
    expect(await code(listDeliveries(db, { userId: kim.id }))).toBe('NOT_FOUND');
    const { rows, mail } = await listDeliveries(db, { userId: admin.id });
    expect(mail).toEqual({ server: smtp.url, from: 'Counterpoint <counterpoint@school.example>' });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ what: 'Email', to: kim.email, state: 'failed', attempts: 1 });
    expect(rows[0]!.lastError).toMatch(/550|mailbox/i);
    expect(await code(sendAgain(db, { userId: kim.id, id: rows[0]!.id }))).toBe('NOT_FOUND');
    expect(await sendAgain(db, { userId: admin.id, id: rows[0]!.id })).toEqual({
      sent: true,
      error: null,
    });
    expect(smtp.messages(kim.email)).toHaveLength(1);
    expect((await listDeliveries(db, { userId: admin.id })).rows).toEqual([]);
  });
});

import crypto from 'node:crypto';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { schoolCallback, startSchoolSignIn } from '@/lib/server/school-sign-in/routes';
import { forgetSchoolSignIn } from '@/lib/server/school-sign-in/config';
import { requestPasswordReset, resetPassword, signUp } from '@/lib/server/sign-in';
import { APP_ENV, PASSWORD, start } from '../../scripts/fakes/oidc.mjs';
import { db } from '../support/factories';
import { inRequest } from '../support/request-scope';

// "Sign in with <school>" against a real OpenID provider (oidc-provider, scripts/fakes/oidc.mjs)
// on a port of its own: the sign-in starts through the same server function as the button's
// route, the browser's part (the provider's login and consent pages) is done with fetch, and the
// provider's answer goes to better-auth's callback through the same route handler as in the app.
vi.mock('next/headers', () => import('../support/request-scope'));

const APP = 'http://localhost:3999';
let provider: Awaited<ReturnType<typeof start>>;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** Makes the app read its configuration (and build better-auth) again, with `env` in force. */
function configure(env: Record<string, string | undefined>) {
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
  forgetSchoolSignIn();
  delete (globalThis as { counterpointAuth?: unknown }).counterpointAuth;
}

beforeAll(async () => {
  const port = await freePort();
  provider = await start(port, { redirectUris: [`${APP}/api/auth/callback/school`] });
  configure({ ...APP_ENV, OIDC_ISSUER: provider.url, BETTER_AUTH_URL: APP });
});

afterAll(async () => {
  vi.unstubAllEnvs();
  forgetSchoolSignIn();
  delete (globalThis as { counterpointAuth?: unknown }).counterpointAuth;
  await provider?.stop();
});

/** A browser's cookies on one site, from the Set-Cookie headers of its answers. */
class Jar {
  cookies = new Map<string, string>();
  take(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1));
    }
  }
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/** Follows the provider's redirects from `url` until one leaves it; returns that address. */
async function atProvider(jar: Jar, url: string, init: RequestInit = {}): Promise<string> {
  let next: string = url;
  let request: RequestInit = init;
  for (let hop = 0; hop < 10; hop++) {
    const res = await fetch(next, {
      ...request,
      redirect: 'manual',
      headers: { ...(request.headers as Record<string, string>), cookie: jar.header() },
    });
    jar.take(res);
    const location = res.headers.get('location');
    if (!location) return next;
    next = new URL(location, next).href;
    if (!next.startsWith(provider.url)) return next;
    request = {};
  }
  throw new Error('too many redirects');
}

const post = (form: Record<string, string>): RequestInit => ({
  method: 'POST',
  body: new URLSearchParams(form),
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
});

/**
 * One sign-in through the school, as a browser does it: the button's route, the provider's login
 * (and consent) pages, the callback. `tamper` changes the provider's answer before the app sees it.
 * Returns where the app sent the browser, and the session cookie it set (if any).
 */
async function signInAtSchool(
  email: string,
  opts: { tamper?: (callback: URL) => void; next?: string } = {},
) {
  const appJar = new Jar();
  const started = await startSchoolSignIn(
    new Request(`${APP}/sign-in/school`),
    opts.next ?? '/start',
  );
  appJar.take(started);
  const authorize = started.headers.get('location')!;
  expect(authorize).toMatch(new RegExp(`^${provider.url}/auth\\?`));
  const providerJar = new Jar();
  const loginPage = await atProvider(providerJar, authorize);
  let back = await atProvider(
    providerJar,
    `${loginPage}/login`,
    post({ email, password: PASSWORD }),
  );
  if (back.startsWith(provider.url)) {
    // The consent page, the first time this account meets the app.
    back = await atProvider(providerJar, `${back}/confirm`, post({}));
  }
  const callback = new URL(back);
  expect(callback.pathname).toBe('/api/auth/callback/school');
  opts.tamper?.(callback);
  const res = await schoolCallback(new Request(callback, { headers: { cookie: appJar.header() } }));
  const location = new URL(res.headers.get('location') ?? '', APP);
  const session = res.headers
    .getSetCookie()
    .find((c) => c.startsWith('better-auth.session_token=') && !c.includes('Max-Age=0'));
  return { location, session };
}

const unique = (name: string) => `${name}-${crypto.randomUUID().slice(0, 8)}@lincoln.test`;

async function schoolAccount(opts: {
  email?: string;
  verified?: boolean;
  groups?: string[];
}): Promise<string> {
  const email = opts.email ?? unique('person');
  provider.addAccount({
    sub: `sub-${crypto.randomUUID()}`,
    email,
    name: 'Pat Person',
    email_verified: opts.verified ?? true,
    groups: opts.groups ?? [],
  });
  return email;
}

const userByEmail = (email: string) =>
  db.user.findUnique({ where: { email }, include: { accounts: true } });

describe('sign in with the school (OpenID Connect)', { timeout: 30_000 }, () => {
  it('makes a teacher of a new person in the teachers group, and a student of anyone else', async () => {
    const teacher = await schoolAccount({ groups: ['staff', 'teachers'] });
    const student = await schoolAccount({ groups: ['students'] });
    const t = await signInAtSchool(teacher, { next: '/classes' });
    expect(t.location.pathname).toBe('/classes');
    expect(t.session).toBeTruthy();
    const s = await signInAtSchool(student);
    expect(s.location.pathname).toBe('/start');
    expect(s.session).toBeTruthy();

    const tUser = await userByEmail(teacher);
    expect(tUser).toMatchObject({
      accountKind: 'teacher',
      name: 'Pat Person',
      emailVerified: true,
    });
    expect(tUser!.accounts.map((a) => a.providerId)).toEqual(['school']);
    expect((await userByEmail(student))?.accountKind).toBe('student');

    // Signing in again is the same account.
    await signInAtSchool(teacher);
    expect(await db.user.count({ where: { email: teacher } })).toBe(1);
    expect(await db.account.count({ where: { userId: tUser!.id } })).toBe(1);
  });

  it('refuses an address of another domain with a clear message, and makes no account', async () => {
    const email = await schoolAccount({ email: `visitor-${crypto.randomUUID()}@elsewhere.test` });
    const { location, session } = await signInAtSchool(email);
    expect(location.pathname).toBe('/sign-in');
    expect(location.searchParams.get('error')).toBe('domain_not_allowed');
    expect(session).toBeUndefined();
    expect(await userByEmail(email)).toBeNull();
  });

  it('joins an existing account only when the provider verified the address and its owner proved it here', async () => {
    const email = unique('existing');
    await inRequest({}, () => signUp({ name: 'Existing', email, password: 'a long password 1' }));
    const before = await userByEmail(email);

    await schoolAccount({ email, verified: false });
    const refused = await signInAtSchool(email);
    expect(refused.location.searchParams.get('error')).toBe('account_not_linked');
    expect(refused.session).toBeUndefined();
    expect((await userByEmail(email))!.accounts.map((a) => a.providerId)).toEqual(['credential']);

    // Verified by the provider, but nothing here proves the password account's owner reads
    // that address (anyone may have signed up with it): still not joined.
    await schoolAccount({ email, verified: true, groups: ['teachers'] });
    const unproven = await signInAtSchool(email);
    expect(unproven.location.searchParams.get('error')).toBe('account_not_linked');
    expect(unproven.session).toBeUndefined();

    // The owner uses a reset link sent to the address: proven, and joined at the next sign-in.
    await inRequest({}, () => requestPasswordReset({ email }));
    const sent = await db.verification.findFirstOrThrow({
      where: { value: before!.id, identifier: { startsWith: 'reset-password:' } },
    });
    const token = sent.identifier.slice('reset-password:'.length);
    await inRequest({}, () => resetPassword({ token, password: 'a longer new password' }));
    expect((await userByEmail(email))!.emailVerified).toBe(true);
    const joined = await signInAtSchool(email);
    expect(joined.session).toBeTruthy();
    const after = await userByEmail(email);
    expect(after!.id).toBe(before!.id);
    expect(after!.accounts.map((a) => a.providerId).sort()).toEqual(['credential', 'school']);
    // The teachers group makes the student who signed up a teacher.
    expect(after!.accountKind).toBe('teacher');
  });

  it('refuses a new account on an address the provider says it has not verified', async () => {
    const email = await schoolAccount({ verified: false });
    const { location, session } = await signInAtSchool(email);
    expect(location.searchParams.get('error')).toBe('email_not_verified');
    expect(session).toBeUndefined();
    expect(await userByEmail(email)).toBeNull();
  });

  it('never makes a teacher a student again', async () => {
    const email = await schoolAccount({ groups: ['students'] });
    await signInAtSchool(email);
    const user = await userByEmail(email);
    expect(user!.accountKind).toBe('student');
    // The admin makes them a teacher; the provider still says "students".
    await db.user.update({ where: { id: user!.id }, data: { accountKind: 'teacher' } });
    const again = await signInAtSchool(email);
    expect(again.session).toBeTruthy();
    expect((await userByEmail(email))!.accountKind).toBe('teacher');
  });

  it('makes the oldest account the admin while the server has none, as sign-up does', async () => {
    const admins = await db.user.findMany({ where: { isAdmin: true }, select: { id: true } });
    await db.user.updateMany({ where: { isAdmin: true }, data: { isAdmin: false } });
    try {
      const email = await schoolAccount({ groups: ['students'] });
      await signInAtSchool(email);
      const now = await db.user.findMany({ where: { isAdmin: true } });
      expect(now).toHaveLength(1);
      const oldest = await db.user.findFirst({
        where: { managedById: null },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      });
      expect(now[0]).toMatchObject({ id: oldest!.id, accountKind: 'teacher' });
    } finally {
      await db.user.updateMany({ where: { isAdmin: true }, data: { isAdmin: false } });
      await db.user.updateMany({
        where: { id: { in: admins.map((a) => a.id) } },
        data: { isAdmin: true },
      });
    }
  });

  it('refuses an answer whose state was changed, and one whose ID token another key signed', async () => {
    const email = await schoolAccount({ groups: ['teachers'] });
    const changed = await signInAtSchool(email, {
      tamper: (callback) =>
        callback.searchParams.set('state', `${callback.searchParams.get('state')}x`),
    });
    expect(changed.location.pathname).toBe('/sign-in');
    expect(changed.location.searchParams.get('error')).toBe('state_mismatch');
    expect(changed.session).toBeUndefined();

    provider.forgeNextIdToken();
    const forged = await signInAtSchool(email);
    expect(forged.location.pathname).toBe('/sign-in');
    expect(forged.location.searchParams.get('error')).toBe('unable_to_get_user_info');
    expect(forged.session).toBeUndefined();
    expect(await userByEmail(email)).toBeNull();

    // The same person, untampered, gets in.
    expect((await signInAtSchool(email)).session).toBeTruthy();
  });

  it('sends a callback that answers no sign-in started here back to the sign-in page', async () => {
    const callbacks = [
      '',
      '?code=abc',
      '?code=abc&state=made-up',
      `?code=abc&state=${'x'.repeat(5000)}`,
      '?error=access_denied&state=made-up',
      '?code=abc&state=made-up&iss=https%3A%2F%2Fevil.example',
    ];
    for (const query of callbacks) {
      const res = await schoolCallback(new Request(`${APP}/api/auth/callback/school${query}`));
      expect(res.status, query).toBe(302);
      const location = new URL(res.headers.get('location')!, APP);
      expect(location.pathname, query).toBe('/sign-in');
      expect(location.searchParams.get('error'), query).toMatch(/^state_(not_found|mismatch)$/);
      expect(
        res.headers
          .getSetCookie()
          .some((c) => c.includes('session_token=') && !c.includes('Max-Age=0')),
      ).toBe(false);
    }
    // A cancelled sign-in comes back with the provider's error and the state it was started with.
    const cancelled = await signInAtSchool(await schoolAccount({}), {
      tamper: (callback) => {
        callback.searchParams.delete('code');
        callback.searchParams.set('error', 'access_denied');
      },
    });
    expect(cancelled.location.searchParams.get('error')).toBe('access_denied');
    expect(cancelled.session).toBeUndefined();
  });

  it('says so on the sign-in page when the provider cannot be reached', async () => {
    configure({ OIDC_ISSUER: `http://localhost:${await freePort()}` });
    try {
      const started = await startSchoolSignIn(new Request(`${APP}/sign-in/school`), '/maps');
      expect(started.status).toBe(303);
      expect(started.headers.get('location')).toBe(
        '/sign-in?next=%2Fmaps&error=provider_unavailable',
      );
    } finally {
      configure({ ...APP_ENV, OIDC_ISSUER: provider.url, BETTER_AUTH_URL: APP });
    }
  });

  it('answers the callback 404 and offers no sign-in when nothing is configured', async () => {
    configure({ OIDC_ISSUER: '' });
    try {
      const started = await startSchoolSignIn(new Request(`${APP}/sign-in/school`), '/start');
      expect(started.status).toBe(404);
      const res = await schoolCallback(
        new Request(`${APP}/api/auth/callback/school?code=x&state=y`),
      );
      expect(res.status).toBe(404);
    } finally {
      configure({ ...APP_ENV, OIDC_ISSUER: provider.url, BETTER_AUTH_URL: APP });
    }
  });
});

// A real OpenID Provider for the tests of "Sign in with <school>": oidc-provider (a certified
// implementation of OpenID Connect), with a login page, a consent page and a few school accounts.
// scripts/e2e-server.mjs starts it on E2E_PORT+3 before the app; integration tests start it on a
// port of their own. Every account's password is PASSWORD.
import crypto from 'node:crypto';
import http from 'node:http';
import Provider from 'oidc-provider';

export const PASSWORD = 'school-password';
export const CLIENT_ID = 'counterpoint';
export const CLIENT_SECRET = 'counterpoint-test-secret';
/** The environment the app needs to use this provider (plus OIDC_ISSUER: the running one's url). */
export const APP_ENV = {
  OIDC_CLIENT_ID: CLIENT_ID,
  OIDC_CLIENT_SECRET: CLIENT_SECRET,
  OIDC_NAME: 'Lincoln High',
  OIDC_ALLOWED_DOMAINS: 'lincoln.test',
  OIDC_TEACHER_CLAIM: 'groups',
  OIDC_TEACHER_VALUES: 'teachers',
};

/**
 * @typedef {{ sub: string, email: string, name: string, email_verified: boolean, groups?: string[] }} Account
 * @type {Account[]}
 */
export const ACCOUNTS = [
  {
    sub: 'u-teacher',
    email: 'teacher@lincoln.test',
    name: 'Tess Okafor',
    email_verified: true,
    groups: ['staff', 'teachers'],
  },
  {
    sub: 'u-student',
    email: 'student@lincoln.test',
    name: 'Sam Rivera',
    email_verified: true,
    groups: ['students'],
  },
  { sub: 'u-outsider', email: 'visitor@elsewhere.test', name: 'Val Visitor', email_verified: true },
  // The same address as an account made on the app with a password; the provider never checked it.
  { sub: 'u-unverified', email: 'taken@lincoln.test', name: 'Una Verified', email_verified: false },
];

const html = (title, body) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} – Lincoln High sign-in</title>
<style>body{font:16px system-ui,sans-serif;max-width:22rem;margin:3rem auto;padding:0 1rem}
label,input,button{display:block;width:100%;box-sizing:border-box}input{margin:.25rem 0 1rem;padding:.5rem}
button{padding:.6rem;margin-top:.5rem}.error{color:#a00}</style></head>
<body><h1>${title}</h1>${body}</body></html>`;

const escape = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

async function formBody(req) {
  let text = '';
  for await (const chunk of req) text += chunk;
  return Object.fromEntries(new URLSearchParams(text));
}

/** An RS256 JWT of `payload`, signed with `key` (a private KeyObject), with header kid `kid`. */
function signJwt(payload, key, kid) {
  const part = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const input = `${part({ alg: 'RS256', typ: 'JWT', kid })}.${part(payload)}`;
  const signature = crypto.sign('RSA-SHA256', Buffer.from(input), key).toString('base64url');
  return `${input}.${signature}`;
}

/**
 * Starts the provider on `port`; `redirectUris` are the app's callback addresses.
 * @param {number} port
 * @param {{ redirectUris?: string[] }} [options]
 */
export async function start(port, options = {}) {
  const url = `http://localhost:${port}`;
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = 'school-key-1';
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' };
  const accounts = new Map(ACCOUNTS.map((a) => [a.email, a]));
  const bySub = () => new Map([...accounts.values()].map((a) => [a.sub, a]));
  let forgeNext = false;

  const provider = new Provider(url, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: options.redirectUris ?? ['http://localhost:3000/api/auth/callback/school'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: [crypto.randomBytes(16).toString('hex')] },
    // Claims in the ID token, as Keycloak and Entra ID put them there (the app reads them there).
    conformIdTokenClaims: false,
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'groups'],
    },
    findAccount: (_ctx, sub) => {
      const account = bySub().get(sub);
      if (!account) return undefined;
      return { accountId: sub, claims: () => ({ ...account }) };
    },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    pkce: { required: () => true },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
    renderError: (ctx, out) => {
      ctx.type = 'html';
      ctx.body = html(
        'Sign-in error',
        `<p class="error">${escape(out.error)}: ${escape(out.error_description ?? '')}</p>`,
      );
    },
  });

  // A token endpoint answering with an ID token signed by a key that is not the provider's (as a
  // forger would): the app must refuse the sign-in.
  provider.use(async (ctx, next) => {
    await next();
    if (ctx.path === '/token' && forgeNext && ctx.body?.id_token) {
      forgeNext = false;
      const payload = JSON.parse(Buffer.from(ctx.body.id_token.split('.')[1], 'base64url'));
      const { privateKey: rogue } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
      ctx.body = { ...ctx.body, id_token: signJwt(payload, rogue, kid) };
    }
  });

  const oidc = provider.callback();
  const server = http.createServer(async (req, res) => {
    const match = /^\/interaction\/([\w-]+)(\/login|\/confirm|\/abort)?$/.exec(req.url ?? '');
    if (!match) return oidc(req, res);
    try {
      const details = await provider.interactionDetails(req, res);
      const [, uid, step] = match;
      const page = (title, body) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(html(title, body));
      };
      const loginForm = (error = '') =>
        page(
          'Sign in to Lincoln High',
          `${error ? `<p class="error" role="alert">${error}</p>` : ''}
<form method="post" action="/interaction/${uid}/login">
<label for="email">School email</label><input id="email" name="email" type="email" autofocus required>
<label for="password">Password</label><input id="password" name="password" type="password" required>
<button type="submit">Sign in</button></form>
<form method="post" action="/interaction/${uid}/abort"><button type="submit">Cancel</button></form>`,
        );
      if (step === '/abort') {
        return await provider.interactionFinished(
          req,
          res,
          { error: 'access_denied', error_description: 'The user cancelled.' },
          { mergeWithLastSubmission: false },
        );
      }
      if (step === '/login' && req.method === 'POST') {
        const body = await formBody(req);
        const account = accounts.get(
          String(body.email ?? '')
            .trim()
            .toLowerCase(),
        );
        if (!account || body.password !== PASSWORD)
          return loginForm('That email and password do not match.');
        return await provider.interactionFinished(
          req,
          res,
          { login: { accountId: account.sub } },
          { mergeWithLastSubmission: false },
        );
      }
      if (step === '/confirm' && req.method === 'POST') {
        const { prompt, params, session, grantId } = details;
        const grant = grantId
          ? await provider.Grant.find(grantId)
          : new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
        if (prompt.details.missingOIDCScope)
          grant.addOIDCScope(prompt.details.missingOIDCScope.join(' '));
        if (prompt.details.missingOIDCClaims) grant.addOIDCClaims(prompt.details.missingOIDCClaims);
        return await provider.interactionFinished(
          req,
          res,
          { consent: { grantId: await grant.save() } },
          { mergeWithLastSubmission: true },
        );
      }
      if (details.prompt.name === 'login') return loginForm();
      const who = bySub().get(details.session?.accountId ?? '');
      return page(
        'Allow Counterpoint?',
        `<p>Counterpoint asks for your name and email address${who ? ` (${escape(who.email)})` : ''}.</p>
<form method="post" action="/interaction/${uid}/confirm"><button type="submit" autofocus>Allow</button></form>
<form method="post" action="/interaction/${uid}/abort"><button type="submit">Cancel</button></form>`,
      );
    } catch (e) {
      res.writeHead(400, { 'content-type': 'text/plain' });
      res.end(`Sign-in error: ${e instanceof Error ? e.message : String(e)}`);
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, resolve);
  });
  return {
    /** The issuer (OIDC_ISSUER). */
    url,
    /** The next token answer carries an ID token signed by a key that is not the provider's. */
    forgeNextIdToken() {
      forgeNext = true;
    },
    /** Adds (or replaces) an account; its password is PASSWORD. @param {Account} account */
    addAccount(account) {
      accounts.set(account.email, account);
    },
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve(undefined));
      }),
  };
}

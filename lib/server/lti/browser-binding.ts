import 'server-only';
import crypto from 'node:crypto';
import { toolUrls } from './urls';

/**
 * The login's state bound to the browser that started it (Security Framework 1.0 §5.1.1.2): the
 * login initiation sets a cookie named after the state, and the launch is accepted only from a
 * browser that sends it back. Without it, someone could start a login in their own browser and
 * have a victim's browser post the result (signing the victim in as them). The LMS posts the
 * launch from another site, so the cookie is SameSite=None, which browsers take only when it is
 * Secure: over https, and on localhost. It is Partitioned (CHIPS), so a launch inside the LMS's
 * frame keeps it too. A server on plain http elsewhere cannot bind (README: use https).
 */

const PREFIX = 'cp-lti-';
const cookieName = (state: string) =>
  `${PREFIX}${crypto.createHash('sha256').update(state).digest('base64url').slice(0, 22)}`;

export function bindsBrowser(): boolean {
  const url = new URL(toolUrls().base);
  return url.protocol === 'https:' || ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

/** The Set-Cookie value for a login's state (null when this server cannot bind). */
export function stateCookie(state: string, maxAgeS: number): string | null {
  if (!bindsBrowser()) return null;
  return `${cookieName(state)}=1; Path=/api/lti/; Max-Age=${maxAgeS}; HttpOnly; Secure; SameSite=None; Partitioned`;
}

/** Whether the launch's browser is the one that started the login of `state`. */
export function sameBrowser(state: string, cookieHeader: string | null): boolean {
  if (!bindsBrowser()) return true;
  const name = cookieName(state);
  return (cookieHeader ?? '').split(/;\s*/).some((pair) => pair === `${name}=1`);
}

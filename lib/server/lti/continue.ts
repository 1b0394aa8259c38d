import 'server-only';
import crypto from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import { LtiRefused } from '@/lib/domain/lti/refusals';
import { sessionSecret } from '../config';
import type { Db } from '../db';
import { escapeHtml, htmlPage } from './html';
import { toolUrls } from './urls';

/**
 * A launch the LMS showed inside a frame (Sec-Fetch-Dest: iframe). Counterpoint's pages refuse to
 * be framed, and browsers keep a site's sign-in cookie from frames of other sites, so the frame
 * shows a button that opens Counterpoint in its own tab through a one-time link: valid for two
 * minutes, used once (an LtiLaunchState row, like a login's state), signed with the server's
 * secret, naming the person and where they were going.
 */

const CONTINUE_MS = 2 * 60 * 1000;
const key = () => crypto.createHmac('sha256', sessionSecret()).update('lti-continue').digest();

export async function continueInNewWindow(
  db: Db,
  opts: { userId: string; platformId: string; destination: string },
): Promise<Response> {
  const state = `continue-${crypto.randomBytes(24).toString('base64url')}`;
  await db.ltiLaunchState.create({
    data: {
      state,
      nonce: `${state}-nonce`,
      platformId: opts.platformId,
      targetLinkUri: opts.destination,
      expiresAt: new Date(Date.now() + CONTINUE_MS),
    },
  });
  const token = await new SignJWT({ st: state })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(opts.userId)
    .setExpirationTime(`${CONTINUE_MS / 1000}s`)
    .sign(key());
  const url = `${toolUrls().base}/api/lti/continue?token=${encodeURIComponent(token)}`;
  const body = `<h1>Counterpoint opens in its own window</h1>
<p>Your LMS showed Counterpoint inside its page, where it cannot keep you signed in.</p>
<p><a class="button" href="${escapeHtml(url)}" target="_blank" rel="noopener">Open Counterpoint</a></p>
<p>The button works once, for two minutes. Ask whoever looks after your LMS to set Counterpoint to open in a new window.</p>`;
  return htmlPage('Open Counterpoint', body, { frameable: true });
}

/** The one-time link: who it signs in and where to, once; refused if used or expired. */
export async function redeemContinueLink(
  db: Db,
  token: string | null,
): Promise<{ userId: string; destination: string }> {
  let payload;
  try {
    ({ payload } = await jwtVerify(token ?? '', key(), { algorithms: ['HS256'] }));
  } catch {
    throw new LtiRefused({ reason: 'state-expired', detail: 'continue link' });
  }
  const state = typeof payload.st === 'string' ? payload.st : '';
  const used = await db.ltiLaunchState.updateMany({
    where: { state, usedAt: null, expiresAt: { gt: new Date() } },
    data: { usedAt: new Date() },
  });
  if (used.count === 0 || !payload.sub) {
    throw new LtiRefused({ reason: 'replayed', detail: 'continue link' });
  }
  const row = await db.ltiLaunchState.findUniqueOrThrow({ where: { state } });
  return { userId: payload.sub, destination: row.targetLinkUri };
}

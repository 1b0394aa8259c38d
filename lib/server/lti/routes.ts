import 'server-only';
import { LtiRefused } from '@/lib/domain/lti/refusals';
import { appError } from '@/lib/error-words';
import { AppError, httpStatus } from '@/lib/errors';
import { deepLinkChoiceSchema } from '@/lib/schemas/lti';
import type { Db } from '../db';
import { unavailableError } from '../db-errors';
import { requireSameOrigin } from '../json-route';
import { getCurrentUser } from '../session';
import { continueInNewWindow, redeemContinueLink } from './continue';
import { deepLinkRequestToken, deepLinkResponse } from './deep-link';
import { escapeHtml, htmlPage, refusalResponse } from './html';
import { publicJwks } from './keys';
import { verifyLaunch } from './launch';
import { startLogin, type LoginParams } from './login';
import { provisionLaunch } from './provision';
import { syncRosterInBackground } from './roster';
import { signInFromLaunch } from './session';
import { toolUrls } from './urls';

/**
 * The LMS-facing routes (app/api/lti/*): each answers a page or a redirect, never a bare error.
 * A refusal is its page with a 4xx status (lib/domain/lti/refusals.ts); an error of the app
 * (AppError) its message on the same kind of page; anything else is logged and said plainly.
 */
export function errorResponse(error: unknown): Response {
  if (error instanceof LtiRefused) return refusalResponse(error.refusal);
  const known = error instanceof AppError ? error : unavailableError(error);
  if (known) {
    const body = `<h1>That did not work</h1><p>${escapeHtml(known.message)}</p>`;
    return htmlPage('That did not work', body, { status: httpStatus(known.code) });
  }
  console.error(error);
  const body =
    '<h1>Something went wrong on our side</h1><p>Counterpoint could not finish this. Go back to your LMS and try again in a minute; if it keeps happening, tell whoever looks after Counterpoint.</p>';
  return htmlPage('Something went wrong', body, { status: 500 });
}

/** Reads a form body (or, for GET, the query), as the LMS sends either. */
async function params(request: Request): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  if (request.method === 'GET') {
    new URL(request.url).searchParams.forEach((value, key) => (out[key] = value));
    return out;
  }
  const type = request.headers.get('content-type') ?? '';
  if (
    !type.includes('application/x-www-form-urlencoded') &&
    !type.includes('multipart/form-data')
  ) {
    return out;
  }
  try {
    (await request.formData()).forEach((value, key) => {
      if (typeof value === 'string') out[key] = value;
    });
  } catch {
    // An unreadable body is an empty one: the launch is then refused for what it lacks.
  }
  return out;
}

/** OIDC login initiation (GET or POST): to the platform's authorization endpoint. */
export async function loginResponse(db: Db, request: Request): Promise<Response> {
  try {
    const { redirect, cookie } = await startLogin(db, (await params(request)) as LoginParams);
    const headers = new Headers({ Location: redirect, 'Cache-Control': 'no-store' });
    if (cookie) headers.append('Set-Cookie', cookie);
    return new Response(null, { status: 302, headers });
  } catch (error) {
    return errorResponse(error);
  }
}

/** The launch: verified, provisioned, signed in, and sent where it belongs. */
export async function launchResponse(db: Db, request: Request): Promise<Response> {
  try {
    if (request.method !== 'POST') throw new LtiRefused({ reason: 'no-token' });
    const form = await params(request);
    const { launch, platform } = await verifyLaunch(db, {
      id_token: form.id_token,
      state: form.state,
      cookies: request.headers.get('cookie'),
    });
    const done = await provisionLaunch(db, platform.id, launch);
    let destination = done.destination;
    if (launch.messageType === 'LtiDeepLinkingRequest') {
      const token = await deepLinkRequestToken({
        userId: done.userId,
        platformId: platform.id,
        deploymentId: launch.deploymentId,
        classId: done.classId,
        settings: launch.deepLinking!,
      });
      destination = `/lti/deep-link?request=${encodeURIComponent(token)}`;
    }
    if (done.role === 'teacher' && launch.membershipsUrl) {
      syncRosterInBackground(db, { contextRowId: done.contextRowId });
    }
    if (request.headers.get('sec-fetch-dest') === 'iframe') {
      return continueInNewWindow(db, { userId: done.userId, platformId: platform.id, destination });
    }
    return signedInRedirect(done.userId, destination, request.headers);
  } catch (error) {
    return errorResponse(error);
  }
}

/** Signs `userId` in (better-auth's session cookie) and sends the browser to `destination`. */
async function signedInRedirect(userId: string, destination: string, requestHeaders: Headers) {
  const cookies = await signInFromLaunch(userId, requestHeaders);
  const headers = new Headers({
    Location: `${toolUrls().base}${destination}`,
    'Cache-Control': 'no-store',
  });
  for (const cookie of cookies) headers.append('Set-Cookie', cookie);
  return new Response(null, { status: 303, headers });
}

/** The one-time link out of an LMS's frame (lib/server/lti/continue.ts). */
export async function continueResponse(db: Db, request: Request): Promise<Response> {
  try {
    const token = new URL(request.url).searchParams.get('token');
    const { userId, destination } = await redeemContinueLink(db, token);
    return signedInRedirect(userId, destination, request.headers);
  } catch (error) {
    return errorResponse(error);
  }
}

/** The tool's public keys. */
export async function jwksResponse(db: Db): Promise<Response> {
  return Response.json(await publicJwks(db), {
    headers: { 'Cache-Control': 'public, max-age=300' },
  });
}

/**
 * The picker's choice (app/lti/deep-link posts here): the signed LtiDeepLinkingResponse,
 * posted to the LMS's return URL by the page at once (a button if scripts are off).
 */
export async function deepLinkPostResponse(db: Db, request: Request): Promise<Response> {
  const form = await params(request);
  const back = (message: string) => {
    const to = new URL(`${toolUrls().base}/lti/deep-link`);
    to.searchParams.set('request', form.request ?? '');
    to.searchParams.set('error', message);
    return new Response(null, { status: 303, headers: { Location: to.toString() } });
  };
  try {
    requireSameOrigin(request);
    const user = await getCurrentUser(request.headers);
    if (!user) throw appError('session.ended');
    const parsed = deepLinkChoiceSchema.safeParse(form);
    if (!parsed.success) {
      return back(parsed.error.issues[0]?.message ?? 'Choose an assignment or a debate.');
    }
    const data = parsed.data;
    const { returnUrl, jwt, title } = await deepLinkResponse(db, {
      userId: user.id,
      token: data.request,
      choice:
        data.choice === 'existing'
          ? { kind: 'existing', assignmentId: data.assignmentId }
          : { kind: 'new', ...data },
    });
    const body = `<h1>Adding “${escapeHtml(title)}” to your course</h1>
<p>Counterpoint is sending the activity back to your LMS.</p>
<form method="post" action="${escapeHtml(returnUrl)}">
<input type="hidden" name="JWT" value="${escapeHtml(jwt)}">
<p><button type="submit">Continue to the LMS</button></p></form>`;
    return htmlPage('Adding the activity', body, {
      formActions: [new URL(returnUrl).origin],
      script: 'document.forms[0].submit();',
    });
  } catch (error) {
    if (error instanceof AppError && error.code === 'INVALID') return back(error.message);
    return errorResponse(error);
  }
}

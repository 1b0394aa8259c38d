import 'server-only';
import {
  clientRegistration,
  readPlatformConfiguration,
  readRegistrationResponse,
  type PlatformConfiguration,
} from '@/lib/domain/lti/registration';
import { AppError } from '@/lib/errors';
import type { Db } from '../db';
import { savePlatform } from './admin';
import { escapeHtml, htmlPage } from './html';
import { errorResponse } from './routes';
import { toolUrls } from './urls';

/**
 * Dynamic registration (LTI Dynamic Registration 1.0, as Moodle and Canvas use it). The admin
 * makes a one-time link (Admin → LMS); the LMS administrator pastes it into the LMS, which opens
 * it (in a frame or a window) with `openid_configuration` and `registration_token`. The page
 * reads the LMS's configuration and asks to confirm; confirming posts the client registration,
 * stores the platform and its deployment, uses up the link, and tells the LMS to close the page
 * (postMessage {subject: 'org.imsglobal.lti.close'}).
 */

const LINK_GONE =
  'This registration link is unknown, used already or expired. Ask the admin of this Counterpoint server for a new one (Admin → LMS → New registration link).';

async function requireLink(db: Db, token: string, now = new Date()) {
  const link = await db.ltiRegistration.findUnique({ where: { token } });
  if (!link || link.usedAt || link.expiresAt < now) throw new AppError('FORBIDDEN', LINK_GONE);
  return link;
}

async function fetchConfiguration(url: string | null): Promise<PlatformConfiguration> {
  if (!url || !URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
    throw new AppError(
      'INVALID',
      'The LMS did not say where its configuration is (openid_configuration). Start the registration from the LMS, with this link as the tool’s registration URL.',
    );
  }
  // What went wrong is said without the answer's own text: the address is the LMS's word, and
  // the page must not become a window onto whatever else this server can reach.
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { Accept: 'application/json' },
      signal: AbortSignal.timeout(10_000),
    });
  } catch (error) {
    throw new AppError(
      'UNAVAILABLE',
      `Could not read the LMS’s configuration at ${url} (${error instanceof Error ? error.message : error}).`,
    );
  }
  if (!response.ok) {
    throw new AppError(
      'UNAVAILABLE',
      `Could not read the LMS’s configuration at ${url} (status ${response.status}).`,
    );
  }
  const body: unknown = await response.json().catch(() => null);
  if (body === null) {
    throw new AppError('INVALID', `The LMS’s configuration at ${url} is not JSON.`);
  }
  const read = readPlatformConfiguration(body, url);
  if ('problem' in read) throw new AppError('INVALID', read.problem);
  return read.config;
}

const frame = { frameable: true } as const;

/** The page the LMS opens: what will be registered, and a button to do it. */
export async function registrationPage(db: Db, request: Request, token: string) {
  try {
    await requireLink(db, token);
    const query = new URL(request.url).searchParams;
    const configurationUrl = query.get('openid_configuration');
    const config = await fetchConfiguration(configurationUrl);
    const body = `<h1>Register Counterpoint with your LMS</h1>
<p>Counterpoint will register itself as an LTI 1.3 tool with this LMS, so that teachers can add
debates to their courses and students open them signed in.</p>
<dl><dt>LMS</dt><dd>${escapeHtml(config.product ?? new URL(config.issuer).host)}</dd>
<dt>Issuer</dt><dd><code>${escapeHtml(config.issuer)}</code></dd>
<dt>Counterpoint</dt><dd><code>${escapeHtml(toolUrls().base)}</code></dd></dl>
<form method="post">
<input type="hidden" name="openid_configuration" value="${escapeHtml(configurationUrl!)}">
<input type="hidden" name="registration_token" value="${escapeHtml(query.get('registration_token') ?? '')}">
<p><button type="submit">Register Counterpoint</button></p></form>`;
    return htmlPage('Register Counterpoint', body, frame);
  } catch (error) {
    return framed(errorResponse(error));
  }
}

/** A page from errorResponse, allowed in the LMS's frame too. */
async function framed(response: Response): Promise<Response> {
  const headers = new Headers(response.headers);
  headers.set(
    'Content-Security-Policy',
    (headers.get('Content-Security-Policy') ?? '').replace(
      "frame-ancestors 'none'",
      'frame-ancestors *',
    ),
  );
  return new Response(await response.text(), { status: response.status, headers });
}

/** Confirmed: register with the LMS, store it, use up the link, tell the LMS to close. */
export async function completeRegistration(db: Db, request: Request, token: string) {
  try {
    const link = await requireLink(db, token);
    const form = await request.formData().catch(() => new FormData());
    const configurationUrl = form.get('openid_configuration');
    const registrationToken = form.get('registration_token');
    const config = await fetchConfiguration(
      typeof configurationUrl === 'string' ? configurationUrl : null,
    );
    const urls = toolUrls();
    let answer: unknown;
    let status = 0;
    try {
      const response = await fetch(config.registrationEndpoint, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Accept: 'application/json',
          ...(typeof registrationToken === 'string' && registrationToken
            ? { Authorization: `Bearer ${registrationToken}` }
            : {}),
        },
        body: JSON.stringify(clientRegistration(urls)),
        signal: AbortSignal.timeout(15_000),
      });
      status = response.status;
      answer = await response.json().catch(() => null);
    } catch (error) {
      throw new AppError(
        'UNAVAILABLE',
        `Could not reach the LMS’s registration endpoint (${error instanceof Error ? error.message : error}).`,
      );
    }
    const registered = status >= 200 && status < 300 ? readRegistrationResponse(answer) : null;
    if (!registered) {
      const said =
        typeof answer === 'object' && answer !== null
          ? String((answer as Record<string, unknown>).error_description ?? '')
          : '';
      throw new AppError(
        'CONFLICT',
        `The LMS refused the registration (${status}${said ? `: ${said}` : ''}). Start again from the LMS with a new registration link.`,
      );
    }
    await db.$transaction(async (tx) => {
      const used = await tx.ltiRegistration.updateMany({
        where: { token: link.token, usedAt: null },
        data: { usedAt: new Date() },
      });
      if (used.count === 0) throw new AppError('FORBIDDEN', LINK_GONE);
      const platform = await savePlatform(tx, {
        name: config.product ?? new URL(config.issuer).host,
        issuer: config.issuer,
        clientId: registered.clientId,
        deploymentIds: registered.deploymentId ? [registered.deploymentId] : [],
        authLoginUrl: config.authorizationEndpoint,
        tokenUrl: config.tokenEndpoint,
        jwksUrl: config.jwksUri,
        tokenAudience: config.tokenAudience,
      });
      await tx.ltiRegistration.update({
        where: { token: link.token },
        data: { platformId: platform.id },
      });
    });
    const body = `<h1 role="status">Counterpoint is registered</h1>
<p>Your LMS now knows Counterpoint (client id <code>${escapeHtml(registered.clientId)}</code>${
      registered.deploymentId
        ? `, deployment <code>${escapeHtml(registered.deploymentId)}</code>`
        : ''
    }). You may need to enable the tool in the LMS before teachers can add it to courses.</p>
<p>This window can be closed.</p>`;
    return htmlPage('Counterpoint is registered', body, {
      ...frame,
      script:
        "(window.opener || window.parent).postMessage({ subject: 'org.imsglobal.lti.close' }, '*');",
    });
  } catch (error) {
    return framed(errorResponse(error));
  }
}

import 'server-only';
import crypto from 'node:crypto';
import { LtiRefused } from '@/lib/domain/lti/refusals';
import type { Db } from '../db';
import { stateCookie } from './browser-binding';
import { toolUrls } from './urls';

/**
 * OIDC third-party login initiation (LTI Core 1.3 §5.1.1, Security Framework 1.0 §5.1.1): the
 * LMS sends its issuer, a login hint and the target link; the tool remembers a fresh state and
 * nonce (LtiLaunchState, ten minutes, used once by the launch) and sends the browser to the
 * platform's authorization endpoint, which answers with the id_token posted to the launch.
 */

export const LAUNCH_STATE_MS = 10 * 60 * 1000;

export interface LoginParams {
  iss?: string;
  login_hint?: string;
  target_link_uri?: string;
  lti_message_hint?: string;
  client_id?: string;
  lti_deployment_id?: string;
}

const random = () => crypto.randomBytes(32).toString('base64url');

/**
 * Where to send the browser next (the platform's authorization endpoint, with state and nonce),
 * and the cookie that binds the state to this browser (lib/server/lti/browser-binding.ts).
 */
export async function startLogin(
  db: Db,
  params: LoginParams,
  now = new Date(),
): Promise<{ redirect: string; cookie: string | null }> {
  const { iss, login_hint: loginHint, target_link_uri: target } = params;
  if (!iss || !loginHint || !target) {
    throw new LtiRefused({
      reason: 'login-bad-request',
      detail: 'iss, login_hint, target_link_uri',
    });
  }
  const urls = toolUrls();
  if (!URL.canParse(target) || new URL(target).origin !== new URL(urls.base).origin) {
    throw new LtiRefused({ reason: 'login-bad-request', detail: 'target_link_uri' });
  }
  const platforms = await db.ltiPlatform.findMany({
    where: { issuer: iss, ...(params.client_id ? { clientId: params.client_id } : {}) },
    take: 2,
  });
  if (platforms.length !== 1) {
    throw new LtiRefused({
      reason: 'unknown-platform',
      detail: `${iss} ${params.client_id ?? ''}`,
    });
  }
  const platform = platforms[0]!;
  const state = random();
  const nonce = random();
  // Logins never finished are forgotten after a day (their rows are useless once expired).
  await db.ltiLaunchState.deleteMany({
    where: { expiresAt: { lt: new Date(now.getTime() - 24 * 60 * 60 * 1000) } },
  });
  await db.ltiLaunchState.create({
    data: {
      state,
      nonce,
      platformId: platform.id,
      targetLinkUri: target,
      expiresAt: new Date(now.getTime() + LAUNCH_STATE_MS),
    },
  });
  const auth = new URL(platform.authLoginUrl);
  const query: Record<string, string> = {
    scope: 'openid',
    response_type: 'id_token',
    response_mode: 'form_post',
    prompt: 'none',
    client_id: platform.clientId,
    redirect_uri: urls.launch,
    login_hint: loginHint,
    state,
    nonce,
  };
  if (params.lti_message_hint) query.lti_message_hint = params.lti_message_hint;
  for (const [key, value] of Object.entries(query)) auth.searchParams.set(key, value);
  return { redirect: auth.toString(), cookie: stateCookie(state, LAUNCH_STATE_MS / 1000) };
}

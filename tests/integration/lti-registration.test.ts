import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { start } from '@/scripts/fakes/lti-platform.mjs';
import { createRegistrationLink } from '@/lib/server/lti/admin';
import { completeRegistration, registrationPage } from '@/lib/server/lti/registration';
import { createUser, db, theAdmin } from '../support/factories';

vi.mock('next/headers', () => import('../support/request-scope'));

/**
 * Dynamic registration against the e2e suite's test platform (scripts/fakes/lti-platform.mjs),
 * started here on a free port: the one-time link works once, registers the platform with its
 * deployment, and a second use or a non-admin is refused.
 */

let platform: Awaited<ReturnType<typeof start>>;
beforeAll(async () => {
  platform = await start(0, { host: '127.0.0.1' });
});
afterAll(() => platform.stop());

function post(url: string, fields: Record<string, string>) {
  return new Request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields),
  });
}

describe('dynamic registration', () => {
  it('registers the tool with the LMS once, and stores the LMS and its deployment', async () => {
    const admin = await theAdmin();
    const { url } = await createRegistrationLink(db, { userId: admin.id });
    const token = url.split('/').pop()!;
    const minted = await platform.registrationToken();
    const opened = new URL(url);
    opened.searchParams.set('openid_configuration', minted.openid_configuration);
    opened.searchParams.set('registration_token', minted.registration_token);

    const page = await registrationPage(db, new Request(opened), token);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain('frame-ancestors *');
    const html = await page.text();
    expect(html).toContain('Register Counterpoint');
    expect(html).toContain(platform.issuer);

    const done = await completeRegistration(db, post(url, minted), token);
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('org.imsglobal.lti.close');
    const tool = ((await platform.tools()) as { clientId: string; deploymentId: string }[]).at(-1)!;
    const stored = await db.ltiPlatform.findUniqueOrThrow({
      where: { issuer_clientId: { issuer: platform.issuer, clientId: tool.clientId } },
      include: { deployments: true },
    });
    expect(stored.deployments.map((d) => d.deploymentId)).toEqual([tool.deploymentId]);
    expect(stored.jwksUrl).toBe(platform.endpoints.jwks);
    expect(stored.tokenUrl).toBe(platform.endpoints.token);
    expect((await db.ltiRegistration.findUniqueOrThrow({ where: { token } })).platformId).toBe(
      stored.id,
    );

    // The link is used up.
    const again = await completeRegistration(
      db,
      post(url, await platform.registrationToken()),
      token,
    );
    expect(again.status).toBe(403);
    expect(await again.text()).toContain('registration link is unknown, used already or expired');
  });

  it('only the admin makes links; a configuration from elsewhere is refused', async () => {
    const someone = await createUser('Someone');
    await expect(createRegistrationLink(db, { userId: someone.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const admin = await theAdmin();
    const { url } = await createRegistrationLink(db, { userId: admin.id });
    const token = url.split('/').pop()!;
    const page = await registrationPage(
      db,
      new Request(`${url}?openid_configuration=${encodeURIComponent('not a url')}`),
      token,
    );
    expect(page.status).toBe(400);
    expect(await page.text()).toContain('openid_configuration');
  });

  it('says what went wrong with a configuration without showing what answered', async () => {
    // The address is the LMS's word: whatever this server can reach must not be read through it.
    const inside = http.createServer((_req, res) => res.end('db-password=hunter2 and more'));
    await new Promise<void>((done) => inside.listen(0, '127.0.0.1', done));
    const at = `http://127.0.0.1:${(inside.address() as AddressInfo).port}/internal`;
    try {
      const { url } = await createRegistrationLink(db, { userId: (await theAdmin()).id });
      const page = await registrationPage(
        db,
        new Request(`${url}?openid_configuration=${encodeURIComponent(at)}`),
        url.split('/').pop()!,
      );
      expect(page.status).toBe(400);
      const html = await page.text();
      expect(html).toContain('not JSON');
      expect(html).not.toContain('db-pass');
    } finally {
      inside.close();
    }
  });
});

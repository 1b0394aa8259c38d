#!/usr/bin/env node
// Serves a production build for the end-to-end tests, on a fresh database of its own so the
// tests never touch the data of `npm start`.
import { spawn, spawnSync } from 'node:child_process';
import { isolatedEnv, root } from './env.mjs';

const port = process.env.E2E_PORT ?? '3210';
const env = isolatedEnv('e2e', port);
// The school's OpenID provider for "Sign in with <school>" (scripts/fakes/oidc.mjs), on E2E_PORT+3.
{
  const oidc = await import('./fakes/oidc.mjs');
  const callback = `http://localhost:${port}/api/auth/callback/school`;
  const { url } = await oidc.start(Number(port) + 3, { redirectUris: [callback] });
  Object.assign(env, oidc.APP_ENV, { OIDC_ISSUER: url });
}
const step = (args) => {
  const r = spawnSync(process.execPath, args, { cwd: root, env, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
step(['scripts/setup.mjs']);
step(['node_modules/next/dist/bin/next', 'build']);
// The LTI test platform (an LMS: scripts/fakes/lti-platform.mjs) at E2E_PORT+4; tests reach it
// with connect(url) from the same module.
const ltiPlatform = await (await import('./fakes/lti-platform.mjs')).start(Number(port) + 4);
env.LTI_TEST_PLATFORM_URL = ltiPlatform.url;
const server = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', port], {
  cwd: root,
  env,
  stdio: 'inherit',
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code) => process.exit(code ?? 0));

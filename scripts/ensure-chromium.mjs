#!/usr/bin/env node
// Playwright cannot download its own browsers here, so the e2e tests use the system Chromium
// (scripts/chromium-path.mjs says which). This finds it, installs Debian's headless shell when
// there is none and we may (root with apt-get), and otherwise says how to get one.
import { spawnSync } from 'node:child_process';
import { chromiumPath as found } from './chromium-path.mjs';

if (found()) {
  console.log(`Chromium: ${found()}`);
  process.exit(0);
}
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
if (isRoot && hasApt) {
  console.log('Chromium not found: installing Debian’s chromium-headless-shell package…');
  // apt's progress output is long; keep only its errors.
  const opts = {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  };
  spawnSync('apt-get', ['update', '-qq'], opts);
  const r = spawnSync('apt-get', ['install', '-y', '-qq', 'chromium-headless-shell'], opts);
  if (r.status === 0 && found()) process.exit(0);
}
console.error(
  [
    'The end-to-end tests need Chromium and none was found.',
    '  Debian: sudo apt-get install -y chromium-headless-shell (or chromium)',
    '  Or point CHROMIUM_PATH at any Chromium or Chrome binary.',
  ].join('\n'),
);
process.exit(1);

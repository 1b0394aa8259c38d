#!/usr/bin/env node
// Playwright cannot download its own browsers here, so the e2e tests use the system Chromium.
// This finds it, installs Debian's package when it is missing and we may (root with apt-get),
// and otherwise says how to get one.
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';

const candidates = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
].filter(Boolean);
const found = () => candidates.find((p) => fs.existsSync(p));

if (found()) {
  console.log(`Chromium: ${found()}`);
  process.exit(0);
}
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
if (isRoot && hasApt) {
  console.log('Chromium not found: installing Debian’s chromium package…');
  // apt's progress output is long; keep only its errors.
  const opts = {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  };
  spawnSync('apt-get', ['update', '-qq'], opts);
  const r = spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], opts);
  if (r.status === 0 && found()) process.exit(0);
}
console.error(
  [
    'The end-to-end tests need Chromium and none was found.',
    '  Debian/Ubuntu: sudo apt-get install -y chromium',
    '  Or point CHROMIUM_PATH at any Chromium or Chrome binary.',
  ].join('\n'),
);
process.exit(1);

#!/usr/bin/env node
// Our npm registry mirror serves only some platforms' native packages (404 for darwin, win32,
// android…), so `npm install` leaves those optional packages out of package-lock.json, and
// `npm ci` then refuses the lockfile as "Missing: … from lock file". This adds an entry for each
// such package, with the os/cpu its name states, so `npm ci` accepts the lockfile and skips them
// on platforms they are not for. Run it after any `npm install` that changes the lockfile.
import fs from 'node:fs';
import path from 'node:path';
import { root } from './env.mjs';

const file = path.join(root, 'package-lock.json');
const lock = JSON.parse(fs.readFileSync(file, 'utf8'));
const packages = lock.packages;

const OS = ['android', 'darwin', 'freebsd', 'linux', 'openharmony', 'win32', 'wasm32'];
const CPU = {
  arm64: 'arm64',
  x64: 'x64',
  ia32: 'ia32',
  arm: 'arm',
  loong64: 'loong64',
  ppc64: 'ppc64',
  riscv64: 'riscv64',
  s390x: 's390x',
};

function platformOf(name) {
  const parts = name.split('/').pop().split('-');
  const os = parts.find((p) => OS.includes(p));
  const cpu =
    parts.map((p) => CPU[p]).find(Boolean) ?? (parts.includes('wasi') ? 'wasm32' : undefined);
  return { os, cpu };
}

let added = 0;
for (const [key, meta] of Object.entries(packages)) {
  for (const [name, spec] of Object.entries(meta.optionalDependencies ?? {})) {
    const here = `${key ? `${key}/` : ''}node_modules/${name}`;
    if (packages[here] || packages[`node_modules/${name}`]) continue;
    const { os, cpu } = platformOf(name);
    if (!os || !/^\d+\.\d+\.\d+/.test(spec)) continue;
    packages[`node_modules/${name}`] = {
      version: spec,
      ...(cpu && cpu !== 'wasm32' ? { cpu: [cpu] } : { cpu: ['wasm32'] }),
      ...(meta.dev ? { dev: true } : {}),
      optional: true,
      os: [os === 'wasm32' ? 'wasm32' : os],
    };
    added += 1;
  }
}
const sorted = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
lock.packages = sorted;
fs.writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: added ${added} optional platform entries`);

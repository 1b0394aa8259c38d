#!/usr/bin/env node
// `node scripts/run-both.mjs lint typecheck`: runs the named npm scripts at the same time (on
// two cores the suite's single-threaded checks take the time of the longest, not their sum),
// prints each one's output whole when it ends, and fails if any failed.
import { spawn } from 'node:child_process';

const scripts = process.argv.slice(2);
const runs = scripts.map(
  (name) =>
    new Promise((resolve) => {
      const started = Date.now();
      const child = spawn('npm', ['run', '--silent', name], { shell: false });
      const out = [];
      child.stdout.on('data', (d) => out.push(d));
      child.stderr.on('data', (d) => out.push(d));
      child.on('close', (code) => {
        const seconds = Math.round((Date.now() - started) / 1000);
        process.stdout.write(`\n> ${name} (${seconds} s, exit ${code})\n${Buffer.concat(out)}`);
        resolve(code ?? 1);
      });
    }),
);
const codes = await Promise.all(runs);
process.exit(codes.some((c) => c !== 0) ? 1 : 0);

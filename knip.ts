import type { KnipConfig } from 'knip';

// Dead code: files, exports and dependencies nothing uses (`npm run lint` runs it). Next.js,
// Vitest, Playwright, ESLint and Prisma entry points are found by knip's plugins; these are the
// entries it cannot see: files started by path (node, tsx, a child process, a config alias).
const config: KnipConfig = {
  entry: [
    'prisma/seed.ts',
    'scripts/bench/run.ts',
    // Bundled with esbuild and run by scripts/bench.mjs.
    'scripts/bench/in-process.ts',
    'scripts/bench/load.ts',
    'scripts/bench/server-only-shim.cjs',
    'tests/support/empty-module.ts',
    'tests/support/ops-process.ts',
    'tests/support/outbox-process.ts',
    'tests/support/sqlite-writer.mjs',
  ],
  // A constant exported beside the code that uses it is the module's documented limit (e.g.
  // IMPACT_MAX): only exports used nowhere at all are reported.
  ignoreExportsUsedInFile: true,
  includeEntryExports: true,
  ignoreBinaries: ['apt-get'],
  ignoreDependencies: [
    // Runs the TypeScript scripts: `node --import tsx` (benchmarks) and its CLI (the seed).
    'tsx',
    // Installed with tsx and Vitest; lib/server/import-worker-bundle.ts bundles the import
    // worker with it under Vitest only.
    'esbuild',
    // Loaded at run time by @apache-annotator/dom (the quote-anchoring test), which lists it only
    // as a devDependency of its own.
    '@apache-annotator/selector',
    // Types of the driver adapter interface, installed with @prisma/adapter-better-sqlite3.
    '@prisma/driver-adapter-utils',
  ],
};

export default config;

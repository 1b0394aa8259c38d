// The build folder: `.next` for `npm start` and `npm run dev`. The e2e tests and the benchmark build
// into folders of their own (NEXT_DIST_DIR, set by scripts/env.mjs isolatedEnv), so running them
// never replaces the chunks a running `npm start` serves.
const distDir = process.env.NEXT_DIST_DIR || '.next';

/** @type {import('next').NextConfig} */
const nextConfig = {
  distDir,
  // A build adds `<distDir>/types` to the include list of the tsconfig it type-checks with. Other
  // folders than `.next` check with tsconfig.isolated.json, which extends tsconfig.json, so Next
  // leaves it alone and tsconfig.json never changes (and never lists a test build's types).
  // Those builds (e2e, benchmarks) also skip the build's own type check: `npm test` runs
  // `tsc --noEmit` on the same code just before, and the check is half a minute of the build.
  ...(distDir === '.next'
    ? {}
    : { typescript: { tsconfigPath: 'tsconfig.isolated.json', ignoreBuildErrors: true } }),
  // better-sqlite3 is a native addon: load it from node_modules at run time instead of bundling it.
  // The same for PostgreSQL's adapter (`pg` itself is on Next's own list).
  // pdfkit reads its font metrics from its own folder at run time.
  serverExternalPackages: [
    'better-sqlite3',
    '@prisma/adapter-better-sqlite3',
    '@prisma/adapter-pg',
    'pdfkit',
  ],
  // Imports can be large (a map of thousands of claims pasted as Argdown or AIF).
  experimental: { serverActions: { bodySizeLimit: '8mb' } },
  poweredByHeader: false,
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'same-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
        ],
      },
    ];
  },
};

module.exports = nextConfig;

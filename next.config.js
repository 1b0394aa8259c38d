/** @type {import('next').NextConfig} */
const nextConfig = {
  // better-sqlite3 is a native addon: load it from node_modules at run time instead of bundling it.
  // pdfkit reads its font metrics from its own folder at run time.
  serverExternalPackages: ['better-sqlite3', '@prisma/adapter-better-sqlite3', 'pdfkit'],
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

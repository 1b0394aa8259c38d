import path from 'node:path';
import { defineConfig } from 'vitest/config';

// Test files run in parallel on TEST_WORKERS workers (2: this project's machines have 2 cores);
// each integration worker on a database of its own: a SQLite file by default; with
// TEST_DATABASE_URL=postgres://… (npm run test:integration:pg sets it) a PostgreSQL database.
const postgres = process.env.TEST_DATABASE_URL || undefined;
const workers = Number(process.env.TEST_WORKERS) || 2;
// Where the SQLite test database lives; TEST_DATA_DIR lets two runs in one checkout keep apart.
const testData = path.resolve(import.meta.dirname, process.env.TEST_DATA_DIR ?? 'data/test');

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      // 'server-only' throws outside React Server Components; the server modules are plain Node here.
      'server-only': path.resolve(import.meta.dirname, 'tests/support/empty-module.ts'),
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          // tests/support: the tests of the test helpers themselves (the fixture maps);
          // tests/unit: tests of no one module (the layer rules of eslint.layers.mjs).
          include: [
            'lib/**/*.test.ts',
            'components/**/*.test.ts',
            'tests/support/**/*.test.ts',
            'tests/unit/**/*.test.ts',
          ],
          environment: 'node',
          // Vitest's own default is one worker fewer than the cores: one, here.
          maxWorkers: workers,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/integration-setup.ts'],
          setupFiles: ['tests/support/worker-database.ts'],
          env: {
            // Each worker's own is set by tests/support/worker-database.ts.
            DATABASE_URL: postgres ?? `file:${path.join(testData, 'integration-w1.db')}`,
            COUNTERPOINT_DATA_DIR: testData,
            // Nothing is delivered by itself: tests that send call deliverDue (outbox.test.ts).
            COUNTERPOINT_OUTBOX: 'off',
            // Passwords hashed cheaply (lib/server/test-password-hash.ts): scrypt's cost is for
            // attackers, and was a fifth of these tests' time.
            COUNTERPOINT_TEST_FAST_HASH: '1',
          },
          fileParallelism: true,
          maxWorkers: workers,
          // A PostgreSQL statement is a round trip, SQLite's a function call: the same test takes longer.
          ...(postgres ? { testTimeout: 20_000 } : {}),
        },
      },
    ],
  },
});

import path from 'node:path';
import { defineConfig } from 'vitest/config';

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
          include: ['lib/**/*.test.ts', 'components/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/integration-setup.ts'],
          env: {
            DATABASE_URL: `file:${path.resolve(import.meta.dirname, 'data/test/integration.db')}`,
            COUNTERPOINT_DATA_DIR: path.resolve(import.meta.dirname, 'data/test'),
          },
          fileParallelism: false,
        },
      },
    ],
  },
});

import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import { layers } from './eslint.layers.mjs';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  ...layers,
  {
    // `const { note: _note, ...rest } = claim` leaves a field out on purpose: the underscore says so.
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'warn',
        { varsIgnorePattern: '^_', argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  globalIgnores([
    '.next/**',
    '.next-*/**',
    'lib/generated/**',
    'data/**',
    'test-results/**',
    'playwright-report/**',
    'e2e/.artifacts/**',
    'next-env.d.ts',
  ]),
]);

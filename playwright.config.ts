import { defineConfig, devices } from '@playwright/test';
import { chromiumExecutable } from './scripts/chromium-path.mjs';

const PORT = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://localhost:${PORT}`;

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  // Two spec files at a time (the tests in a file run in order): every test makes its own
  // accounts, so files never share data, and on this 2-core machine the suite takes about two
  // thirds of the time it takes one file at a time.
  fullyParallel: false,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL,
    // Recording a trace costs CPU in every test: CI records one only when it retries a failure.
    trace: process.env.CI ? 'on-first-retry' : 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      // Playwright cannot download browsers here: scripts/ensure-chromium.mjs provides this one.
      executablePath: chromiumExecutable(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    {
      name: 'chromium',
      use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 900 } },
    },
  ],
  webServer: {
    // A production build on its own fresh database (see scripts/e2e-server.mjs).
    command: `node scripts/e2e-server.mjs`,
    url: baseURL,
    env: { E2E_PORT: String(PORT) },
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'pipe',
  },
});

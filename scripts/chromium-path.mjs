// Which Chromium the browser tests and benchmarks drive (Playwright cannot download its own
// here). CHROMIUM_PATH when set; else Debian's headless shell, the lighter "old headless" build
// Playwright itself uses for headless runs (a test costs about a quarter less CPU than with the
// full browser, whose new headless mode runs the whole browser UI); else the full browser.
import fs from 'node:fs';

const CANDIDATES = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium-headless-shell',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
].filter(Boolean);

/** The first candidate that exists, or undefined. */
export function chromiumPath() {
  return CANDIDATES.find((p) => fs.existsSync(p));
}

/** The browser to launch: the one found, or else where Debian's package puts it (what
 * scripts/ensure-chromium.mjs installs), so that a missing browser fails naming that path. */
export function chromiumExecutable() {
  return chromiumPath() ?? '/usr/bin/chromium-headless-shell';
}

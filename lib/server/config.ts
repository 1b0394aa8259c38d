import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

// Mirrors scripts/env.mjs, which sets the same defaults for the CLI and the start script.

/** The git-ignored folder holding the database and the generated session secret. */
export function dataDir(): string {
  return process.env.COUNTERPOINT_DATA_DIR ?? path.join(process.cwd(), 'data');
}

export function databaseUrl(): string {
  return process.env.DATABASE_URL ?? `file:${path.join(dataDir(), 'counterpoint.db')}`;
}

/**
 * The session-signing secret: BETTER_AUTH_SECRET when set, otherwise one generated on first use
 * and kept in the data folder, so no secret is ever committed and restarts keep sessions valid.
 */
export function sessionSecret(): string {
  const fromEnv = process.env.BETTER_AUTH_SECRET;
  if (fromEnv) return fromEnv;
  const file = path.join(dataDir(), 'session-secret');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(dataDir(), { recursive: true });
    const secret = crypto.randomBytes(32).toString('base64url');
    try {
      fs.writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
      return secret;
    } catch {
      // Another process wrote it first: use theirs.
      return fs.readFileSync(file, 'utf8').trim();
    }
  }
}

/** The address the app is served at; cookies are marked Secure only when it is https. */
export function baseUrl(): string {
  return process.env.BETTER_AUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
}

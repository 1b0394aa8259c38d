import 'server-only';
import crypto from 'node:crypto';

/**
 * A password hasher for the integration tests alone: salted SHA-256 instead of better-auth's
 * scrypt, whose cost is the point in production (tens of milliseconds of CPU a hash) and only
 * slows tests that sign hundreds of people up and in (sign-in throttling, roster imports). Used
 * only where Vitest runs (NODE_ENV test) and COUNTERPOINT_TEST_FAST_HASH=1 (vitest.config.mts
 * sets it for the integration tests); the e2e tests and every server use scrypt.
 */
const testPasswordHasher = {
  async hash(password: string): Promise<string> {
    const salt = crypto.randomBytes(16).toString('hex');
    return `test-sha256:${salt}:${digest(salt, password).toString('hex')}`;
  },
  async verify({ hash, password }: { hash: string; password: string }): Promise<boolean> {
    const [kind, salt, hex] = hash.split(':');
    if (kind !== 'test-sha256' || !salt || !/^[0-9a-f]{64}$/.test(hex ?? '')) return false;
    return crypto.timingSafeEqual(digest(salt, password), Buffer.from(hex!, 'hex'));
  },
};

const digest = (salt: string, password: string) =>
  crypto.createHash('sha256').update(`${salt}:${password}`).digest();

/** The hasher to give better-auth: none (its own scrypt) outside the integration tests. */
export const passwordHasher = () =>
  process.env.VITEST &&
  process.env.NODE_ENV === 'test' &&
  process.env.COUNTERPOINT_TEST_FAST_HASH === '1'
    ? { password: testPasswordHasher }
    : {};

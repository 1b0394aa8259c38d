import 'server-only';
import crypto from 'node:crypto';
import { AppError } from '@/lib/errors';
import type { Db, Tx } from '../db';
import { requireAdmin } from '../classroom/accounts';
import { rotateKeys } from './keys';
import { forgetServiceTokens } from './service-token';
import { toolUrls } from './urls';

/**
 * The admin's LMS settings (Admin → LMS): the tool's addresses to give an LMS, the platforms
 * registered (by hand here, or by dynamic registration through a one-time link made here), and
 * the tool's keys. Only the server's admin: anyone else is told the page does not exist.
 */

export const REGISTRATION_LINK_MS = 7 * 24 * 60 * 60 * 1000;

export interface PlatformRow {
  id: string;
  name: string;
  issuer: string;
  clientId: string;
  authLoginUrl: string;
  tokenUrl: string;
  jwksUrl: string;
  deploymentIds: string[];
  courses: number;
  createdAt: string;
}

export interface LtiAdminPage {
  urls: { login: string; launch: string; jwks: string; deepLinking: string };
  platforms: PlatformRow[];
  keys: { kid: string; createdAt: string; retiredAt: string | null }[];
  links: { url: string; expiresAt: string; usedAt: string | null }[];
  /** Grades the LMS has not taken yet (retrying) or that were given up, newest first. */
  undelivered: { id: string; attempts: number; lastError: string; failed: boolean; at: string }[];
}

export async function ltiAdminPage(tx: Tx, opts: { userId: string }): Promise<LtiAdminPage> {
  await requireAdmin(tx, opts.userId);
  const [platforms, keys, links, undelivered] = await Promise.all([
    tx.ltiPlatform.findMany({
      orderBy: { createdAt: 'desc' },
      include: {
        deployments: { select: { deploymentId: true } },
        _count: { select: { contexts: true } },
      },
    }),
    tx.ltiKey.findMany({ orderBy: { createdAt: 'desc' }, take: 5 }),
    tx.ltiRegistration.findMany({ orderBy: { createdAt: 'desc' }, take: 5 }),
    tx.outboxMessage.findMany({
      where: { kind: 'lti-score', sentAt: null, attempts: { gt: 0 } },
      orderBy: { createdAt: 'desc' },
      take: 10,
    }),
  ]);
  const urls = toolUrls();
  return {
    urls: {
      login: urls.login,
      launch: urls.launch,
      jwks: urls.jwks,
      deepLinking: urls.deepLinking,
    },
    platforms: platforms.map((p) => ({
      id: p.id,
      name: p.name,
      issuer: p.issuer,
      clientId: p.clientId,
      authLoginUrl: p.authLoginUrl,
      tokenUrl: p.tokenUrl,
      jwksUrl: p.jwksUrl,
      deploymentIds: p.deployments.map((d) => d.deploymentId),
      courses: p._count.contexts,
      createdAt: p.createdAt.toISOString(),
    })),
    keys: keys.map((k) => ({
      kid: k.kid,
      createdAt: k.createdAt.toISOString(),
      retiredAt: k.retiredAt?.toISOString() ?? null,
    })),
    undelivered: undelivered.map((m) => ({
      id: m.id,
      attempts: m.attempts,
      lastError: m.lastError ?? '',
      failed: m.failedAt !== null,
      at: m.createdAt.toISOString(),
    })),
    links: links.map((l) => ({
      url: urls.registration(l.token),
      expiresAt: l.expiresAt.toISOString(),
      usedAt: l.usedAt?.toISOString() ?? null,
    })),
  };
}

export interface PlatformInput {
  name: string;
  issuer: string;
  clientId: string;
  deploymentIds: string[];
  authLoginUrl: string;
  tokenUrl: string;
  jwksUrl: string;
  tokenAudience: string | null;
}

/**
 * Registers a platform, or updates the one with the same issuer and client id (its endpoints,
 * and the deployment ids added), in the caller's transaction. Used by the admin's form and by
 * dynamic registration.
 */
export async function savePlatform(tx: Tx, input: PlatformInput): Promise<{ id: string }> {
  const { deploymentIds, ...fields } = input;
  const platform = await tx.ltiPlatform.upsert({
    where: { issuer_clientId: { issuer: input.issuer, clientId: input.clientId } },
    create: fields,
    update: fields,
    select: { id: true },
  });
  for (const deploymentId of deploymentIds) {
    await tx.ltiDeployment.upsert({
      where: { platformId_deploymentId: { platformId: platform.id, deploymentId } },
      create: { platformId: platform.id, deploymentId },
      update: {},
    });
  }
  forgetServiceTokens();
  return platform;
}

export async function registerPlatformByHand(
  db: Db,
  opts: PlatformInput & { userId: string },
): Promise<{ id: string }> {
  const { userId, ...input } = opts;
  return db.$transaction(async (tx) => {
    await requireAdmin(tx, userId);
    return savePlatform(tx, input);
  });
}

/** Removes a platform: its launches stop; its classes and accounts stay. */
export async function removePlatform(tx: Tx, opts: { userId: string; platformId: string }) {
  await requireAdmin(tx, opts.userId);
  const { count } = await tx.ltiPlatform.deleteMany({ where: { id: opts.platformId } });
  if (count === 0) throw new AppError('NOT_FOUND', 'That LMS is no longer registered.');
}

/** A one-time dynamic registration link, valid for a week. */
export async function createRegistrationLink(
  tx: Tx,
  opts: { userId: string },
): Promise<{ url: string }> {
  await requireAdmin(tx, opts.userId);
  const token = crypto.randomBytes(24).toString('base64url');
  await tx.ltiRegistration.create({
    data: {
      token,
      createdById: opts.userId,
      expiresAt: new Date(Date.now() + REGISTRATION_LINK_MS),
    },
  });
  return { url: toolUrls().registration(token) };
}

export async function rotateToolKeys(db: Db, opts: { userId: string }) {
  return db.$transaction(async (tx) => {
    await requireAdmin(tx, opts.userId);
    return rotateKeys(tx);
  });
}

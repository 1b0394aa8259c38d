import 'server-only';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { databaseUrl } from './config';
import { createDbClient, isPostgresUrl } from './db-client';

export type { RawSql } from './sqlite-adapter';

export type Db = PrismaClient;
/** A client or an open transaction: server functions accept either. */
export type Tx = Omit<
  PrismaClient,
  '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'
>;

/** Which database the process uses: 'postgresql' for a postgres:// URL, else 'sqlite'. */
export const provider = (): 'postgresql' | 'sqlite' =>
  isPostgresUrl(databaseUrl()) ? 'postgresql' : 'sqlite';

// One client per process; cached on globalThis so dev-mode reloads do not open new connections.
const globalForDb = globalThis as unknown as { counterpointDb?: PrismaClient };
export const db: PrismaClient = globalForDb.counterpointDb ?? createDbClient(databaseUrl());
if (process.env.NODE_ENV !== 'production') globalForDb.counterpointDb = db;

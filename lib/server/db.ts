import 'server-only';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { databaseUrl } from './config';

export type Db = PrismaClient;
/** A client or an open transaction: server functions accept either. */
export type Tx = Omit<
  PrismaClient,
  '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'
>;

function createClient(): PrismaClient {
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: databaseUrl() }) });
}

// One client per process; cached on globalThis so dev-mode reloads do not open new connections.
const globalForDb = globalThis as unknown as { counterpointDb?: PrismaClient };
export const db: PrismaClient = globalForDb.counterpointDb ?? createClient();
if (process.env.NODE_ENV !== 'production') globalForDb.counterpointDb = db;

import 'server-only';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { databaseUrl } from './config';
import { SafeSqliteFactory } from './sqlite-adapter';

export type Db = PrismaClient;
/** A client or an open transaction: server functions accept either. */
export type Tx = Omit<
  PrismaClient,
  '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'
>;

function createClient(): PrismaClient {
  return new PrismaClient({ adapter: new SafeSqliteFactory(databaseUrl()) });
}

// One client per process; cached on globalThis so dev-mode reloads do not open new connections.
const globalForDb = globalThis as unknown as { counterpointDb?: PrismaClient };
export const db: PrismaClient = globalForDb.counterpointDb ?? createClient();
if (process.env.NODE_ENV !== 'production') globalForDb.counterpointDb = db;

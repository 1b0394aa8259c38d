import { createDbClient } from '../lib/server/db-client';
import { seedAll } from './seed/factories';
import { upgradeJoinCodes } from './seed/join-codes';

// Seeds the debates in prisma/seed/debates/ that are not in the database yet, and replaces
// class join codes of an older length (prisma/seed/join-codes.ts).
async function main() {
  const url = process.env.DATABASE_URL ?? 'file:./data/counterpoint.db';
  const db = createDbClient(url);
  try {
    const created = await seedAll(db);
    console.log(created.length ? `Seeded: ${created.join(', ')}` : 'Debates already seeded.');
    const upgraded = await upgradeJoinCodes(db);
    if (upgraded) console.log(`Replaced ${upgraded} short class join code(s) with longer ones.`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

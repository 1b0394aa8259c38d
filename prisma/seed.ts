import { createDbClient } from '../lib/server/db-client';
import { seedAll } from './seed/factories';

// Seeds the debates in prisma/seed/debates/ that are not in the database yet.
async function main() {
  const url = process.env.DATABASE_URL ?? 'file:./data/counterpoint.db';
  const db = createDbClient(url);
  try {
    const created = await seedAll(db);
    console.log(created.length ? `Seeded: ${created.join(', ')}` : 'Debates already seeded.');
  } finally {
    await db.$disconnect();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

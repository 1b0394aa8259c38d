// The app's write path in a process of its own, as a server is: it opens the database given as
// its argument with the app's client (lib/server/db-client.ts) and applies each line of stdin,
// {"userId", "mapId", "ops"} as JSON, with applyOps, answering each with one line of JSON on
// stdout. Prints "ready" once connected. Lets a test start a "server" as another user (a file
// that user may not write) and change the file under it (tests/integration/storage.test.ts).
// Run with: node --require ./scripts/bench/server-only-shim.cjs --import tsx <this> file:<path>
import readline from 'node:readline';
import { createDbClient } from '@/lib/server/db-client';
import { applyOps } from '@/lib/server/ops/apply-ops';

async function main() {
  const db = createDbClient(process.argv[2]!);
  await db.user.count();
  console.log('ready');
  for await (const line of readline.createInterface({ input: process.stdin })) {
    const { userId, mapId, ops } = JSON.parse(line) as {
      userId: string;
      mapId: string;
      ops: unknown[];
    };
    console.log(JSON.stringify(await applyOps(db, { userId, mapId, ops })));
  }
  await db.$disconnect();
}

void main();

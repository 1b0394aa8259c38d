// The outbox's delivery in a process of its own, as on another app server: it uses the app's
// client on DATABASE_URL and SMTP_URL from its environment, prints "ready" once connected, and
// for each line of stdin delivers what is due (deliverDue) and answers with how many it sent.
// Lets a test have two "servers" deliver at the same moment (tests/integration/outbox.test.ts).
// Run with: node --require ./scripts/bench/server-only-shim.cjs --import tsx <this>
import readline from 'node:readline';
import { db } from '@/lib/server/db';
import { deliverDue } from '@/lib/server/outbox';

async function main() {
  await db.user.count();
  console.log('ready');
  for await (const _ of readline.createInterface({ input: process.stdin })) {
    console.log(String(await deliverDue(new Date(), 100)));
  }
  await db.$disconnect();
}

void main();

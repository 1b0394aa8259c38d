// A separate process that keeps writing to an SQLite file, as the app does while a backup runs
// (tests/integration/backup.test.ts). Usage: node sqlite-writer.mjs <file>
// Fills the table `row` with rows 1, 2, 3, … and keeps `counter.n` equal to the last id, one
// transaction per row, until SIGTERM. Prints "ready" once PREFILL rows are written (the database
// is then a few MB, so a backup takes a moment), and "stopped <n>" on exit.
import Database from 'better-sqlite3';

const PREFILL = 20_000;
const body = (id) => String(id).padStart(8, '0').repeat(25);

const db = new Database(process.argv[2], { timeout: 5000 });
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
const insert = db.prepare('INSERT INTO row (id, body) VALUES (?, ?)');
const count = db.prepare('UPDATE counter SET n = ?');
const write = db.transaction((id) => {
  insert.run(id, body(id));
  count.run(id);
});

let n = db.prepare('SELECT n FROM counter').pluck().get();
db.transaction(() => {
  while (n < PREFILL) write(++n);
})();
console.log('ready');

let stop = false;
process.on('SIGTERM', () => (stop = true));
(function batch() {
  if (stop) {
    db.close();
    console.log(`stopped ${n}`);
    return;
  }
  for (let i = 0; i < 50; i++) write(++n);
  setImmediate(batch);
})();

// Throwaway PostgreSQL databases beside a given one, for the tests, the migration check and the
// benchmark: `<database>_<suffix>` on the same server, made by the same role (it needs CREATEDB).
import pg from 'pg';

/** The same server and role, another database. */
export function databaseUrl(url, database) {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export const databaseName = (url) =>
  decodeURIComponent(new URL(url).pathname.slice(1)) || 'postgres';

/** Runs `work` with a client on the server's maintenance database (`postgres`). */
async function onServer(url, work) {
  const client = new pg.Client({ connectionString: databaseUrl(url, 'postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const ident = (name) => `"${name.replace(/"/g, '""')}"`;

/**
 * Drops (ending its connections) and creates `<database of url>_<suffix>`, optionally as a copy of
 * `template` (a database nobody is connected to); returns its URL.
 */
export async function freshDatabase(url, suffix, { template } = {}) {
  const name = `${databaseName(url)}_${suffix}`;
  await onServer(url, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`);
    await client.query(
      `CREATE DATABASE ${ident(name)}${template ? ` TEMPLATE ${ident(template)}` : ''}`,
    );
  });
  return databaseUrl(url, name);
}

/** Drops `<database of url>_<suffix>` if it is there. */
export async function dropDatabase(url, suffix) {
  const name = `${databaseName(url)}_${suffix}`;
  await onServer(url, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`),
  );
}

// As a command, for code that cannot import this module (the Playwright specs):
//   node scripts/postgres/scratch.mjs fresh <url> <suffix>   prints the new database's URL
//   node scripts/postgres/scratch.mjs drop <url> <suffix>
if (import.meta.url === `file://${process.argv[1]}`) {
  const [command, url, suffix] = process.argv.slice(2);
  if (command === 'fresh') console.log(await freshDatabase(url, suffix));
  else if (command === 'drop') await dropDatabase(url, suffix);
  else {
    console.error('Usage: node scripts/postgres/scratch.mjs fresh|drop <url> <suffix>');
    process.exit(2);
  }
}

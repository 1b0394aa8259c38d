import fs from 'node:fs';

// The SQLite adapter's (lib/server/sqlite-adapter.ts) waiting and file housekeeping.

/** How long a write keeps retrying a busy database before it is reported as unavailable. */
export const BUSY_BUDGET_MS = 4000;

export const isBusy = (e: unknown): boolean => {
  const err = e as { cause?: { originalCode?: string; kind?: string }; code?: string } | null;
  return (
    err?.code === 'SQLITE_BUSY' ||
    err?.cause?.originalCode === 'SQLITE_BUSY' ||
    err?.cause?.kind === 'SocketTimeout'
  );
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function retryBusy<T>(work: () => Promise<T>): Promise<T> {
  const until = Date.now() + BUSY_BUDGET_MS;
  for (let wait = 10; ; wait = Math.min(wait * 2, 250)) {
    try {
      return await work();
    } catch (e) {
      if (!isBusy(e) || Date.now() + wait > until) throw e;
      await sleep(wait);
    }
  }
}

/** A FIFO lock: `acquire()` resolves with the function that releases it (safe to call twice). */
export class Queue {
  #tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((r) => (release = r));
    const ready = this.#tail.then(() => {
      let done = false;
      return () => {
        if (!done) {
          done = true;
          release();
        }
      };
    });
    this.#tail = this.#tail.then(() => next);
    return ready;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  }
}

/**
 * SQLite creates a database's -wal and -shm files with the database file's mode. Made while the
 * file was read-only, they stay read-only once the file is made writable again (chmod 644) as
 * long as a connection keeps them, so a new connection could still not write. Gives them the
 * file's mode again, when this process owns them.
 */
export function matchCompanionModes(url: string) {
  const file = url.replace(/^file:/, '').replace(/\?.*$/, '');
  try {
    const mode = fs.statSync(file).mode & 0o777;
    for (const companion of [`${file}-wal`, `${file}-shm`]) {
      const stat = fs.statSync(companion, { throwIfNoEntry: false });
      if (stat && (stat.mode & 0o777) !== mode && stat.uid === process.getuid?.())
        fs.chmodSync(companion, mode);
    }
  } catch {
    // No such file (a database in memory) or not ours to change: SQLite says what it cannot do.
  }
}

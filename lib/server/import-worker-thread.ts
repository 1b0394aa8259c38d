// The import worker: loads the parsers, says it is ready, reads the one file it is sent off the
// request thread (see read-import-in-worker.ts), answers, and is then terminated. Plain Node, no
// Next.js: Turbopack bundles it as an entry of its own.
import crypto from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import { readImport } from '@/lib/domain/exchange/read-import';
import { AppError } from '@/lib/errors';
import type { ImportJob, WorkerAnswer } from './read-import-in-worker';

function answer(job: ImportJob): WorkerAnswer {
  try {
    const doc = readImport({ ...job, newId: () => crypto.randomUUID() });
    return { ok: true, doc };
  } catch (e) {
    if (e instanceof AppError)
      return { ok: false, code: e.code, message: e.message, field: e.field };
    return { ok: false, code: 'UNEXPECTED', message: e instanceof Error ? e.message : String(e) };
  }
}

const port = parentPort!;
port.once('message', (job: ImportJob) => port.postMessage(answer(job)));
port.postMessage('ready');

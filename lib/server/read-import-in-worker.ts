import 'server-only';
import os from 'node:os';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { MapDocument } from '@/lib/domain/exchange/document';
import type { ImportFormat } from '@/lib/domain/exchange/read-import';
import type { DebateView } from '@/lib/domain/views';
import { AppError, type AppErrorCode } from '@/lib/errors';

/** What the worker is given: the file and the debate its quotes must be found in. */
export interface ImportJob {
  format: ImportFormat;
  text: string;
  debate: DebateView;
}

/** What the worker answers: the map document, or the error it threw (AppError's fields). */
export type WorkerAnswer =
  | { ok: true; doc: MapDocument }
  | { ok: false; code: AppErrorCode | 'UNEXPECTED'; message: string; field?: string };

export interface ImportWorkerLimits {
  /** Wall-clock time a worker may take to read a file (once loaded); it is terminated after. */
  timeoutMs: number;
  /** The worker's V8 heap (old generation); a worker that needs more is stopped by V8. */
  memoryMb: number;
  /** Workers reading at once; more imports wait their turn. */
  concurrent: number;
  /** Imports that may wait; more are refused as "busy". */
  waiting: number;
}

/**
 * The limits every import runs under. A 10,000-claim Argdown file near the 5 MB size limit takes
 * 2-4 s and under 192 MB in a worker on our 2-core machines when they are busy; the time limit
 * leaves room for that and still stops a runaway file. One core is always left for everyone
 * else's requests.
 */
export const IMPORT_WORKER_LIMITS: ImportWorkerLimits = {
  timeoutMs: 10_000,
  memoryMb: 384,
  concurrent: Math.max(1, os.availableParallelism() - 1),
  waiting: 8,
};

let running = 0;
const queue: (() => void)[] = [];

async function takeTurn(limits: ImportWorkerLimits): Promise<void> {
  if (running < limits.concurrent) {
    running += 1;
    return;
  }
  if (queue.length >= limits.waiting) {
    throw new AppError(
      'UNAVAILABLE',
      'The server is busy reading other imports. Nothing was created: try again in a minute.',
    );
  }
  await new Promise<void>((resolve) => queue.push(resolve)); // the finishing import hands its turn on
}

function passTurn() {
  const next = queue.shift();
  if (next) next();
  else running -= 1;
}

/**
 * Reads an import file in a worker thread (node:worker_threads), so parsing, walking and quote
 * finding never hold up the request thread that serves everyone. The worker has a time limit
 * (terminated when it is over) and a memory limit (resourceLimits), and only a few run at once.
 */
export async function readImportInWorker(
  job: ImportJob,
  limits: ImportWorkerLimits = IMPORT_WORKER_LIMITS,
): Promise<MapDocument> {
  await takeTurn(limits);
  try {
    return await runWorker(job, limits);
  } finally {
    passTurn();
  }
}

/** A started worker: it says "ready" once its code is loaded, then reads the one job it is sent. */
interface Started {
  worker: Worker;
  memoryMb: number;
  ready: Promise<void>;
}

/** The worker bundled from source, for Vitest (see import-worker-bundle.ts; never bundled). */
async function workerFromSource(): Promise<string> {
  const source = await import(/* turbopackIgnore: true */ './import-worker-bundle');
  return source.bundleImportWorker();
}

async function startWorker(memoryMb: number): Promise<Started> {
  const options: WorkerOptions = {
    resourceLimits: {
      maxOldGenerationSizeMb: memoryMb,
      maxYoungGenerationSizeMb: Math.min(64, Math.ceil(memoryMb / 4)),
      stackSizeMb: 4,
    },
  };
  const worker = process.env.VITEST
    ? new Worker(await workerFromSource(), options)
    : // Turbopack bundles the worker as its own entry and rewrites this to the built chunk.
      new Worker(new URL('./import-worker-thread.ts', import.meta.url), options);
  worker.unref(); // a spare waiting for work never keeps the process alive
  const ready = new Promise<void>((resolve, reject) => {
    worker.once('message', () => resolve());
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`Import worker exited (${code}) at start.`)));
  });
  ready.catch(() => {}); // reported when the worker is used
  return { worker, memoryMb, ready };
}

// Loading the parsers takes a worker about a second, so the next import's worker is started
// as an import begins, and waits, loaded. Each worker still reads one file only: nothing a
// hostile file does to a worker's memory outlives its import.
let spare: Promise<Started> | null = null;

async function takeWorker(memoryMb: number): Promise<Started> {
  const waiting = spare;
  spare = null;
  startSpare(); // loads while this import runs, ready for the next one
  const started = await waiting?.catch(() => null);
  if (started) {
    const usable =
      started.memoryMb === memoryMb &&
      (await started.ready.then(
        () => true,
        () => false,
      ));
    if (usable) return started;
    void started.worker.terminate();
  }
  return startWorker(memoryMb);
}

function startSpare() {
  if (spare) return;
  const next = startWorker(IMPORT_WORKER_LIMITS.memoryMb);
  spare = next;
  next.catch(() => {
    if (spare === next) spare = null;
  });
}

/** How long a worker may take to load its code (about a second when the machine is quiet). */
const START_LIMIT_MS = 30_000;

async function runWorker(job: ImportJob, limits: ImportWorkerLimits): Promise<MapDocument> {
  const { worker, ready } = await takeWorker(limits.memoryMb);
  try {
    let startTimer: NodeJS.Timeout | undefined;
    await Promise.race([
      ready,
      new Promise((_, reject) => {
        startTimer = setTimeout(
          () => reject(new Error('Import worker did not start in time.')),
          START_LIMIT_MS,
        );
      }),
    ])
      .catch((error: unknown) => {
        throw workerFailure(error);
      })
      .finally(() => clearTimeout(startTimer));
    return await readInWorker(worker, job, limits);
  } finally {
    void worker.terminate();
  }
}

/** A worker's own failure as the person importing should hear it. */
function workerFailure(error: unknown): unknown {
  if ((error as { code?: string } | null)?.code !== 'ERR_WORKER_OUT_OF_MEMORY') return error;
  return new AppError(
    'INVALID',
    'This file needed more memory to read than an import may use, so reading it was stopped and nothing was created. Split it into smaller maps.',
    'file',
  );
}

function readInWorker(worker: Worker, job: ImportJob, limits: ImportWorkerLimits) {
  return new Promise<MapDocument>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
    };
    const timer = setTimeout(
      () =>
        settle(() =>
          reject(
            new AppError(
              'INVALID',
              `This file took more than ${limits.timeoutMs / 1000} seconds to read, so reading it was stopped and nothing was created. Split it into smaller maps, or check that it is Argdown or AIF as Counterpoint writes them.`,
              'file',
            ),
          ),
        ),
      limits.timeoutMs,
    );
    worker.once('message', (answer: WorkerAnswer) =>
      settle(() => {
        if (answer.ok) resolve(answer.doc);
        else if (answer.code === 'UNEXPECTED')
          reject(new Error(`Import worker: ${answer.message}`));
        else reject(new AppError(answer.code, answer.message, answer.field));
      }),
    );
    worker.once('error', (error) => settle(() => reject(workerFailure(error))));
    worker.once('exit', (code) =>
      settle(() =>
        reject(new Error(`Import worker stopped (exit code ${code}) without an answer.`)),
      ),
    );
    worker.postMessage(job);
  });
}

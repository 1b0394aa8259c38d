import fs from 'node:fs';
import path from 'node:path';

// Under Vitest the server code runs from its TypeScript source, which a worker thread cannot
// load. This bundles the import worker once with esbuild (installed with tsx and Vitest) into
// node_modules/.cache, where its packages resolve. `next dev` and `next build` bundle the worker
// themselves and never load this file (import-worker.ts imports it with turbopackIgnore).

let built: Promise<string> | null = null;

/** The path of the import worker bundled for Node, built on first use. */
export function bundleImportWorker(): Promise<string> {
  built ??= (async () => {
    const { build } = await import('esbuild');
    const outfile = path.join(
      process.cwd(),
      'node_modules',
      '.cache',
      'counterpoint',
      `import-worker-${process.pid}.mjs`,
    );
    await build({
      entryPoints: [path.join(process.cwd(), 'lib', 'server', 'import.worker.ts')],
      outfile,
      bundle: true,
      packages: 'external',
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'silent',
    });
    process.once('exit', () => fs.rmSync(outfile, { force: true }));
    return outfile;
  })();
  return built;
}

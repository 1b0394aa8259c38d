import fs from 'node:fs';
import path from 'node:path';

// Under Vitest the server code runs from its TypeScript source, which a worker thread cannot
// load. This bundles the import worker once with esbuild (installed with tsx and Vitest) into
// node_modules/.cache, where its packages resolve. `next dev` and `next build` bundle the worker
// themselves and never load this file (read-import-in-worker.ts imports it with turbopackIgnore).

let built: Promise<string> | null = null;

/** The path of the import worker bundled for Node, built on first use. */
export function bundleImportWorker(): Promise<string> {
  built ??= (async () => {
    const { build } = await import('esbuild');
    const dir = path.join(process.cwd(), 'node_modules', '.cache', 'counterpoint');
    const outfile = path.join(dir, 'import-worker-thread.mjs');
    const result = await build({
      entryPoints: [path.join(process.cwd(), 'lib', 'server', 'import-worker-thread.ts')],
      outfile,
      write: false,
      bundle: true,
      packages: 'external',
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'silent',
    });
    // Test processes may build at once: each writes its own file, then swaps it in whole.
    const own = `${outfile}.${process.pid}`;
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(own, result.outputFiles[0]!.contents);
    fs.renameSync(own, outfile);
    return outfile;
  })();
  return built;
}

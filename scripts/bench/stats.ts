// Small helpers the benchmark's parts share.

export const quantile = (xs: readonly number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
};
export const median = (xs: readonly number[]) => quantile(xs, 0.5);
export const ms = (x: number) => (Number.isFinite(x) ? `${Math.round(x)} ms` : '–');
export const claims = (n: number) => n.toLocaleString('en');

export const timed = async <T>(f: () => Promise<T>): Promise<[T, number]> => {
  const t = performance.now();
  const r = await f();
  return [r, performance.now() - t];
};

/** Prints a markdown table, every column right-aligned. */
export function table(head: string[], rows: string[][]) {
  console.log(`| ${head.join(' | ')} |`);
  console.log(`|${head.map(() => ' ---: ').join('|')}|`);
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
  console.log();
}

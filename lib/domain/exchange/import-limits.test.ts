import { describe, expect, it } from 'vitest';
import { fromAif } from './from-aif';
import { fromArgdown } from './from-argdown';
import { IMPORT_LIMITS } from './import-limits';
import { materialize, type ImportedMap } from './imported-map';
import { idCounter, seededDebate } from '@/tests/support/maps/fixtures';
import {
  aliasBombArgdown,
  deepAifChain,
  deepArgdownChain,
  manyQuotesAif,
  unclosedDataArgdown,
  wideAif,
} from '@/tests/support/maps/hostile-imports';
import { syntheticMap } from '@/tests/support/maps/synthetic-map';
import { toAif } from './to-aif';
import { toArgdown } from './to-argdown';

/** Runs `read` and returns how long it took and what it threw (it must throw). */
function refusal(read: () => unknown): { ms: number; message: string } {
  const start = performance.now();
  try {
    read();
  } catch (e) {
    return { ms: performance.now() - start, message: (e as Error).message };
  }
  throw new Error(`accepted after ${Math.round(performance.now() - start)} ms`);
}

describe('import limits: hostile files are refused fast, with where and why', () => {
  it('refuses YAML anchors and aliases in Argdown data (a billion-laughs file) at once', () => {
    // Level 7 took about 5 s and 150 MB when the data was read as YAML (9x per level).
    const { ms, message } = refusal(() => fromArgdown(aliasBombArgdown(7)));
    expect(message).toMatch(/line 2: its data repeats a list or map with YAML anchors and aliases/);
    expect(ms).toBeLessThan(2000);
    // In the front matter too; an alias of a single value costs nothing and is read.
    const bomb = aliasBombArgdown(7).match(/\{(.*)\}/)![1]!;
    expect(
      refusal(() => fromArgdown(`===\n${bomb.replace(/, (?=[a-z]: &)/g, '\n')}\n===\n\n[T1]: a\n`))
        .message,
    ).toMatch(/the front matter repeats a list or map/);
    const fm = fromArgdown(
      '===\ntitle: &t "x"\nmotion: [*t, *t, *t]\n===\n\n[T1]: a\n  + [C1]: b {"strength": 2}\n',
    );
    expect(fm.title).toBe('x');
    expect(fm.claims[0]).toMatchObject({ key: 'C1', strength: 2 });
  });

  it('refuses data nested 100,000 levels deep before Argdown merges it recursively', () => {
    const deep = `${'['.repeat(100_000)}1${']'.repeat(100_000)}`;
    const { message } = refusal(() => fromArgdown(`[T1]: a\n  + [C1]: b {"note": ${deep}}\n`));
    expect(message).toMatch(/line 2: its data is nested more than 16 levels deep/);
  });

  it('refuses a 10,000-level AIF chain without a stack overflow, naming the first claim too deep', () => {
    const { ms, message } = refusal(() =>
      materialize(fromAif(deepAifChain(10_000)), seededDebate(), 'AIF', idCounter()),
    );
    expect(message).toMatch(/node c201: it is 201 levels deep; a map can be at most 200 levels/);
    expect(message).not.toMatch(/call stack/i);
    expect(ms).toBeLessThan(2000);
  });

  it('refuses a 3,000-level Argdown chain (the deepest in 5 MB) before parsing it', () => {
    const { ms, message } = refusal(() => fromArgdown(deepArgdownChain(3_000)));
    expect(message).toMatch(/line 204: it is indented 203 levels deep; .* at most 200 levels/);
    expect(ms).toBeLessThan(2000);
  });

  it('takes a chain of exactly 200 levels, in both formats', () => {
    for (const read of [
      () => fromArgdown(deepArgdownChain(IMPORT_LIMITS.depth)),
      () => fromAif(deepAifChain(IMPORT_LIMITS.depth)),
    ]) {
      const doc = materialize(read(), seededDebate(), 'test', idCounter());
      expect(doc.claims).toHaveLength(IMPORT_LIMITS.depth);
    }
    expect(() =>
      materialize(
        fromArgdown(deepArgdownChain(IMPORT_LIMITS.depth + 1)),
        seededDebate(),
        'Argdown',
        idCounter(),
      ),
    ).toThrow(/line 202 \(C201\): it is 201 levels deep/);
  });

  it('refuses 50,000 AIF nodes before reading them, and 10,001 claims', () => {
    const nodes = refusal(() => fromAif(wideAif(25_000)));
    expect(nodes.message).toMatch(/file: it has 50,001 nodes; an import can have at most 40,000/);
    expect(nodes.ms).toBeLessThan(2000);
    const claims = refusal(() => fromAif(wideAif(10_001)));
    expect(claims.message).toMatch(/file: it has 10,001 claims; an import can have at most 10,000/);
    expect(claims.ms).toBeLessThan(2000);
  });

  it('refuses more than 2,000 quotes before looking for any', () => {
    const { ms, message } = refusal(() =>
      materialize(fromAif(manyQuotesAif(2_001)), seededDebate(), 'AIF', idCounter()),
    );
    expect(message).toMatch(/file: it has 2,001 quotes; an import can have at most 2,000/);
    expect(ms).toBeLessThan(2000);
    // 2,000 quotes are found quickly: each article is normalized once, not once per quote.
    const start = performance.now();
    const doc = materialize(fromAif(manyQuotesAif(2_000)), seededDebate(), 'AIF', idCounter());
    expect(doc.anchors).toHaveLength(2_000);
    expect(performance.now() - start).toBeLessThan(2000);
  });

  it('refuses quotes longer than the editor takes', () => {
    const imported: ImportedMap = {
      title: null,
      claims: [
        {
          key: 'c',
          where: 'node c',
          thesisPosition: 0,
          parentKey: null,
          stance: 'pro',
          text: 'Quoted',
          note: '',
          strength: null,
        },
      ],
      quotes: [
        {
          claimKey: 'c',
          where: 'node c',
          sourceSlug: seededDebate().theses[0]!.source.slug,
          exact: 'a'.repeat(2_001),
          prefix: '',
          suffix: '',
        },
      ],
      links: [],
    };
    expect(() => materialize(imported, seededDebate(), 'AIF', idCounter())).toThrow(
      /node c: a quote is over 2,000 characters/,
    );
  });

  it('refuses a file over 5 MB before parsing it', () => {
    const big = `{"nodes": [], "edges": [], "pad": "${'x'.repeat(IMPORT_LIMITS.bytes)}"}`;
    expect(refusal(() => fromAif(big)).message).toMatch(
      /file: it is 5.0 MB; an import can be at most 5 MB/,
    );
    // Counted in UTF-8 bytes: 2 million three-byte characters are 6 MB.
    expect(refusal(() => fromArgdown(`[T1]: ${'€'.repeat(2_000_000)}`)).message).toMatch(
      /it is 6.0 MB/,
    );
  });

  it('refuses Argdown data braces that would make the lexer quadratic', () => {
    // 12 kB of "{}," took the lexer half a second; 120 kB would take a minute.
    const { ms, message } = refusal(() => fromArgdown(unclosedDataArgdown(40_000)));
    expect(message).toMatch(/line 2: a “\{” starts data that does not end with “\}”/);
    expect(ms).toBeLessThan(2000);
  });

  it('refuses more than 40,000 Argdown lines before parsing them', () => {
    const text = `[T1]: a\n${'  + [C1]: b\n'.repeat(IMPORT_LIMITS.argdownLines)}`;
    expect(refusal(() => fromArgdown(text)).message).toMatch(
      /file: it has 40,001 lines; an import can have at most 40,000/,
    );
  });

  it('still takes a 10,000-claim map written by our own exports, in both formats', () => {
    const doc = syntheticMap(seededDebate(), IMPORT_LIMITS.claims);
    for (const [format, read] of [
      ['Argdown', () => fromArgdown(toArgdown(doc))],
      ['AIF', () => fromAif(JSON.stringify(toAif(doc)))],
    ] as const) {
      const again = materialize(read(), seededDebate(), format, idCounter());
      expect(again.claims, format).toHaveLength(IMPORT_LIMITS.claims);
      expect(again.anchors, format).toHaveLength(doc.anchors.length);
    }
  }, 30_000);
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseArgdown } from './argdown-parser';
import { fromArgdown } from './from-argdown';
import { materialize } from './imported-map';
import {
  arbitraryMap,
  hostileText,
  idCounter,
  PROPERTY_TIMEOUT,
  sampleMap,
  seededDebate,
} from '@/tests/support/maps/fixtures';
import { syntheticMap } from '@/tests/support/maps/synthetic-map';
import { escapeArgdown, needsExactText, toArgdown } from './to-argdown';

const roundTrip = (text: string) =>
  toArgdown(materialize(fromArgdown(text), seededDebate(), 'Argdown', idCounter()));

describe('Argdown export', () => {
  it('is read by Argdown’s own parser with the same support and attack relations', () => {
    const text = toArgdown(sampleMap());
    const res = parseArgdown(text);
    expect(res.parserErrors ?? []).toEqual([]);
    expect(res.lexerErrors ?? []).toEqual([]);
    const rels = (res.relations ?? [])
      .map((r) => `${r.from!.title} ${r.relationType} ${r.to!.title}`)
      .sort();
    expect(rels).toEqual(
      [
        'C1 support T1', // Kim invited Moon… supports thesis 1
        'C2 attack C1', // sport diplomacy has limits
        'C3 attack C2', // the rebuttal
        'C4 support T2',
        'C5 attack T2',
        'C5 attack C2', // cross-link to the other side
        'C4 attack T1', // cross-link to the other thesis
      ].sort(),
    );
    expect(res.statements!.C4!.members.find((m) => m.text)?.text?.trim()).toBe(
      'Sanctions block the projects the North wants [sic] #1',
    );
    expect((res as { frontMatter?: { title?: string } }).frontMatter?.title).toBe(
      'Team A: “final” case',
    );
  });

  it('keeps ratings, notes, quotes and exact text as statement data', () => {
    const res = parseArgdown(toArgdown(sampleMap()));
    expect(res.statements!.C1!.data).toMatchObject({
      strength: 4,
      note: 'An invitation is not a summit.',
      quotes: [
        {
          source: 'conversation-informal-diplomacy-koreas-2018',
          exact: 'Kim Jong-un might just have opened a path to real negotiations',
        },
      ],
    });
    expect(res.statements!.C5!.data).toMatchObject({
      text: 'Dialogue and pressure\nworked together before',
    });
  });

  it('round-trips: export, import, export gives the same document', () => {
    const once = toArgdown(sampleMap());
    expect(roundTrip(once)).toBe(once);
  });

  it(
    'round-trips any map (property)',
    () => {
      fc.assert(
        fc.property(arbitraryMap(), (doc) => {
          const once = toArgdown(doc);
          expect(roundTrip(once)).toBe(once);
        }),
        { numRuns: 60 },
      );
    },
    PROPERTY_TIMEOUT,
  );
});

describe('Argdown export of hostile text', () => {
  it('keeps a claim with a URL whole, with its strength, note and quote (nothing read as a comment)', () => {
    const doc = sampleMap();
    doc.claims[0]!.text = 'See https://example.com/report';
    doc.claims[0]!.note = 'From https://example.com/a // b /* c */ <!-- d -->';
    const imported = fromArgdown(toArgdown(doc));
    expect(imported.claims[0]).toMatchObject({
      text: 'See https://example.com/report',
      strength: 4,
      note: 'From https://example.com/a // b /* c */ <!-- d -->',
    });
    expect(imported.quotes[0]).toMatchObject({
      claimKey: 'C1',
      exact: 'Kim Jong-un might just have opened a path to real negotiations',
    });
  });

  it(
    'escapes statement text so that Argdown reads back exactly that text, data intact (property)',
    () => {
      const oneLine = hostileText(16)
        .map((s) => s.replace(/[\r\n\u2028\u2029]/g, ' ').trim())
        .filter((s) => s.length > 0);
      fc.assert(
        fc.property(oneLine, (text) => {
          expect(needsExactText(text)).toBe(false);
          const res = parseArgdown(`[T1]: t\n  + [C1]: ${escapeArgdown(text)} {"strength": 2}\n`);
          expect(res.lexerErrors ?? []).toEqual([]);
          expect(res.parserErrors ?? []).toEqual([]);
          expect(Object.keys(res.statements ?? {}).sort()).toEqual(['C1', 'T1']);
          expect(res.statements!.C1!.members[0]!.text!.trim()).toBe(text);
          expect(res.statements!.C1!.data).toEqual({ strength: 2 });
        }),
        { numRuns: 300 },
      );
    },
    PROPERTY_TIMEOUT,
  );

  it('carries what a statement line cannot (line breaks, outer spaces) in the data, shown on one line', () => {
    const doc = sampleMap();
    doc.claims[0]!.text = ' two\r\nlines\u2028and a separator ';
    const line = toArgdown(doc)
      .split('\n')
      .find((l) => l.includes('[C1]:'))!;
    expect(line).toMatch(/^ {2}\+ \[C1\]: two lines and a separator \{"text": /);
    expect(fromArgdown(toArgdown(doc)).claims[0]!.text).toBe(' two\r\nlines\u2028and a separator ');
  });

  it('exports 1,000 claims with 5,000-character notes of braces in linear time, notes intact', () => {
    // The old exporter rescanned a value's JSON before each brace: quadratic, about 9 s here.
    const doc = syntheticMap(seededDebate(), 1000);
    const note = `${'{}'.repeat(24)}} `.repeat(100);
    expect(note).toHaveLength(5000);
    for (const c of doc.claims) c.note = note;
    const res = parseArgdown(toArgdown(doc));
    expect(res.lexerErrors ?? []).toEqual([]);
    expect(res.parserErrors ?? []).toEqual([]);
    const notes = Object.entries(res.statements!)
      .filter(([title]) => /^C\d+$/.test(title))
      .map(([, s]) => (s.data as { note?: string } | undefined)?.note);
    expect(notes).toHaveLength(1000);
    expect(notes.every((n) => n === note)).toBe(true);
  });
});

describe('Argdown import', () => {
  it('reads a hand-written map', () => {
    const map = fromArgdown(`[T1]: Track II can open talks
  + [Invitation]: Kim invited Moon. {"strength": 3}
    - [Limits]: Sport has limits.
      +> [T2]
`);
    expect(map.claims.map((c) => [c.key, c.parentKey, c.stance, c.thesisPosition])).toEqual([
      ['Invitation', null, 'pro', 0],
      ['Limits', 'Invitation', 'con', 0],
    ]);
    expect(map.links).toEqual([
      expect.objectContaining({ fromKey: 'Limits', toThesisPosition: 1, stance: 'pro' }),
    ]);
  });

  it('reads Argdown’s own YAML-style data, not only JSON', () => {
    const map = fromArgdown(`[T1]: Track II can open talks
  + [Invitation]: Kim invited Moon. {source: "P1b", strength: 3, note: 'Why it matters'}
  - [Limits]: Sport has limits. {
      strength: 2
      note: Written as a block
    }
`);
    expect(map.claims[0]).toMatchObject({ key: 'Invitation', strength: 3, note: 'Why it matters' });
    expect(map.claims[1]).toMatchObject({ key: 'Limits', strength: 2, note: 'Written as a block' });
  });

  it('honours the front matter’s model settings, as Argdown does (removeTagsFromText)', () => {
    const body = '[T1]: Track II can open talks\n  + [C1]: Kim invited Moon #pro #sport\n';
    expect(fromArgdown(body).claims[0]!.text).toBe('Kim invited Moon #pro #sport');
    const settings = '===\ntitle: Tags\nmodel:\n  removeTagsFromText: true\n===\n\n';
    const map = fromArgdown(settings + body);
    expect(map.title).toBe('Tags');
    expect(map.claims[0]!.text).toBe('Kim invited Moon');
  });

  it('says where the syntax is broken', () => {
    expect(() => fromArgdown('[T1]: a\n  + [C1]: b\n<A>: c')).toThrow(/line 3/);
  });

  it('refuses a claim with no parent, and an unknown relation, naming the line', () => {
    expect(() => fromArgdown('[T1]: a\n\n[Loose]: not under anything\n')).toThrow(
      /line 3 \(Loose\): write it under a thesis or claim/,
    );
    expect(() => fromArgdown('[T1]: a\n  >< [C1]: contradicts\n')).toThrow(
      /only support \(\+\) and attack \(-\)/,
    );
  });

  it('refuses a quote that is not in the article, and nothing is made', () => {
    const text = `[T1]: a\n  + [C1]: b {"quotes": [{"source": "conversation-informal-diplomacy-koreas-2018", "exact": "Kim surrendered"}]}\n`;
    expect(() => materialize(fromArgdown(text), seededDebate(), 'Argdown', idCounter())).toThrow(
      /line 2 \(C1\): the quote “Kim surrendered” is not in “How informal diplomacy/,
    );
  });

  it('refuses bad ratings and empty claims', () => {
    const text = `[T1]: a\n  + [C1]: b {"strength": 9}\n`;
    expect(() => materialize(fromArgdown(text), seededDebate(), 'Argdown', idCounter())).toThrow(
      /strength must be a whole number from 1 to 5/,
    );
  });
});

import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import type { Stance } from '@/lib/domain/argument-tree';
import type { CrossLink } from '@/lib/domain/cross-links';
import { locateQuote, selectorAt } from '@/lib/domain/quote-anchoring';
import type { AnchorView, ClaimView, DebateView } from '@/lib/domain/views';
import type { MapDocument } from '@/lib/domain/exchange/document';
import { initialKeys } from '@/lib/domain/order-keys';

/** New ids for an import, as the server makes them: id1, id2, … (a fresh count per call). */
export function idCounter(): () => string {
  let n = 0;
  return () => `id${++n}`;
}

/** The seeded debate as a DebateView with fixed ids, read from the seed file (test support only). */
export function seededDebate(): DebateView {
  const file = path.join(
    process.cwd(),
    'prisma',
    'seed',
    'debates',
    'korea-olympic-thaw-2018.json',
  );
  const seed = JSON.parse(fs.readFileSync(file, 'utf8'));
  return {
    id: 'debate-1',
    slug: seed.slug,
    motion: seed.motion,
    summary: seed.summary,
    theses: seed.theses.map(
      (t: { label: string; text: string; source: Record<string, unknown> }, i: number) => ({
        id: `thesis-${i + 1}`,
        position: i,
        label: t.label,
        text: t.text,
        source: { ...t.source, id: `source-${i + 1}`, standfirst: t.source.standfirst ?? null },
      }),
    ),
  };
}

/** A small hand-made map on the seeded debate: both theses, a rebuttal, quotes and cross-links. */
export function sampleMap(): MapDocument {
  const debate = seededDebate();
  const [a, b] = debate.theses as [DebateView['theses'][number], DebateView['theses'][number]];
  const claim = (
    id: string,
    thesisId: string,
    parentId: string | null,
    stance: Stance,
    text: string,
    position: number,
    extra: Partial<ClaimView> = {},
  ): ClaimView => ({
    id,
    thesisId,
    parentId,
    stance,
    text,
    order: initialKeys(position + 1)[position]!,
    note: '',
    strength: null,
    version: 1,
    ...extra,
  });
  const claims = [
    claim('c1', a.id, null, 'pro', 'Kim invited Moon to visit the North', 0, {
      strength: 4,
      note: 'An invitation is not a summit.',
    }),
    claim('c2', a.id, 'c1', 'con', 'Sport diplomacy has limits', 0),
    claim('c3', a.id, 'c2', 'con', 'The poll shows support for talks', 0),
    claim('c4', b.id, null, 'pro', 'Sanctions block the projects the North wants [sic] #1', 0, {
      strength: 5,
    }),
    claim('c5', b.id, null, 'con', 'Dialogue and pressure\nworked together before', 1),
  ];
  const quote = (
    id: string,
    claimId: string,
    source: typeof a.source,
    exact: string,
  ): AnchorView => {
    const blocks = source.blocks.map((x) => x.text);
    const at = locateQuote(blocks, { exact, prefix: '', suffix: '' })!;
    return { id, claimId, sourceId: source.id, ...selectorAt(blocks, at), ...at };
  };
  return {
    title: 'Team A: “final” case',
    debate,
    claims,
    anchors: [
      quote('q1', 'c1', a.source, 'Kim Jong-un might just have opened a path to real negotiations'),
      quote(
        'q2',
        'c4',
        b.source,
        'the “dual track” approach – dialogue with sanctions – will fail',
      ),
    ],
    links: [
      { id: 'l1', fromClaimId: 'c5', toClaimId: 'c2', toThesisId: null, stance: 'con' },
      { id: 'l2', fromClaimId: 'c4', toClaimId: null, toThesisId: a.id, stance: 'con' },
    ],
  };
}

/** A map four levels deep on both sides, every claim with a note, the deepest rated highest. */
export function deepMap(): MapDocument {
  const doc = sampleMap();
  const claims: ClaimView[] = [];
  for (const thesisId of ['thesis-1', 'thesis-2']) {
    let parents: (string | null)[] = [null];
    for (let level = 1; level <= 4; level++) {
      const next: string[] = [];
      for (const parentId of parents)
        for (const stance of ['pro', 'con'] as const) {
          const id = `${thesisId}-L${level}-${next.length}`;
          claims.push({
            id,
            thesisId,
            parentId,
            stance,
            text: `Claim ${id} (${stance})`,
            note: `Note on ${id}`,
            strength: level === 4 ? 5 : null,
            order: `a${next.length % 2}`,
            version: 1,
          });
          next.push(id);
        }
      parents = next.slice(0, 2);
    }
  }
  return { ...doc, claims: [...doc.claims, ...claims] };
}

/** A property test's timeout: dozens of hostile maps through a parser are CPU-bound, and CI is busy. */
export const PROPERTY_TIMEOUT = 20_000;

/**
 * What the export formats treat as syntax, as whole pieces, so a generated text hits them often:
 * Argdown's comments, front matter, data, references, tags, mentions, shortcodes and escapes;
 * Markdown's emphasis, code, links, images, autolinks, HTML, entities, tables and list markers;
 * line breaks of every kind and runs of spaces.
 */
const SYNTAX = [
  ...'\\[]{}<>#@*_`~|$&=/:.,;-()+!?"\'',
  ...['//', '/*', '*/', '<!--', '-->', '===', '---', '} x', '}, {', '[x](y)', '![x](y)', '[C1]:'],
  ...['<A>', '@[C1]', '#tag', '#(a tag)', ':+1:', '.y.', 'e.g.', '...', '(1)', '1. ', '+>', '->'],
  ...['><', '**', '__', '~~', '``', '&amp;', '&lt;', '\\n', '<script>alert(1)</script>'],
  ...['<img src=x onerror=alert(1)>', '<a href="javascript:alert(1)">x</a>', 'www.example.com'],
  ...['See https://example.com/report', 'https://example.com/?a=1&b=[2]#x', 'a@example.com'],
  ...['|a|b|', '  ', '   ', '\t', '\n', '\r\n'],
  ...['\r', '\n\n', '\u2028', '\u2029', '\u00a0', '\u{1F600}', 'e\u0301', '\u202e', '\ufeff'],
];

/**
 * Hostile text for property tests: any printable character (ASCII and the whole of Unicode,
 * emoji and combining marks included), URLs, and the syntax pieces above, in any order.
 */
export function hostileText(maxPieces = 12): fc.Arbitrary<string> {
  const piece = fc.oneof(
    { weight: 4, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 4 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 2 }) },
    { weight: 4, arbitrary: fc.constantFrom(...SYNTAX) },
    { weight: 1, arbitrary: fc.webUrl() },
    { weight: 2, arbitrary: fc.constantFrom('Kim', 'talks', ' ', 'a b') },
  );
  return fc.array(piece, { minLength: 1, maxLength: maxPieces }).map((p) => p.join(''));
}

/** Arbitrary maps on the seeded debate, for property tests: any shape, text, rating, quote, link. */
export function arbitraryMap(): fc.Arbitrary<MapDocument> {
  const debate = seededDebate();
  const passages = debate.theses.flatMap((t) =>
    t.source.blocks
      .filter((bl) => bl.type === 'paragraph')
      .map((bl) => ({ source: t.source, text: bl.text })),
  );
  const text = hostileText()
    .map((s) => s.trim()) // the app trims titles and claim texts on save
    .filter((s) => s.length > 0);
  const node = fc.record({
    parentPick: fc.nat(),
    thesis: fc.nat({ max: 1 }),
    stance: fc.constantFrom<Stance>('pro', 'con'),
    text,
    note: fc.oneof(fc.constant(''), hostileText()), // notes are kept as typed, untrimmed
    strength: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
    quote: fc.option(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 3, max: 40 })), { nil: null }),
  });
  return fc
    .record({
      title: text,
      nodes: fc.array(node, { maxLength: 14 }),
      links: fc.array(
        fc.tuple(fc.nat(), fc.nat(), fc.constantFrom<Stance>('pro', 'con'), fc.boolean()),
        { maxLength: 4 },
      ),
    })
    .map(({ title, nodes, links }) => {
      const claims: ClaimView[] = [];
      const anchors: AnchorView[] = [];
      nodes.forEach((n, i) => {
        // Each claim answers its thesis or an earlier claim of the same thesis.
        const sameThesis = claims.filter((c) => c.thesisId === debate.theses[n.thesis]!.id);
        const parent =
          n.parentPick % (sameThesis.length + 1) === 0
            ? null
            : sameThesis[(n.parentPick % (sameThesis.length + 1)) - 1]!;
        const siblings = claims.filter(
          (c) => c.thesisId === debate.theses[n.thesis]!.id && c.parentId === (parent?.id ?? null),
        );
        const id = `n${i}`;
        claims.push({
          id,
          thesisId: debate.theses[n.thesis]!.id,
          parentId: parent?.id ?? null,
          stance: n.stance,
          text: n.text,
          note: n.note,
          strength: n.strength,
          order: initialKeys(siblings.length + 1)[siblings.length]!,
          version: 1,
        });
        if (n.quote) {
          const p = passages[n.quote[0] % passages.length]!;
          const start = n.quote[1] % Math.max(1, p.text.length - n.quote[2]);
          const exact = p.text.slice(start, start + n.quote[2]).trim();
          const blocks = p.source.blocks.map((x) => x.text);
          const at = exact
            ? locateQuote(blocks, {
                exact,
                prefix: p.text.slice(Math.max(0, start - 32), start),
                suffix: '',
              })
            : null;
          if (at)
            anchors.push({
              id: `q${i}`,
              claimId: id,
              sourceId: p.source.id,
              ...selectorAt(blocks, at),
              ...at,
            });
        }
      });
      const crossLinks: CrossLink[] = [];
      for (const [from, to, stance, toThesis] of links) {
        const source = claims[from % Math.max(1, claims.length)];
        if (!source) continue;
        const others = claims.filter((c) => c.thesisId !== source.thesisId);
        const otherThesis = debate.theses.find((t) => t.id !== source.thesisId)!;
        const target = toThesis || !others.length ? null : others[to % others.length]!;
        if (
          crossLinks.some(
            (l) =>
              l.fromClaimId === source.id &&
              l.toClaimId === (target?.id ?? null) &&
              l.toThesisId === (target ? null : otherThesis.id),
          )
        )
          continue;
        crossLinks.push({
          id: `l${crossLinks.length}`,
          fromClaimId: source.id,
          toClaimId: target?.id ?? null,
          toThesisId: target ? null : otherThesis.id,
          stance,
        });
      }
      return { title, debate, claims, anchors, links: crossLinks };
    });
}

import { describe, expect, it } from 'vitest';
import { buildBrief, flattenBrief } from './brief';
import { deepMap, sampleMap, seededDebate } from '@/tests/support/maps/fixtures';
import { syntheticMap } from '@/tests/support/maps/synthetic-map';
import { thesisCounts } from './dialectic';
import type { ClaimView } from './views';

describe('debate brief', () => {
  it('orders the case by rating and lists objections with their rebuttals, flagging gaps', () => {
    const doc = sampleMap();
    const extra: ClaimView = {
      id: 'c6',
      thesisId: 'thesis-1',
      parentId: null,
      stance: 'pro',
      text: 'Weak point',
      note: '',
      strength: 2,
      order: 'a1',
      version: 1,
    };
    const strong: ClaimView = {
      ...extra,
      id: 'c7',
      text: 'Unrated point',
      strength: null,
      order: 'a2',
    };
    const brief = buildBrief({ ...doc, claims: [...doc.claims, extra, strong] }, 'thesis-1');
    expect(brief.case.map((p) => p.claim.text)).toEqual([
      'Kim invited Moon to visit the North',
      'Weak point',
      'Unrated point',
    ]);
    expect(brief.case[0]!.quotes[0]).toEqual({
      exact: 'Kim Jong-un might just have opened a path to real negotiations',
      source: 1,
    });
    expect(brief.sources.map((x) => x.short)).toEqual([
      'The Conversation [1]',
      'The Globe Post [2]',
    ]);

    const [sport, crossThesis] = brief.objections;
    expect(sport).toMatchObject({
      target: '“Kim invited Moon to visit the North”',
      gap: false,
      fromOtherSide: false,
    });
    expect(sport!.claim.text).toBe('Sport diplomacy has limits');
    // Its rebuttals: one in our tree, one cross-linked from the other side's map.
    expect(sport!.rebuttals.map((r) => r.claim.text)).toEqual([
      'The poll shows support for talks',
      'Dialogue and pressure\nworked together before',
    ]);
    // "Sanctions block…" (other side) attacks our thesis by a cross-link, and nothing answers it.
    expect(crossThesis).toMatchObject({ target: 'the thesis', gap: true, fromOtherSide: true });
    expect(brief.gaps).toBe(1);
  });

  it('lists our attacks on the other thesis', () => {
    const brief = buildBrief(sampleMap(), 'thesis-1');
    expect(brief.attacks.map((a) => a.claim.text)).toEqual([
      'Dialogue and pressure\nworked together before',
    ]);
    const other = buildBrief(sampleMap(), 'thesis-2');
    expect(other.case.map((p) => [p.claim.text, p.role, p.helps])).toEqual([
      ['Sanctions block the projects the North wants [sic] #1', 'support', 'us'],
      ['Dialogue and pressure\nworked together before', 'objection', 'them'],
    ]);
    expect(other.objections.map((o) => [o.claim.text, o.gap])).toEqual([
      ['Dialogue and pressure\nworked together before', true],
    ]);
  });

  it('lists attacks at any depth of the other side’s tree, and our cross-link attacks, with quotes', () => {
    const doc = sampleMap();
    const deep: ClaimView = {
      id: 'deep',
      thesisId: 'thesis-2',
      parentId: doc.claims.find((c) => c.thesisId === 'thesis-2' && !c.parentId)!.id,
      stance: 'con',
      text: 'Deep attack on their case',
      note: '',
      strength: 3,
      order: 'a5',
      version: 1,
    };
    const brief = buildBrief({ ...doc, claims: [...doc.claims, deep] }, 'thesis-1');
    const deepAttack = brief.attacks.find((a) => a.claim.id === 'deep');
    expect(deepAttack).toMatchObject({
      byLink: false,
      target: expect.stringMatching(/^“Sanctions/),
    });
    expect(brief.attacks.some((a) => a.byLink)).toBe(
      doc.links.some(
        (l) =>
          l.stance === 'con' &&
          doc.claims.find((c) => c.id === l.fromClaimId)?.thesisId === 'thesis-1',
      ),
    );
  });

  it('agrees with the thesis card on every map: objections and gaps are counted one way', () => {
    const debate = seededDebate();
    const maps = [sampleMap(), ...[1, 2, 3].map((seed) => syntheticMap(debate, 400, seed))];
    for (const doc of maps) {
      for (const thesis of doc.debate.theses) {
        const brief = buildBrief(doc, thesis.id);
        const counts = thesisCounts(doc.claims, doc.links, thesis.id);
        expect(brief.objections.length).toBe(counts.objections);
        expect(brief.gaps).toBe(counts.unanswered);
      }
    }
  });
});

describe('the brief is the whole map', () => {
  it('holds every claim of both trees at every depth, with its note and the side it helps', () => {
    const doc = deepMap();
    const brief = buildBrief(doc, 'thesis-1');
    const nodes = [...flattenBrief(brief.case), ...flattenBrief(brief.theirCase)];
    expect(nodes.map((n) => n.claim.id).sort()).toEqual(doc.claims.map((c) => c.id).sort());
    expect(brief).toMatchObject({ claimCount: doc.claims.length, shown: doc.claims.length });
    expect(Math.max(...nodes.map((n) => n.depth))).toBe(3);
    // Colours follow the side a claim helps: a con to a con under our thesis helps us.
    const byId = new Map(nodes.map((n) => [n.claim.id, n]));
    expect(byId.get('thesis-1-L2-1')).toMatchObject({ role: 'objection', helps: 'them' });
    expect(byId.get('thesis-1-L3-1')).toMatchObject({ role: 'objection', helps: 'them' });
    expect(byId.get('c3')).toMatchObject({ role: 'rebuttal', helps: 'us' });
    expect(byId.get('thesis-2-L1-1')).toMatchObject({ role: 'objection', helps: 'us' });
    // Each level strongest first: a rated claim leads its siblings.
    const rated = brief.case.find((n) => n.claim.strength === 4)!;
    expect(rated.claim.id).toBe('c1');
    expect(brief.case[0]!.claim.id).toBe('c1');
  });

  it('says how many claims it cannot place, instead of leaving them out silently', () => {
    const doc = sampleMap();
    const orphan = { ...doc.claims[0]!, id: 'orphan', parentId: 'gone' };
    const brief = buildBrief({ ...doc, claims: [...doc.claims, orphan] }, 'thesis-1');
    expect(brief.claimCount - brief.shown).toBe(1);
  });
});

describe('a quote lost in an edit of its article', () => {
  it('stays in the brief, marked as no longer in the article', () => {
    const doc = sampleMap();
    const [lost, kept] = doc.anchors;
    const edited = { ...doc, anchors: [{ ...lost!, start: 0, end: 0 }, kept!] };
    const brief = buildBrief(edited, doc.debate.theses[0]!.id);
    const quotes = [...flattenBrief(brief.case), ...flattenBrief(brief.theirCase)].flatMap(
      (n) => n.quotes,
    );
    expect(quotes.find((q) => q.exact === lost!.exact)).toMatchObject({ lost: true });
    expect(quotes.find((q) => q.exact === kept!.exact)).not.toHaveProperty('lost');
  });
});

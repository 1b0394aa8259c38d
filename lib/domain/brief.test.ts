import { describe, expect, it } from 'vitest';
import { buildBrief } from './brief';
import { sampleMap, seededDebate } from './exchange/testing/fixtures';
import { syntheticMap } from './exchange/testing/synthetic-map';
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
    expect(brief.case[0]!.quotes[0]).toMatchObject({
      exact: 'Kim Jong-un might just have opened a path to real negotiations',
    });

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
    expect(other.case.map((p) => p.claim.text)).toEqual([
      'Sanctions block the projects the North wants [sic] #1',
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

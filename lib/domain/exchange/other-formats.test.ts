import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromAif } from './from-aif';
import { materialize } from './imported-map';
import {
  arbitraryMap,
  idCounter,
  PROPERTY_TIMEOUT,
  sampleMap,
  seededDebate,
} from '@/tests/support/maps/fixtures';
import { toAif } from './to-aif';

const aifRoundTrip = (json: string) =>
  toAif(materialize(fromAif(json), seededDebate(), 'AIF', idCounter()));

describe('AIF export', () => {
  it('makes claims I-nodes, supports RA-nodes and attacks CA-nodes, edges premise → S → conclusion', () => {
    const aif = toAif(sampleMap());
    const byId = new Map(aif.nodes.map((n) => [n.nodeID, n]));
    const relation = (s: string) => {
      const premise = aif.edges.find((e) => e.toID === s)!.fromID;
      const conclusion = aif.edges.find((e) => e.fromID === s)!.toID;
      return `${byId.get(premise)!.text.slice(0, 20)} ${byId.get(s)!.type} ${byId.get(conclusion)!.text.slice(0, 20)}`;
    };
    const rels = aif.nodes.filter((n) => n.type !== 'I').map((n) => relation(n.nodeID));
    expect(rels).toEqual([
      'Kim invited Moon to  RA Informal “Track II” ',
      'Sport diplomacy has  CA Kim invited Moon to ',
      'The poll shows suppo CA Sport diplomacy has ',
      'Sanctions block the  RA Seoul’s “dual-track”',
      'Dialogue and pressur CA Seoul’s “dual-track”',
      'Sanctions block the  CA Informal “Track II” ', // cross-link
      'Dialogue and pressur CA Sport diplomacy has ', // cross-link
    ]);
    expect(aif.counterpoint!.crossLinks).toHaveLength(2);
    const quoted = Object.values(aif.counterpoint!.claims).flatMap((c) => c.quotes ?? []);
    expect(quoted[0]).toMatchObject({
      sourceTitle: 'How informal diplomacy might just get the Koreas to the negotiating table',
      sourceUrl: 'https://clock.uclan.ac.uk/30847/',
    });
  });

  it(
    'round-trips any map (property)',
    () => {
      fc.assert(
        fc.property(arbitraryMap(), (doc) => {
          const once = JSON.stringify(toAif(doc));
          expect(JSON.stringify(aifRoundTrip(once))).toBe(once);
        }),
        { numRuns: 60 },
      );
    },
    PROPERTY_TIMEOUT,
  );

  it('imports AIF without our metadata, as OVA writes it', () => {
    const ova = JSON.stringify({
      nodes: [
        { nodeID: 10, text: 'Talks will come', type: 'I' },
        { nodeID: 11, text: 'Kim invited Moon', type: 'I' },
        { nodeID: 12, text: 'Default Inference', type: 'RA' },
        { nodeID: 13, text: 'Invitations are cheap', type: 'I' },
        { nodeID: 14, text: 'Default Conflict', type: 'CA' },
        { nodeID: 15, text: 'Student A: talks will come', type: 'L' },
      ],
      edges: [
        { edgeID: 1, fromID: 11, toID: 12 },
        { edgeID: 2, fromID: 12, toID: 10 },
        { edgeID: 3, fromID: 13, toID: 14 },
        { edgeID: 4, fromID: 14, toID: 11 },
      ],
      locutions: [],
    });
    const map = fromAif(ova);
    expect(map.claims.map((c) => [c.text, c.parentKey, c.stance, c.thesisPosition])).toEqual([
      ['Kim invited Moon', null, 'pro', 0],
      ['Invitations are cheap', '11', 'con', 0],
    ]);
  });

  it('says which node or edge is wrong', () => {
    expect(() => fromAif('{nope')).toThrow(/file: not valid JSON/);
    expect(() =>
      fromAif(
        JSON.stringify({
          nodes: [{ nodeID: '1', text: 'a', type: 'I' }],
          edges: [{ edgeID: '9', fromID: '1', toID: '7' }],
        }),
      ),
    ).toThrow(/edge 9: 7 is not a node/);
    const coPremises = {
      nodes: [
        { nodeID: '1', text: 'T', type: 'I' },
        { nodeID: '2', text: 'a', type: 'I' },
        { nodeID: '3', text: 'b', type: 'I' },
        { nodeID: '4', text: 'Default Inference', type: 'RA' },
      ],
      edges: [
        { edgeID: '1', fromID: '2', toID: '4' },
        { edgeID: '2', fromID: '3', toID: '4' },
        { edgeID: '3', fromID: '4', toID: '1' },
      ],
    };
    expect(() => fromAif(JSON.stringify(coPremises))).toThrow(
      /node 4: 2 premises together \(co-premises\)/,
    );
    expect(() =>
      fromAif(JSON.stringify({ nodes: [{ nodeID: '1', text: 'a', type: 'XX' }], edges: [] })),
    ).toThrow(/node 1: node type “XX”/);
  });
});

import { describe, expect, it } from 'vitest';
import { fromAif } from './from-aif';
import { fromArgdown } from './from-argdown';
import { materialize, type ImportedClaim, type ImportedMap } from './imported-map';
import { idCounter, seededDebate } from '@/tests/support/maps/fixtures';

// An import obeys the editor's rules: cross-links through checkCrossLink, the tree through
// argument-tree's, and each refusal says where it is in the file.

const argdown = (text: string) =>
  materialize(fromArgdown(text), seededDebate(), 'Argdown', idCounter());
const aif = (doc: object) =>
  materialize(fromAif(JSON.stringify(doc)), seededDebate(), 'AIF', idCounter());

const node = (nodeID: string, type = 'I', text = `Claim ${nodeID}`) => ({ nodeID, text, type });
const edge = (fromID: string, toID: string) => ({ fromID, toID });
/** Two theses (t1, t2) with claim a under t1 and claim b under t2. */
const twoSides = {
  nodes: [node('t1'), node('t2'), node('a'), node('sa', 'RA'), node('b'), node('sb', 'CA')],
  edges: [edge('a', 'sa'), edge('sa', 't1'), edge('b', 'sb'), edge('sb', 't2')],
};
const withLink = (id: string, from: string, to: string, type = 'RA') => ({
  nodes: [...twoSides.nodes, node(id, type)],
  edges: [...twoSides.edges, edge(from, id), edge(id, to)],
});
const theses = [
  { nodeID: 't1', position: 0 },
  { nodeID: 't2', position: 1 },
];

describe('Argdown import applies the editor’s cross-link rules', () => {
  it('refuses a claim linked to itself, naming its line', () => {
    expect(() => argdown('[T1]: a\n  + [C1]: b\n    +> [C1]\n')).toThrow(
      /line 3 \(C1\): cross-links join the two sides/,
    );
  });

  it('refuses a link within one side, to a claim or to its own thesis', () => {
    expect(() => argdown('[T1]: a\n  + [C1]: b\n  - [C2]: c\n    +> [C1]\n')).toThrow(
      /line 4 \(C2\): cross-links join the two sides/,
    );
    expect(() => argdown('[T1]: a\n  + [C1]: b\n    -> [T1]\n')).toThrow(
      /line 3 \(C1\): cross-links join the two sides/,
    );
  });

  it('refuses a second link between the same two claims, even written the same way', () => {
    const twice = (second: string) =>
      `[T1]: a\n  + [C1]: b\n    +> [C2]\n    ${second} [C2]\n\n[T2]: c\n  + [C2]: d\n`;
    expect(() => argdown(twice('->'))).toThrow(/line 4 \(C1\): these two are already linked/);
    expect(() => argdown(twice('+>'))).toThrow(/line 4 \(C1\): these two are already linked/);
  });

  it('still takes a link to the other side', () => {
    const doc = argdown('[T1]: a\n  + [C1]: b\n    +> [C2]\n\n[T2]: c\n  + [C2]: d\n');
    expect(doc.links).toHaveLength(1);
  });
});

describe('AIF import applies the editor’s rules', () => {
  it('names a node id used twice instead of failing in the database', () => {
    const doc = { ...twoSides, nodes: [...twoSides.nodes, node('a', 'I', 'Another a')] };
    expect(() => fromAif(JSON.stringify(doc))).toThrow(
      /node a: more than one node has this id \(each node needs its own\)/,
    );
  });

  it('refuses a self-link, a link within one side and a duplicate link, naming the node', () => {
    const crossLinks = (doc: { nodes: object[]; edges: object[] }, ids: string[]) => ({
      ...doc,
      counterpoint: { theses, crossLinks: ids },
    });
    expect(() => aif(crossLinks(withLink('x', 'a', 'a'), ['x']))).toThrow(
      /node x: cross-links join the two sides/,
    );
    expect(() => aif(crossLinks(withLink('x', 'a', 't1'), ['x']))).toThrow(
      /node x: cross-links join the two sides/,
    );
    const twice = withLink('x', 'a', 'b');
    twice.nodes.push(node('y', 'CA'));
    twice.edges.push(edge('a', 'y'), edge('y', 'b'));
    expect(() => aif(crossLinks(twice, ['x', 'y']))).toThrow(
      /node y: these two are already linked/,
    );
    expect(aif(crossLinks(withLink('x', 'a', 'b'), ['x'])).links).toHaveLength(1);
  });

  it('reads a second inference from a claim without our metadata as a cross-link, checked too', () => {
    // Without "counterpoint", a's second inference (to t1, its own side) is a cross-link.
    expect(() => aif(withLink('x', 'a', 't1'))).toThrow(/node x: cross-links join the two sides/);
  });
});

describe('materialize applies the tree rules to any imported map', () => {
  const claim = (key: string, parentKey: string | null): ImportedClaim => ({
    key,
    where: `node ${key}`,
    thesisPosition: 0,
    parentKey,
    stance: 'pro',
    text: `Claim ${key}`,
    note: '',
    strength: null,
  });
  const map = (claims: ImportedClaim[]): ImportedMap => ({
    title: null,
    claims,
    quotes: [],
    links: [],
  });

  it('refuses two claims with the same key', () => {
    expect(() =>
      materialize(map([claim('a', null), claim('a', null)]), seededDebate(), 'AIF', idCounter()),
    ).toThrow(/node a: another claim is also called “a”/);
  });

  it('refuses a cycle of replies instead of looping or overflowing', () => {
    const cycle = map([claim('a', 'b'), claim('b', 'a'), claim('c', null)]);
    expect(() => materialize(cycle, seededDebate(), 'AIF', idCounter())).toThrow(
      /node a: it does not lead up to a thesis \(a cycle\) · node b: it does not lead up/,
    );
  });

  it('puts a reply under its parent’s thesis, whatever the file says', () => {
    const doc = materialize(
      map([claim('a', null), { ...claim('b', 'a'), thesisPosition: 1 }]),
      seededDebate(),
      'AIF',
      idCounter(),
    );
    expect(doc.claims.map((c) => c.thesisId)).toEqual(['thesis-1', 'thesis-1']);
  });
});

import { describe, expect, it } from 'vitest';
import { applyOp, type MapState } from './apply-op';
import { beforeFor, beforeOf, inverseOf } from './undo';
import { env, sampleMap, uuid } from '@/tests/support/maps/sample-map';
import { opSchema, type Op, type OpDraft } from '../schemas/ops';

const ids = () => {
  let n = 1000;
  return () => uuid(++n);
};

/** Thesis t1: A (with reply A1), B; thesis t2: C. A1 quotes the article; A links to C, B to t2. */
const state = (): MapState => sampleMap({ thesisLink: true });

/** What a person sees: ids of re-added quotes and links are new, versions count every write. */
const visible = (s: MapState) => ({
  claims: s.claims.map((c) => ({ ...c, version: 0 })).sort((a, b) => a.id.localeCompare(b.id)),
  anchors: s.anchors.map((a) => ({ ...a, id: '' })).sort((a, b) => a.exact.localeCompare(b.exact)),
  links: s.links
    .map((l) => ({ ...l, id: '' }))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
});

const apply = (s: MapState, ops: Op[]) => ops.reduce((x, op) => applyOp(x, op, env), s);
const withIds = (drafts: OpDraft[], next: () => string) =>
  drafts.map((d) => opSchema.parse({ ...d, id: next() }) as Op);

/** Applies `op`, then its inverse (through the op schema, as the server would take it). */
function roundTrip(s: MapState, op: Op) {
  const before = beforeOf(s, op);
  const after = applyOp(s, op, env);
  const stored = JSON.parse(JSON.stringify(before)) as typeof before;
  const inverse = withIds(inverseOf(op, stored, ids()), ids());
  return { after, inverse, undone: apply(after, inverse) };
}

const ops: Record<string, Op> = {
  'claim.add': {
    id: uuid(1),
    kind: 'claim.add',
    claimId: uuid(2),
    thesisId: 't1',
    parentId: 'A1',
    stance: 'con',
    text: 'A rebuttal',
    order: 'a0',
  },
  'claim.update': {
    id: uuid(3),
    kind: 'claim.update',
    claimId: 'A',
    set: { text: 'Sanctions are working', strength: null, stance: 'con' },
    base: {},
  },
  'claim.move': {
    id: uuid(4),
    kind: 'claim.move',
    claimId: 'A',
    thesisId: 't2',
    parentId: 'C',
    order: 'a5',
  },
  'claim.delete': { id: uuid(5), kind: 'claim.delete', claimId: 'A', seen: ['A', 'A1'] },
  'anchor.add': {
    id: uuid(6),
    kind: 'anchor.add',
    anchorId: uuid(7),
    claimId: 'B',
    sourceId: 's1',
    exact: 'Trade grows',
    prefix: '',
    suffix: '',
  },
  'anchor.remove': { id: uuid(8), kind: 'anchor.remove', anchorId: uuid(50) },
  'link.add': {
    id: uuid(9),
    kind: 'link.add',
    linkId: uuid(10),
    fromClaimId: 'C',
    target: { thesisId: 't1' },
    stance: 'con',
  },
  'link.remove': { id: uuid(11), kind: 'link.remove', linkId: uuid(60) },
};

describe('inverseOf', () => {
  it.each(Object.entries(ops))('undoes %s: the map looks as it did before', (_kind, op) => {
    const s = state();
    const { after, inverse, undone } = roundTrip(s, op);
    expect(visible(after)).not.toEqual(visible(s));
    expect(inverse.length).toBe(1);
    expect(visible(undone)).toEqual(visible(s));
  });

  it('undoes a restore by deleting the same batch again, and that delete undoes in turn', () => {
    const deleted = applyOp(state(), ops['claim.delete']!, env);
    const restore: Op = { id: uuid(12), kind: 'claim.restore', deletionId: uuid(5) };
    const { after: restored, inverse, undone } = roundTrip(deleted, restore);
    expect(inverse[0]).toMatchObject({ kind: 'claim.delete', claimId: 'A', seen: ['A', 'A1'] });
    expect(visible(undone)).toEqual(visible(deleted));
    const again = roundTrip(restored, inverse[0]!);
    expect(again.inverse[0]).toMatchObject({ kind: 'claim.restore', deletionId: inverse[0]!.id });
    expect(visible(again.undone)).toEqual(visible(restored));
  });

  it('deletes an undone add only as the person saw it, so replies added since are not lost', () => {
    const [inverse] = inverseOf(ops['claim.add']!, null, ids());
    expect(inverse).toEqual({ kind: 'claim.delete', claimId: uuid(2), seen: [uuid(2)] });
  });

  it('undoes an edit with the old values, expecting every value the edit wrote (someone’s change since makes it a conflict)', () => {
    const s = state();
    const op: Op = {
      id: uuid(13),
      kind: 'claim.update',
      claimId: 'A',
      set: { note: 'new note', strength: 5 },
      base: { note: 'why' },
    };
    const before = beforeOf(s, op);
    expect(before).toEqual({ fields: { note: 'why', strength: 3 } });
    expect(inverseOf(op, before, ids())).toEqual([
      {
        kind: 'claim.update',
        claimId: 'A',
        set: { note: 'why', strength: 3 },
        base: { note: 'new note', strength: 5 },
      },
    ]);
  });

  it('undoes a move only while the claim is where that move put it', () => {
    const move = ops['claim.move'] as Extract<Op, { kind: 'claim.move' }>;
    const { after, inverse, undone } = roundTrip(state(), move);
    expect(inverse[0]).toMatchObject({
      kind: 'claim.move',
      base: { thesisId: 't2', parentId: 'C', order: move.order },
    });
    expect(undone.claims.find((c) => c.id === 'A')).toMatchObject({
      thesisId: 't1',
      parentId: null,
    });
    // Someone else moves it on (under B) before the undo arrives: the undo leaves it there.
    const theirs: Op = {
      id: uuid(40),
      kind: 'claim.move',
      claimId: 'A',
      thesisId: 't1',
      parentId: 'B',
      order: 'a0',
    };
    const movedOn = applyOp(after, theirs, env);
    expect(apply(movedOn, inverse).claims.find((c) => c.id === 'A')).toMatchObject({
      parentId: 'B',
      order: 'a0',
    });
  });

  it('re-adds a removed quote and link under fresh uuids, not the old ids', () => {
    const quote = roundTrip(state(), ops['anchor.remove']!).inverse[0]!;
    const link = roundTrip(state(), ops['link.remove']!).inverse[0]!;
    expect(quote).toMatchObject({ kind: 'anchor.add', claimId: 'A1', exact: 'Sanctions bite' });
    expect(quote.kind === 'anchor.add' && quote.anchorId).not.toBe(uuid(50));
    expect(link).toMatchObject({ kind: 'link.add', fromClaimId: 'A', target: { claimId: 'C' } });
    expect(link.kind === 'link.add' && link.linkId).not.toBe(uuid(60));
  });

  it('has nothing to undo when the subject was already gone', () => {
    const s = state();
    const gone: Op[] = [
      { id: uuid(14), kind: 'anchor.remove', anchorId: uuid(99) },
      { id: uuid(15), kind: 'link.remove', linkId: uuid(99) },
      { id: uuid(16), kind: 'claim.restore', deletionId: uuid(99) },
      { id: uuid(17), kind: 'claim.update', claimId: 'Z', set: { text: 'x' }, base: {} },
    ];
    for (const op of gone) {
      expect(beforeOf(s, op)).toBeNull();
      expect(inverseOf(op, beforeOf(s, op), ids())).toEqual([]);
    }
  });

  it('does not undo kinds it does not know', () => {
    const comment = { id: uuid(18), kind: 'comment.add', claimId: 'A' } as unknown as Op;
    expect(beforeOf(state(), comment)).toBeNull();
    expect(inverseOf(comment, null, ids())).toEqual([]);
  });

  it('reads a stored record only as the shape of its own kind', () => {
    const moved = { thesisId: 't1', parentId: null, order: 'a0' };
    expect(beforeFor('claim.move', moved)).toEqual(moved);
    expect(beforeFor('claim.update', moved)).toBeNull();
    expect(inverseOf(ops['claim.update']!, moved, ids())).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { applyAck, applyOp, type MapState } from './apply-op';
import type { ClaimView } from './views';

const claim = (id: string, parentId: string | null, order = 'a0'): ClaimView => ({
  id,
  thesisId: 't1',
  parentId,
  stance: 'pro',
  order,
  text: id,
  note: '',
  strength: null,
  version: 1,
});
const state = (): MapState => ({
  claims: [claim('A', null), claim('A1', 'A'), claim('B', null, 'a1')],
  anchors: [],
  links: [],
  comments: [],
  trash: {},
});
const env = { blocksOf: (id: string) => (id === 's1' ? ['The two Koreas talk.'] : undefined) };
const ids = (s: MapState) => s.claims.map((c) => c.id).sort();
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('applyOp (the optimistic view)', () => {
  it('deletes a subtree into the trash and an undo brings the same claims back', () => {
    const deleted = applyOp(
      state(),
      { id: uuid(1), kind: 'claim.delete', claimId: 'A', seen: ['A', 'A1'] },
      env,
    );
    expect(ids(deleted)).toEqual(['B']);
    const restored = applyOp(
      deleted,
      { id: uuid(2), kind: 'claim.restore', deletionId: uuid(1) },
      env,
    );
    expect(ids(restored)).toEqual(['A', 'A1', 'B']);
    expect(restored.trash).toEqual({});
  });

  it('sets only the fields an edit names', () => {
    const s = applyOp(
      state(),
      { id: uuid(3), kind: 'claim.update', claimId: 'A', set: { note: 'n' }, base: {} },
      env,
    );
    expect(s.claims.find((c) => c.id === 'A')).toMatchObject({ text: 'A', note: 'n' });
  });

  it('leaves the state as it was for an operation that no longer fits', () => {
    const s = state();
    const moved = applyOp(
      s,
      {
        id: uuid(4),
        kind: 'claim.move',
        claimId: 'A',
        thesisId: 't1',
        parentId: 'A1',
        order: 'a0',
      },
      env,
    );
    expect(moved).toBe(s);
    const orphan = applyOp(
      s,
      {
        id: uuid(5),
        kind: 'claim.add',
        claimId: uuid(6),
        thesisId: 't1',
        parentId: 'gone',
        stance: 'pro',
        text: 'x',
        order: 'a0',
      },
      env,
    );
    expect(orphan).toBe(s);
  });

  it('anchors a quote in the article as the server does, and takes the server’s copy on ack', () => {
    const op = {
      id: uuid(7),
      kind: 'anchor.add' as const,
      anchorId: uuid(8),
      claimId: 'A',
      sourceId: 's1',
      exact: 'Koreas talk',
      prefix: '',
      suffix: '',
    };
    const s = applyOp(state(), op, env);
    expect(s.anchors[0]).toMatchObject({ claimId: 'A', block: 0, start: 8, end: 19 });
    const server = { ...s.anchors[0]!, prefix: 'server' };
    expect(applyAck(state(), op, server, env).anchors).toEqual([server]);
  });
});

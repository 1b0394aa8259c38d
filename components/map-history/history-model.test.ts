import { describe, expect, it } from 'vitest';
import type { MapState } from '@/lib/domain/apply-op';
import type { HistoryEntry } from '@/lib/domain/history';
import type { AnchorView, ClaimView } from '@/lib/domain/views';
import type { HistoryPage } from '@/lib/domain/history';
import {
  appendOlder,
  claimNames,
  compareClaims,
  evidenceOnly,
  mergeNewest,
  restoreLabel,
  walkable,
  withServerTrash,
} from './history-model';

const claim = (id: string, extra: Partial<ClaimView> = {}): ClaimView => ({
  id,
  thesisId: 't1',
  parentId: null,
  stance: 'pro',
  order: 'a0',
  text: `Claim ${id}`,
  note: '',
  strength: null,
  version: 1,
  ...extra,
});

const anchor = (id: string, claimId: string): AnchorView => ({
  id,
  claimId,
  sourceId: 's1',
  exact: 'x',
  prefix: '',
  suffix: '',
  block: 0,
  start: 0,
  end: 1,
});

const state = (claims: ClaimView[], extra: Partial<MapState> = {}): MapState => ({
  claims,
  anchors: [],
  links: [],
  comments: [],
  trash: {},
  ...extra,
});

const entry = (revision: number): HistoryEntry => ({
  revision,
  actorId: 'u1',
  actorName: 'Ada',
  createdAt: new Date(Date.UTC(2025, 0, 1, 12, revision)).toISOString(),
  op: { id: `op${revision}`, kind: 'claim.restore', deletionId: 'd' },
  before: null,
});

const page = (revisions: number[], extra: Partial<HistoryPage> = {}): HistoryPage => ({
  entries: revisions.map(entry),
  trash: {},
  anchors: [],
  links: [],
  revision: revisions[0] ?? 0,
  complete: true,
  nextBefore: null,
  ...extra,
});

describe('withServerTrash', () => {
  it('adds the batches deleted elsewhere with their hidden quotes, once', () => {
    const mine = { claims: [claim('M')] };
    const shown = state([claim('A')], { trash: { d0: mine }, anchors: [anchor('x1', 'A')] });
    const merged = withServerTrash(shown, {
      trash: { d0: [claim('M', { text: 'stale' })], d1: [claim('B')], d2: [claim('A')] },
      anchors: [anchor('x1', 'A'), anchor('x2', 'B')],
      links: [],
    });
    // The tab's own batch wins; a batch whose claim the tab shows alive is left out.
    expect(merged.trash).toEqual({ d0: mine, d1: { claims: [claim('B')] } });
    expect(merged.anchors.map((a) => a.id)).toEqual(['x1', 'x2']);
    expect(merged.claims).toBe(shown.claims);
  });
});

describe('paging the log', () => {
  it('puts a newer page in front when it reaches back to what was loaded', () => {
    const log = page([5, 4, 2], { complete: false, nextBefore: 2, revision: 5 });
    const merged = mergeNewest(log, page([8, 7, 6], { complete: false, nextBefore: 6 }));
    expect(merged.entries.map((e) => e.revision)).toEqual([8, 7, 6, 5, 4, 2]);
    expect(merged).toMatchObject({ revision: 8, complete: false, nextBefore: 2 });
  });

  it('starts again from the newer page when a gap would be left', () => {
    const log = page([5, 4], { revision: 5 });
    const fresh = page([9, 8], { complete: false, nextBefore: 8 });
    expect(mergeNewest(log, fresh)).toBe(fresh);
    // A page that reaches the start holds everything.
    const whole = page([6, 5, 4]);
    expect(mergeNewest(log, whole)).toBe(whole);
    expect(mergeNewest(null, whole)).toBe(whole);
  });

  it('appends an older page and keeps the fresher trash', () => {
    const log = page([9, 8], { complete: false, nextBefore: 8, revision: 9 });
    const older = page([8, 7, 3], {
      revision: 10,
      trash: { d: [claim('X')] },
      complete: false,
      nextBefore: null,
    });
    const both = appendOlder(log, older);
    expect(both.entries.map((e) => e.revision)).toEqual([9, 8, 7, 3]);
    expect(both).toMatchObject({ revision: 9, complete: false, nextBefore: null });
    expect(both.trash).toEqual({ d: [claim('X')] });
  });

  it('walks back only the changes the tab already shows', () => {
    expect(walkable(page([9, 8, 7]).entries, 8).map((e) => e.revision)).toEqual([8, 7]);
  });
});

describe('comparing the past with now', () => {
  it('marks deleted, edited and moved claims, and counts the claims added since', () => {
    const past = state([
      claim('A'),
      claim('B', { text: 'Old' }),
      claim('C', { order: 'a1' }),
      claim('D', { strength: 2, parentId: 'A' }),
      claim('E'),
    ]);
    const now = state([
      claim('A'),
      claim('B', { text: 'New' }),
      claim('C', { order: 'a2' }),
      claim('D', { strength: 3, parentId: null }),
      claim('N1'),
      claim('N2'),
    ]);
    const { changes, addedSince } = compareClaims(past, now);
    expect(Object.fromEntries(changes)).toEqual({
      B: ['edited'],
      C: ['moved'],
      D: ['edited', 'moved'],
      E: ['deleted'],
    });
    expect(addedSince).toBe(2);
  });

  it('names claims by their text now, or as deleted', () => {
    const names = claimNames(
      state([claim('A', { text: 'Now' })], {
        trash: { d: { claims: [claim('A', { text: 'Then' }), claim('B', { text: 'Gone' })] } },
      }),
    );
    expect(names.get('A')?.text).toBe('Now');
    expect(names.get('B')?.text).toBe('Gone');
  });
});

describe('restoring', () => {
  it('keeps only quotes and links for the second pass', () => {
    expect(
      evidenceOnly([
        { kind: 'claim.restore', deletionId: 'd' },
        { kind: 'anchor.remove', anchorId: 'x' },
        { kind: 'link.remove', linkId: 'l' },
        { kind: 'claim.delete', claimId: 'c', seen: ['c'] },
      ]).map((d) => d.kind),
    ).toEqual(['anchor.remove', 'link.remove']);
  });

  it('says what was restored', () => {
    const when = '1 Jan 2025, 12:00 UTC';
    expect(restoreLabel('map', when)).toBe(`Restored the whole map as it was on ${when}.`);
    expect(restoreLabel('claim', when, { text: 'Sanctions work' })).toBe(
      `Restored “Sanctions work” as it was on ${when}.`,
    );
    expect(restoreLabel('subtree', when, { text: 'Sanctions work' })).toBe(
      `Restored “Sanctions work” and its replies as they were on ${when}.`,
    );
  });
});

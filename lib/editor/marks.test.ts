import { describe, expect, it } from 'vitest';
import type { MarkView } from '@/lib/domain/marks';
import { testSession } from '@/tests/support/editor-session';
import { MarkStore } from './marks';

const mark = (id: string, claimId: string, over: Partial<MarkView> = {}): MarkView => ({
  id,
  claimId,
  kind: 'unclear',
  explanation: '',
  byName: 'Teacher',
  createdAt: `2026-01-01T00:00:0${id.length}Z`,
  canResolve: true,
  forMe: false,
  ...over,
});

describe('the marks of one tab', () => {
  it('lists a claim’s marks and keeps an unchanged claim’s list as it was', () => {
    const store = new MarkStore([mark('m1', 'A'), mark('m2', 'B')], async () => null);
    const a = store.of('A');
    expect(a.map((m) => m.id)).toEqual(['m1']);
    store.set([mark('m1', 'A'), mark('m2', 'B', { explanation: 'Why?' })]);
    expect(store.of('A')).toBe(a);
    expect(store.of('B')[0]!.explanation).toBe('Why?');
    expect(store.of('C')).toEqual([]);
  });

  it('loads once at a time, and once more for what was asked meanwhile', async () => {
    let loads = 0;
    let release = () => {};
    const store = new MarkStore([], () => {
      loads++;
      return new Promise((r) => (release = () => r([mark(`m${loads}`, 'A')])));
    });
    const first = store.refresh();
    void store.refresh();
    void store.refresh();
    release();
    await new Promise((r) => setTimeout(r, 0));
    release();
    await first;
    expect(loads).toBe(2);
    expect(store.of('A').map((m) => m.id)).toEqual(['m2']);
  });

  it('keeps what it shows when a load fails', async () => {
    const store = new MarkStore([mark('m1', 'A')], async () => {
      throw new Error('offline');
    });
    await store.refresh();
    expect(store.of('A')).toHaveLength(1);
  });
});

describe('the mark command', () => {
  it('opens the mark dialog on the claim for the owner (R)', () => {
    const { session } = testSession();
    session.select('A1');
    expect(session.run('mark')).toBe(true);
    expect(session.screen.dialog).toEqual({ kind: 'mark', claimId: 'A1' });
  });

  it('is not offered on one’s own claim (Ada wrote B, Ben wrote A1)', () => {
    const { session } = testSession({ role: 'editor' });
    expect(session.isEnabled('mark', { claimId: 'B' })).toBe(false);
    session.select('B');
    expect(session.run('mark')).toBe(false);
    expect(session.screen.dialog).toBeNull();
    expect(session.isEnabled('mark', { claimId: 'A1' })).toBe(true);
  });

  it('is not offered to a commenter, nor where marks are not shown', () => {
    expect(
      testSession({ role: 'commenter', marks: null }).session.isEnabled('mark', { claimId: 'B' }),
    ).toBe(false);
    expect(
      testSession({ role: 'owner', marks: null }).session.isEnabled('mark', { claimId: 'A1' }),
    ).toBe(false);
    expect(testSession({ role: 'editor' }).session.isEnabled('mark', { claimId: 'A1' })).toBe(true);
  });
});

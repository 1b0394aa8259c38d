import { describe, expect, it } from 'vitest';
import { addInBatches } from './add-in-batches';

const names = Array.from({ length: 12 }, (_, i) => `Student ${i + 1}`);

describe('adding students a few at a time', () => {
  it('sends every name once, in batches, and reports how far it got', async () => {
    const sent: string[][] = [];
    const progress: string[] = [];
    const outcome = await addInBatches(
      names,
      async (batch) => {
        sent.push(batch);
        return { ok: true, data: batch.map((name) => ({ name })) };
      },
      (p) => progress.push(`${p.done}+${p.sending}/${p.total}`),
    );
    expect(sent.map((b) => b.length)).toEqual([5, 5, 2]);
    expect(sent.flat()).toEqual(names);
    expect(progress).toEqual(['0+5/12', '5+5/12', '10+2/12', '12+0/12']);
    expect(outcome).toEqual({ added: names.map((name) => ({ name })), notAdded: [], error: null });
  });

  it('keeps what was added when a batch fails, and says which names were not', async () => {
    let calls = 0;
    const outcome = await addInBatches(
      names,
      async (batch) => {
        calls++;
        if (calls === 2) return { ok: false, message: 'A class holds at most 500 students.' };
        return { ok: true, data: batch };
      },
      () => {},
    );
    expect(calls).toBe(2);
    expect(outcome.added).toEqual(names.slice(0, 5));
    expect(outcome.notAdded).toEqual(names.slice(5));
    expect(outcome.error).toBe('A class holds at most 500 students.');
  });

  it('treats a lost connection as a failed batch', async () => {
    const outcome = await addInBatches(
      names.slice(0, 7),
      async (batch) => {
        if (batch[0] === 'Student 6') throw new TypeError('Failed to fetch');
        return { ok: true, data: batch };
      },
      () => {},
    );
    expect(outcome.added).toHaveLength(5);
    expect(outcome.notAdded).toEqual(['Student 6', 'Student 7']);
    expect(outcome.error).toMatch(/could not be reached/);
  });
});

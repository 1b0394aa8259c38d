import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { quoteDiff } from './quote-diff';

describe('quoteDiff (Did you mean …)', () => {
  it('takes a straight apostrophe, a hyphen or plain quotes for the article’s own, shown as printed', () => {
    const exact = 'the North’s supplies — “energy” of it';
    const parts = quoteDiff('the North\'s supplies - "energy" of it', exact);
    expect(parts).toEqual([{ kind: 'same', text: exact }]);
  });

  it('marks the article’s words not typed and the typed words not in it', () => {
    const parts = quoteDiff(
      'The sanctions badly limit the North’s supplies',
      'The sanctions seriously restrict the North’s supplies',
    );
    expect(parts.filter((p) => p.kind === 'removed').map((p) => p.text.trim())).toEqual([
      'badly limit',
    ]);
    expect(parts.filter((p) => p.kind === 'added').map((p) => p.text.trim())).toEqual([
      'seriously restrict',
    ]);
  });

  it('always spells out the article’s text, character for character', () => {
    const word = fc.stringMatching(/^[A-Za-z’'“”"—–-]{1,8}$/);
    const text = fc.array(word, { minLength: 1, maxLength: 12 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(text, text, (typed, exact) => {
        const parts = quoteDiff(typed, exact);
        const shown = parts.filter((p) => p.kind !== 'removed').map((p) => p.text);
        expect(shown.join('')).toBe(exact);
      }),
    );
  });
});

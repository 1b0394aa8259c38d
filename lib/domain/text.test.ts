import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clip, clipStart, isWellFormed, truncate } from './text';

describe('text helpers', () => {
  it('finds lone surrogates, and only those', () => {
    expect(isWellFormed('plain, “quoted”, 🇰🇷 and 👩‍👩‍👧')).toBe(true);
    expect(isWellFormed('broken \uD800 here')).toBe(false);
    // NUL: PostgreSQL refuses it in text, so it is refused everywhere.
    expect(isWellFormed('nul \u0000 here')).toBe(false);
    expect(isWellFormed('ends high \uD83D')).toBe(false);
    expect(isWellFormed('\uDE00 starts low')).toBe(false);
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => isWellFormed(s)));
  });

  it('cuts between whole characters: a title of 111 letters and an emoji stays well-formed', () => {
    const title = `${'x'.repeat(111)} 👩‍👩‍👧 🇰🇷`;
    const copy = truncate(`Copy of ${title}`, 120);
    expect(copy.length).toBeLessThanOrEqual(120);
    expect(isWellFormed(copy)).toBe(true);
    expect(copy.endsWith('…')).toBe(true);
    expect(truncate('short', 120)).toBe('short');
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 300 }),
        fc.integer({ min: 2, max: 200 }),
        (s, n) => {
          const cut = truncate(s, n);
          return cut.length <= Math.max(n, 0) && isWellFormed(cut);
        },
      ),
    );
  });
});

describe('clip', () => {
  it('keeps whole characters at either end, never more than asked', () => {
    const title = `${'x'.repeat(119)}👩‍👩‍👧`;
    expect(clip(title, 120)).toBe('x'.repeat(119));
    expect(clipStart(`👩‍👩‍👧${'y'.repeat(199)}`, 200)).toBe('y'.repeat(199));
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 300 }),
        fc.integer({ min: 0, max: 200 }),
        (s, n) => {
          const start = clip(s, n);
          const end = clipStart(s, n);
          return (
            start.length <= n &&
            end.length <= n &&
            s.startsWith(start) &&
            s.endsWith(end) &&
            isWellFormed(start) &&
            isWellFormed(end)
          );
        },
      ),
    );
  });
});

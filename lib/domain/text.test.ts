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

describe('truncate', () => {
  // Each of these is one character on screen but several UTF-16 code units.
  const family = '👩‍👩‍👧'; // 8 units: three people joined by zero-width joiners
  const flag = '🇰🇷'; // 4 units: two regional indicators
  const thumbs = '👍🏽'; // 4 units: a thumb and a skin tone
  const accented = 'e\u0301'; // 2 units: "é" as an e and a combining acute accent
  const hangul = '\u1112\u1161\u11ab'; // 3 units: "한" as three conjoining jamo

  it('keeps text that fits as it is', () => {
    expect(truncate('', 5)).toBe('');
    expect(truncate('exactly 10', 10)).toBe('exactly 10');
    expect(truncate(family, 8)).toBe(family);
  });

  it('never cuts through a character made of several code points', () => {
    for (const ch of [family, flag, thumbs, accented, hangul]) {
      const text = `ab${ch}${ch}cd`;
      for (let max = 2; max <= text.length; max++) {
        const cut = truncate(text, max);
        expect(cut.length).toBeLessThanOrEqual(max);
        const kept = cut.endsWith('…') ? cut.slice(0, -1) : cut;
        // What is kept is whole characters from the start, never a piece of one.
        expect(text.startsWith(kept)).toBe(true);
        expect(['a', 'ab', `ab${ch}`, `ab${ch}${ch}`, `ab${ch}${ch}c`, text]).toContain(kept);
      }
    }
  });

  it('drops a combining mark with its letter, not from it', () => {
    expect(truncate(`caf${accented} au lait`, 5)).toBe('caf…');
    expect(truncate(`caf${accented} au lait`, 6)).toBe(`caf${accented}…`);
  });

  it('ends in "…" only when it cut, and trims the space before it', () => {
    expect(truncate('two words', 5)).toBe('two…');
    expect(truncate(`${flag}${flag}${flag}`, 9)).toBe(`${flag}${flag}…`);
    expect(truncate(`${family} and more`, 8)).toBe('…');
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

  it('keeps the longest start and end, the same as walking the text character by character', () => {
    const segments = (s: string) =>
      [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(s)].map((x) => x.segment);
    const walkStart = (s: string, n: number) => {
      let out = '';
      for (const g of segments(s)) {
        if (out.length + g.length > n) break;
        out += g;
      }
      return out;
    };
    const walkEnd = (s: string, n: number) => {
      let out = '';
      for (const g of segments(s).reverse()) {
        if (out.length + g.length > n) break;
        out = g + out;
      }
      return out;
    };
    // ASCII (where the cut is quick) mixed with what is not: CR LF, combining marks, flags,
    // families, Hangul jamo, skin tones, a lone joiner.
    const piece = fc.constantFrom(
      ...['a', ' ', '.', '\r', '\n', '\r\n', 'é', 'e\u0301', '\u0301', '👍', '👍🏽', '👩‍👩‍👧', '🇰🇷'],
      ...['🇰', '\u200d', '한', '\u1112', '\u1161', '\u11ab', 'x\u0308'],
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.nat(80), (pieces, n) => {
        const s = pieces.join('');
        return clip(s, n) === walkStart(s, n) && clipStart(s, n) === walkEnd(s, n);
      }),
      { numRuns: 2000 },
    );
  });
});

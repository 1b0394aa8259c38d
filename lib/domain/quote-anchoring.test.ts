import { describe, expect, it } from 'vitest';
import { locateQuote, normalize, selectorAt } from './quote-anchoring';

const blocks = [
  'Only weeks before the games, an exchange of olive branches began.',
  'The term “track II diplomacy” was coined in 1981 by Joseph V. Montville – a former officer.',
  'sport is sport. But sport can create favorable conditions, and sport is sport again.',
];

const noContext = (exact: string) => ({ exact, prefix: '', suffix: '' });

describe('locateQuote', () => {
  it('finds an exact quote with its block and offsets', () => {
    const loc = locateQuote(blocks, noContext('an exchange of olive branches'));
    expect(loc).toEqual({ block: 0, start: 29, end: 58 });
    expect(blocks[0]!.slice(loc!.start, loc!.end)).toBe('an exchange of olive branches');
  });

  it('finds the passage after whitespace changes (line breaks, double spaces)', () => {
    const loc = locateQuote(blocks, noContext('  exchange   of\nolive\tbranches '));
    expect(loc && blocks[0]!.slice(loc.start, loc.end)).toBe('exchange of olive branches');
  });

  it('finds the passage when the article itself has odd whitespace', () => {
    const loc = locateQuote(
      ['a  remarkable\n diplomatic   moment'],
      noContext('remarkable diplomatic moment'),
    );
    expect(loc).toEqual({ block: 0, start: 3, end: 34 });
  });

  it('matches straight quotes and hyphens against curly quotes and dashes', () => {
    const loc = locateQuote(
      blocks,
      noContext('"track II diplomacy" was coined in 1981 by Joseph V. Montville - a former'),
    );
    expect(loc?.block).toBe(1);
    expect(blocks[1]!.slice(loc!.start, loc!.end)).toBe(
      '“track II diplomacy” was coined in 1981 by Joseph V. Montville – a former',
    );
  });

  it('uses prefix and suffix to choose between repeated passages', () => {
    const text = blocks[2]!;
    const first = locateQuote(blocks, { exact: 'sport is sport', prefix: '', suffix: '. But' });
    const second = locateQuote(blocks, {
      exact: 'sport is sport',
      prefix: 'conditions, and ',
      suffix: ' again',
    });
    expect(first).toEqual({ block: 2, start: 0, end: 14 });
    expect(second).toEqual({
      block: 2,
      start: text.lastIndexOf('sport is sport'),
      end: text.lastIndexOf('sport is sport') + 14,
    });
  });

  it('prefers the hinted paragraph when the context does not decide', () => {
    const twice = ['the same words', 'the same words'];
    expect(locateQuote(twice, noContext('same words'), 1)?.block).toBe(1);
    expect(locateQuote(twice, noContext('same words'))?.block).toBe(0);
  });

  it('refuses a quote that is not in the article', () => {
    expect(locateQuote(blocks, noContext('the talks collapsed'))).toBeNull();
    expect(locateQuote(blocks, noContext('   '))).toBeNull();
  });

  it('refuses a quote that runs across two paragraphs', () => {
    expect(locateQuote(blocks, noContext('branches began. The term'))).toBeNull();
  });
});

describe('selectorAt', () => {
  it('builds the canonical selector with context from the article text', () => {
    const loc = locateQuote(blocks, noContext('olive branches'))!;
    expect(selectorAt(blocks, loc, 12)).toEqual({
      exact: 'olive branches',
      prefix: 'exchange of ',
      suffix: ' began.',
    });
  });

  it('round-trips: a stored selector finds the same place again', () => {
    const loc = locateQuote(blocks, { exact: 'sport is sport', prefix: 'and ', suffix: ' again' })!;
    expect(locateQuote(blocks, selectorAt(blocks, loc))).toEqual(loc);
  });
});

describe('normalize', () => {
  it('maps every normalized character back to the original text', () => {
    const { text, origin } = normalize(' a\u2026  b ');
    expect(text).toBe('a... b');
    expect(origin).toEqual([1, 2, 2, 2, 3, 5]);
  });

  it('keeps stored context to whole characters, never half an emoji', () => {
    const blocks = [`${'😀'.repeat(40)}Kim invited Moon${'🇰🇷'.repeat(20)}`];
    const location = locateQuote(blocks, { exact: 'Kim invited Moon', prefix: '', suffix: '' })!;
    const selector = selectorAt(blocks, location);
    expect(selector.prefix).toBe('😀'.repeat(16));
    expect(selector.suffix).toBe('🇰🇷'.repeat(8));
  });
});

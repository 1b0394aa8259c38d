import { describe, expect, it } from 'vitest';
import { locateQuote, selectorAt } from './quote-anchoring';
import { countImpact, impactSentences, isAnchored, reanchor, type AnchorPlace } from './reanchor';

const OLD = [
  'Sanctions have pushed the North to the table before, and they can again.',
  'Talks without pressure have never produced a lasting deal on the peninsula.',
];
const blocks = (texts: string[]) => texts.map((text) => ({ type: 'paragraph', text }));

/** A quote as the server stores it: found in the old text. */
function quote(exact: string, texts = OLD): AnchorPlace {
  const at = locateQuote(texts, { exact, prefix: '', suffix: '' })!;
  return { ...selectorAt(texts, at), ...at };
}

describe('re-anchoring quotes after an article is edited', () => {
  it('keeps a quote whose text and place did not change', () => {
    const q = quote('a lasting deal');
    const next = [OLD[0]!, OLD[1]!.replace('Talks', 'Talks')];
    expect(reanchor(q, blocks(OLD), next)).toEqual({ outcome: 'kept', place: q });
  });

  it('moves a quote to its new place: a paragraph added above, words added before it', () => {
    const q = quote('a lasting deal');
    const next = ['A new first paragraph.', OLD[0]!, `In short: ${OLD[1]}`];
    const { outcome, place } = reanchor(q, blocks(OLD), next);
    expect(outcome).toBe('moved');
    expect(place).toMatchObject({
      block: 2,
      exact: 'a lasting deal',
      suffix: ' on the peninsula.',
    });
    expect(next[place.block]!.slice(place.start, place.end)).toBe('a lasting deal');
    expect(isAnchored(place, blocks(next))).toBe(true);
    // The old place no longer holds it in the new text.
    expect(isAnchored(q, blocks(next))).toBe(false);
  });

  it('finds it again where only quote marks or dashes differ, taking the article’s own words', () => {
    const before = ["Seoul's plan can't work - not now."];
    const q = quote("Seoul's plan can't work - not now", before);
    const after = ['Seoul’s plan can’t work – not now.'];
    const { outcome, place } = reanchor(q, blocks(before), after);
    expect(outcome).toBe('moved');
    expect(place.exact).toBe('Seoul’s plan can’t work – not now');
  });

  it('flags a quote no longer in the text, keeping its words, and finds it again if they come back', () => {
    const q = quote('never produced a lasting deal');
    const next = [OLD[0]!, 'Talks without pressure have rarely worked.'];
    const lost = reanchor(q, blocks(OLD), next);
    expect(lost.outcome).toBe('lost');
    expect(lost.place).toMatchObject({ exact: q.exact, prefix: q.prefix, suffix: q.suffix });
    expect(lost.place.start).toBe(lost.place.end);
    expect(isAnchored(lost.place, blocks(next))).toBe(false);

    // Edited again, still not there: it was already lost.
    const again = reanchor(lost.place, blocks(next), [...next, 'More.']);
    expect(again.outcome).toBe('still-lost');
    // The words come back: found again.
    const back = reanchor(lost.place, blocks(next), OLD);
    expect(back).toEqual({ outcome: 'moved', place: q });
  });

  it('keeps a lost quote’s block within an article that became shorter', () => {
    const q = quote('a lasting deal');
    const { place } = reanchor(q, blocks(OLD), ['Only one paragraph now.']);
    expect(place).toMatchObject({ block: 0, start: 0, end: 0 });
  });
});

describe('the impact of an edit, for the teacher', () => {
  const impact = countImpact([
    { mapId: 'm1', exact: 'a', outcome: 'moved' },
    { mapId: 'm1', exact: 'b', outcome: 'moved' },
    { mapId: 'm2', exact: 'b', outcome: 'moved' },
    { mapId: 'm1', exact: 'c', outcome: 'lost' },
    { mapId: 'm3', exact: 'c', outcome: 'lost' },
    { mapId: 'm2', exact: 'd', outcome: 'kept' },
  ]);

  it('counts quotes and the maps they are in, by outcome', () => {
    expect(impact).toMatchObject({
      moved: { quotes: 3, maps: 2 },
      lost: { quotes: 2, maps: 2 },
      kept: { quotes: 1, maps: 1 },
      stillLost: { quotes: 0, maps: 0 },
      lostExamples: [{ exact: 'c', maps: 2 }],
    });
  });

  it('says it before and after saving', () => {
    expect(impactSentences(impact, 'before')).toEqual([
      '3 quotes in 2 maps will move with their text to their new place.',
      '2 quotes in 2 maps will no longer be in the article: they will stay in their maps, flagged “This quote is no longer in the article”.',
    ]);
    expect(impactSentences(impact, 'after')[0]).toBe(
      '3 quotes in 2 maps moved with their text to their new place.',
    );
    const one = countImpact([
      { mapId: 'm', exact: 'a', outcome: 'moved' },
      { mapId: 'm', exact: 'b', outcome: 'lost' },
      { mapId: 'm', exact: 'c', outcome: 'still-lost' },
    ]);
    expect(impactSentences(one, 'after')).toEqual([
      '1 quote in 1 map moved with its text to its new place.',
      '1 quote in 1 map is no longer in the article: it stays in its map, flagged “This quote is no longer in the article”.',
      '1 quote in 1 map was already not in the article, and still is not.',
    ]);
    expect(
      impactSentences(countImpact([{ mapId: 'm', exact: 'a', outcome: 'kept' }]), 'before'),
    ).toEqual(['Every quote (1 quote in 1 map) stays where it is.']);
    expect(impactSentences(countImpact([]), 'after')).toEqual([
      'No map quotes these articles yet.',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { seededDebate } from '@/tests/support/maps/fixtures';
import { fold, matchQuote, type Article } from './quote-matching';

const debate = seededDebate();
const articles: Article[] = debate.theses.map((t) => ({
  sourceId: t.source.id,
  blocks: t.source.blocks.map((b) => b.text),
}));
const [conversation, globe] = articles as [Article, Article];

/** The article's own words for what was typed, or null when it was not found. */
const found = (typed: string, preferred = conversation.sourceId) => {
  const m = matchQuote(articles, typed, preferred);
  return m.kind === 'found' ? { source: m.sourceId, exact: m.exact, errors: m.errors } : null;
};

describe('forgiving quotes', () => {
  it('folds case, punctuation, quote marks, dashes and spaces, and U.S. to US', () => {
    expect(fold('“U.S.” – strategy,  now').text).toBe('us strategy now');
    expect(fold('US -- Strategy now').text).toBe('us strategy now');
  });

  it('finds each case that used to be refused, storing the article’s own words', () => {
    // "US" for "U.S.", and the reverse.
    expect(
      found(
        'Korean Olympic collaboration threatens to upend US strategy towards North Korea',
        globe.sourceId,
      ),
    ).toEqual({
      source: globe.sourceId,
      exact: 'Korean Olympic collaboration threatens to upend U.S. strategy towards North Korea',
      errors: 0,
    });
    expect(found('a former foreign service officer in the U.S. State Department')?.exact).toBe(
      'a former foreign service officer in the US State Department',
    );
    // A lower-case first letter, and quote marks around the passage.
    expect(found('the two Koreas, however, have to start somewhere')?.exact).toBe(
      'The two Koreas, however, have to start somewhere',
    );
    expect(found('"The two Koreas, however, have to start somewhere."')?.exact).toBe(
      'The two Koreas, however, have to start somewhere',
    );
    // One missing comma; "--" for a dash.
    expect(found('The two Koreas however have to start somewhere')?.exact).toBe(
      'The two Koreas, however, have to start somewhere',
    );
    expect(
      found('these might sound like small steps -- but until recently, even they seemed impossible')
        ?.exact,
    ).toBe('these might sound like small steps – but until recently, even they seemed impossible');
  });

  it('joins the pieces around "..." within one paragraph, keeping the words left out', () => {
    expect(found('Set against the challenge ... these might sound like small steps')?.exact).toBe(
      'Set against the challenge of clearing the peninsula of nuclear weapons, these might sound like small steps',
    );
    expect(found('Set against the challenge… small steps')?.exact).toMatch(
      /^Set against .* small steps$/,
    );
    // Pieces out of order, or from two paragraphs, are not one passage.
    expect(found('small steps ... Set against the challenge')).toBeNull();
  });

  it('looks in the other article when the passage is not in the one chosen', () => {
    expect(
      found('threatens to upend U.S. strategy towards North Korea', conversation.sourceId),
    ).toMatchObject({
      source: globe.sourceId,
    });
  });

  it('allows a few typing slips in a long passage, none in a short one', () => {
    expect(
      found(
        'The sanctions seriously restrict the Norths energy suplies, such as gasoline and diesel',
      ),
    ).toMatchObject({
      exact:
        "The sanctions seriously restrict the North's energy supplies, such as gasoline and diesel",
      errors: 1,
    });
    expect(found('Moon and Kom')).toBeNull();
  });

  it('offers the nearest passage when nothing is close enough, and nothing for unrelated text', () => {
    const m = matchQuote(
      articles,
      'The sanctions badly limit the North’s supplies of energy like gasoline',
      conversation.sourceId,
    );
    expect(m.kind).toBe('none');
    // The sentence from the first typed word to the last: not the rest of it, never typed.
    expect(m.kind === 'none' && m.suggestion?.exact).toBe(
      "The sanctions seriously restrict the North's energy supplies, such as gasoline",
    );
    const unrelated = matchQuote(
      articles,
      'Photosynthesis converts light into chemical energy',
      conversation.sourceId,
    );
    expect(unrelated).toEqual({ kind: 'none', suggestion: null });
  });
});

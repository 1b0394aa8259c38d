import { describe, expect, it } from 'vitest';
import {
  ARTICLE_MAX_CHARS,
  ARTICLE_MAX_PARAGRAPHS,
  articleTextOf,
  defaultRemoved,
  furnitureReason,
  keptBlocks,
  readArticleText,
  splitParagraphs,
} from './article-text';

const texts = (raw: string) => splitParagraphs(raw).map((p) => p.text);
const flagged = (text: string, meta = {}) => furnitureReason({ type: 'paragraph', text }, meta);

describe('splitParagraphs', () => {
  it('separates paragraphs at blank lines and joins the lines within one', () => {
    expect(texts('First line\nstill the first.\n\n\nSecond one.\n  \nThird.')).toEqual([
      'First line still the first.',
      'Second one.',
      'Third.',
    ]);
  });

  it('reads one paragraph per line when the text has no blank line', () => {
    expect(texts('One.\nTwo.\nThree.')).toEqual(['One.', 'Two.', 'Three.']);
  });

  it('handles Windows and old Mac line endings alike', () => {
    expect(texts('One.\r\nstill one.\r\n\r\nTwo.')).toEqual(['One. still one.', 'Two.']);
    expect(texts('One.\rTwo.')).toEqual(['One.', 'Two.']);
  });

  it('normalises spaces and drops invisible characters', () => {
    expect(texts('  A\u00A0non-breaking\tspace,   a zero\u200Bwidth\uFEFF one\u00AD.  ')).toEqual([
      'A non-breaking space, a zerowidth one.',
    ]);
    // A line of non-breaking spaces is a blank line.
    expect(texts('One.\n\u00A0\u00A0\nTwo.')).toEqual(['One.', 'Two.']);
  });

  it('keeps Markdown headings and quotes as such, and list items one per paragraph', () => {
    expect(splitParagraphs('## Strategic optimism\n\n> Quoted\n> words.\n\n- one\n- two')).toEqual([
      { type: 'heading', text: 'Strategic optimism' },
      { type: 'quote', text: 'Quoted words.' },
      { type: 'paragraph', text: 'one' },
      { type: 'paragraph', text: 'two' },
    ]);
    expect(texts('Read [the report](https://example.org/a) and **this**.')).toEqual([
      'Read the report and this.',
    ]);
  });
});

describe('furnitureReason', () => {
  it.each([
    ['Share', 'share buttons'],
    ['Twitter Facebook LinkedIn Email', 'share buttons'],
    ['Like this: Like Loading...', 'a “Like” button'],
    ['Like this:', 'share buttons'],
    ['Loading…', 'a “Like” button'],
    ['Advertisement', 'an advertisement'],
    ['Story continues below advertisement', 'an advertisement'],
    ['Read more: Why the talks failed', 'a link to other articles'],
    ['Sign up for our weekly newsletter', 'a newsletter or sign-up prompt'],
    ['Subscribe now to keep reading.', 'a newsletter or sign-up prompt'],
    ['Photo: Jane Doe/Reuters', 'a photo caption'],
    ['Image: a crowd in Seoul.', 'a photo caption'],
    ['Kim Jong-un oversees a floundering economy. EPA/KCNA', 'a photo caption'],
    ['© 2018 The Globe Post. All rights reserved.', 'a copyright notice'],
    ['Copyright 2020 Example Media', 'a copyright notice'],
    ['We use cookies to improve your experience on our site.', 'a cookie notice'],
    ['Comments are closed, but trackbacks are open.', 'part of the comments section'],
    ['https://example.org/article', 'a web address'],
    ['Republish this article', 'a publisher’s notice'],
    ['By Jane Doe and John Smith', 'a byline'],
    ['February 23, 2018 4.25pm GMT', 'a short line without punctuation (a heading?)'],
    ['—', 'symbols only'],
  ])('%s: %s', (text, reason) => {
    expect(flagged(text)).toBe(reason);
  });

  it('recognises the title, byline and publisher given in the form', () => {
    const meta = {
      title: 'North Korea’s Charm Offensive',
      authors: 'Marco Milani',
      publisher: 'The Globe Post',
    };
    expect(flagged("North Korea's charm offensive", meta)).toBe('the title again');
    expect(flagged('By Marco Milani, Seoul', meta)).toBe('the byline');
    expect(flagged('The Globe Post', meta)).toBe('the publisher’s name');
  });

  it('leaves the article’s own sentences alone, short ones and news prose included', () => {
    for (const text of [
      'The two Koreas, however, have to start somewhere.',
      'As Montville wrote:',
      'Will it last?',
      'The ministry declined to comment, according to a report by Reuters.',
      'Voters must register by Friday to take part in the referendum on the treaty.',
    ])
      expect(flagged(text)).toBeNull();
  });
});

describe('readArticleText', () => {
  it('returns the paragraphs with furniture flagged, unticked by default, kept lines as headings', () => {
    const raw = [
      'Share',
      'The first real paragraph of the article.',
      'Strategic optimism',
      'Photo: Someone/AFP',
      'The second real paragraph.',
    ].join('\n\n');
    const result = readArticleText(raw);
    if (!result.ok) throw new Error(result.message);
    expect(result.paragraphs.map((p) => [p.type, p.furniture !== null])).toEqual([
      ['paragraph', true],
      ['paragraph', false],
      ['heading', true],
      ['paragraph', true],
      ['paragraph', false],
    ]);
    const removed = defaultRemoved(result.paragraphs);
    expect(removed).toEqual([0, 2, 3]);
    // The teacher ticks the subheading back in.
    expect(keptBlocks(result.paragraphs, [0, 3])).toEqual([
      { type: 'paragraph', text: 'The first real paragraph of the article.' },
      { type: 'heading', text: 'Strategic optimism' },
      { type: 'paragraph', text: 'The second real paragraph.' },
    ]);
  });

  it('refuses empty text and text over the limits, saying what the limit is', () => {
    expect(readArticleText(' \n\u200B\n ')).toEqual({
      ok: false,
      message: 'Paste the text of the article.',
    });
    const long = readArticleText('a'.repeat(ARTICLE_MAX_CHARS + 1));
    expect(long.ok).toBe(false);
    expect(!long.ok && long.message).toMatch(/100,001 characters, and at most 100,000 fit/);
    // A Windows line ending counts as one character.
    expect(readArticleText('Word.\r\n'.repeat(ARTICLE_MAX_PARAGRAPHS)).ok).toBe(true);
    const many = readArticleText('Word.\n'.repeat(ARTICLE_MAX_PARAGRAPHS + 1));
    expect(!many.ok && many.message).toMatch(/501 paragraphs, and at most 500/);
  });
});

describe('articleTextOf', () => {
  it('gives a stored article back as text that reads as the same blocks', () => {
    const blocks = [
      { type: 'heading' as const, text: 'A new beginning' },
      { type: 'paragraph' as const, text: 'Seoul’s “dual-track” approach will fail.' },
      { type: 'quote' as const, text: 'We will talk, said the minister.' },
      { type: 'paragraph' as const, text: 'Sanctions have pushed the North to the table before.' },
    ];
    const text = articleTextOf(blocks);
    expect(text).toBe(
      '## A new beginning\n\nSeoul’s “dual-track” approach will fail.\n\n> We will talk, said the minister.\n\nSanctions have pushed the North to the table before.',
    );
    const read = readArticleText(text);
    expect(read.ok && keptBlocks(read.paragraphs, [])).toEqual(blocks);
  });
});

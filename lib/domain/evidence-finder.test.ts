import { describe, expect, it } from 'vitest';
import { EvidenceIndex, stem } from './evidence-finder';
import { seededDebate } from '@/tests/support/maps/fixtures';

const articles = seededDebate().theses.map((t) => ({
  sourceId: t.source.id,
  blocks: t.source.blocks.map((b) => b.text),
}));
const index = new EvidenceIndex(articles);

/**
 * Claims as a student writes them from a passage (their words, not the article's), with the
 * start of the sentence they came from.
 */
const WRITTEN_FROM: [claim: string, passage: string][] = [
  ['Tough sanctions are hurting the North Korean economy', 'North Korea is currently struggling'],
  ['Track II lets Kim save face and not look weak', 'By turning to track II'],
  ['Most South Koreans support talks between Moon and Kim', 'A poll conducted on February 15'],
  ['Kim inviting Moon to visit could open real negotiations', 'Having officially invited'],
  ['Track II is no substitute for official negotiations', 'To be sure, this sort of engagement'],
  ['Informal contact breaks the psychological barriers to talks', 'But it has the capability'],
  ['Moon is much warmer toward the North than his predecessors', 'The southern president'],
  ['The unified hockey team shows the North wants better relations', 'The performance by the'],
  ['They could reopen the Kaesong industrial complex', 'They might discuss re-opening'],
  ['Small steps matter even while denuclearization is far away', 'Set against the challenge'],
  ['Dialogue with sanctions will fail to reduce the nuclear threat', 'But in the long term'],
  ['The Olympic dialogue will not bring denuclearization', 'We should not expect'],
  ['The Olympic thaw threatens America’s strategy on North Korea', 'Korean Olympic collaboration'],
  ['The North wants to drive a wedge between the US and the South', 'The fear is North Korea'],
  ['Moon faces a backlash from conservatives and young people', 'But Moon is facing falling'],
  ['Moon wants dialogue and sanctions at the same time', 'South Korea’s recently inaugurated'],
  ['Sport alone cannot settle the nuclear and missile issue', 'Sport can create favorable'],
  ['Seoul must put aside denuclearization for cooperation to grow', 'But only if Seoul'],
  ['Kim’s New Year speech put Pyongyang in the driver’s seat', 'Kim’s New Year address'],
  ['Politicizing sport ends in disappointment', 'But there are always limits'],
  // Harder: few of the article's own words.
  ['The North’s fuel imports are cut off', 'The sanctions seriously restrict'],
  ['Athletes from both Koreas walked in together under one flag', 'The Koreas fielded'],
  ['A summit could cover more than nukes', 'If Moon and Kim do sit down'],
  ['The US vice president’s meeting with the North fell through', '(US vice-president'],
  ['Neutral, low-key sports events can bring rivals together', 'The neutrality and low'],
];

describe('evidence finder', () => {
  it('stems the forms of a word alike', () => {
    expect(new Set(['sanctions', 'sanctioned', 'sanctioning', 'sanction'].map(stem)).size).toBe(1);
  });

  it('puts the passage a claim was written from in the top three for most claims', () => {
    const misses: string[] = [];
    let first = 0;
    for (const [claim, passage] of WRITTEN_FROM) {
      const top = index.find(claim, 3).map((p) => p.text);
      if (top[0]?.startsWith(passage)) first++;
      if (!top.some((t) => t.startsWith(passage))) misses.push(`${claim} -> ${top[0]}`);
    }
    const rate = (WRITTEN_FROM.length - misses.length) / WRITTEN_FROM.length;
    // The README quotes these numbers.
    console.log(
      `evidence finder: ${WRITTEN_FROM.length - misses.length} of ${WRITTEN_FROM.length} ` +
        `in the top 3, ${first} first` +
        misses.map((m) => `\n  missed: ${m}`).join(''),
    );
    expect(rate).toBeGreaterThanOrEqual(0.8);
  });

  it('finds passages in both articles with where they are, and nothing for no words', () => {
    const found = index.find('sanctions', 10);
    expect(new Set(found.map((p) => p.sourceId))).toEqual(new Set(['source-1', 'source-2']));
    for (const p of found) {
      const block = articles.find((a) => a.sourceId === p.sourceId)!.blocks[p.location.block]!;
      expect(block.slice(p.location.start, p.location.end)).toBe(p.text);
    }
    expect(index.find('   ')).toEqual([]);
    expect(index.find('the and of')).toEqual([]);
  });
});

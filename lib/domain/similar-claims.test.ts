import { describe, expect, it } from 'vitest';
import { mostSimilar } from './similar-claims';

const claims = [
  { id: 'a', text: 'Sanctions push Kim Jong-un to the table' },
  { id: 'b', text: 'The public backs talks with the North' },
  { id: 'c', text: 'Sport cannot solve the nuclear question' },
];

describe('the similar-claim warning', () => {
  it('finds a claim that says the same in other forms of the words', () => {
    expect(mostSimilar(claims, 'sanctioned Kim is pushed to the table')?.claim.id).toBe('a');
    expect(mostSimilar(claims, 'Public backing for talks with the North')?.claim.id).toBe('b');
  });

  it('stays quiet for a different point, for a word or two, and for the claim itself', () => {
    expect(mostSimilar(claims, 'The hockey team was unified')).toBeNull();
    expect(mostSimilar(claims, 'Sanctions')).toBeNull();
    expect(mostSimilar(claims, 'Sport cannot solve the nuclear question', 'c')).toBeNull();
  });
});

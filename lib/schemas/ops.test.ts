import { describe, expect, it } from 'vitest';
import { claimText } from './map';
import { hasIllFormedText } from './ids';
import { opSchema } from './ops';

const add = {
  id: '0b7c1f3e-6a0c-4c59-9a53-2d6f3f3c9c10',
  kind: 'claim.add',
  claimId: '7a0d1f5e-4a0c-4c59-9a53-2d6f3f3c9c11',
  thesisId: 't1',
  parentId: null,
  stance: 'pro',
  text: 'A claim',
  order: 'a0',
};
const update = (set: unknown) => ({
  id: '0b7c1f3e-6a0c-4c59-9a53-2d6f3f3c9c12',
  kind: 'claim.update',
  claimId: 'c',
  set,
});

describe('claim input validation', () => {
  it('trims claim text and accepts 1 to 1,000 characters', () => {
    expect(claimText.parse('  spaced  ')).toBe('spaced');
    expect(claimText.safeParse('x'.repeat(1000)).success).toBe(true);
    expect(claimText.safeParse('x'.repeat(1001)).error?.issues[0]?.message).toBe(
      'Keep a claim under 1,000 characters.',
    );
    expect(claimText.safeParse('   ').error?.issues[0]?.message).toBe(
      'Write the claim first: it cannot be empty.',
    );
  });

  it('accepts only known stances, fresh uuids and valid order keys for new claims', () => {
    expect(opSchema.safeParse(add).success).toBe(true);
    expect(opSchema.safeParse({ ...add, stance: 'neutral' }).error?.issues[0]?.message).toBe(
      'Choose pro or con.',
    );
    expect(opSchema.safeParse({ ...add, claimId: 'not-a-uuid' }).success).toBe(false);
    expect(opSchema.safeParse({ ...add, id: 'not-a-uuid' }).success).toBe(false);
    for (const order of ['', 'a', '0a', 'a0 ', 'a/0', 'a'.repeat(201)])
      expect(opSchema.safeParse({ ...add, order }).success, order).toBe(false);
  });

  it('rates strength from 1 to 5, or clears it', () => {
    const edit = (strength: unknown) => opSchema.safeParse(update({ strength }));
    expect(edit(1).success && edit(5).success && edit(null).success).toBe(true);
    for (const bad of [0, 6, 2.5, '3']) expect(edit(bad).success, String(bad)).toBe(false);
  });

  it('refuses an edit with nothing in it', () => {
    expect(opSchema.safeParse(update({})).success).toBe(false);
  });

  it('refuses an operation of an unknown kind', () => {
    expect(opSchema.safeParse({ ...add, kind: 'claim.explode' }).success).toBe(false);
  });
});

describe('hasIllFormedText', () => {
  it('finds a lone surrogate in any string or key, in long and nested input, without overflowing', () => {
    expect(hasIllFormedText({ a: ['fine', { b: 'also 🇰🇷' }] })).toBe(false);
    expect(hasIllFormedText({ a: [{ b: ['x', 'bad \ud800'] }] })).toBe(true);
    expect(hasIllFormedText({ ['key \udc00']: 1 })).toBe(true);
    const long = Array.from({ length: 300_000 }, () => 'ok');
    expect(hasIllFormedText([...long.slice(0, 10), '\ud800'])).toBe(true);
    expect(hasIllFormedText(long)).toBe(false);
  });
});

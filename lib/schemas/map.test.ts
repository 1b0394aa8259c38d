import { describe, expect, it } from 'vitest';
import { addClaimSchema, claimText, updateClaimSchema } from './map';

const base = {
  mapId: 'm1',
  id: '7a0d1f5e-4a0c-4c59-9a53-2d6f3f3c9c11',
  place: { thesisId: 't1', parentId: null },
  stance: 'pro',
  text: 'A claim',
};

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

  it('accepts only known stances and fresh uuids for new claims', () => {
    expect(addClaimSchema.safeParse(base).success).toBe(true);
    expect(addClaimSchema.safeParse({ ...base, stance: 'neutral' }).error?.issues[0]?.message).toBe(
      'Choose pro or con.',
    );
    expect(addClaimSchema.safeParse({ ...base, id: 'not-a-uuid' }).success).toBe(false);
  });

  it('rates strength from 1 to 5, or clears it', () => {
    const edit = (strength: unknown) =>
      updateClaimSchema.safeParse({ mapId: 'm', claimId: 'c', version: 1, edit: { strength } });
    expect(edit(1).success && edit(5).success && edit(null).success).toBe(true);
    for (const bad of [0, 6, 2.5, '3']) expect(edit(bad).success, String(bad)).toBe(false);
  });

  it('refuses an edit with nothing in it', () => {
    expect(
      updateClaimSchema.safeParse({ mapId: 'm', claimId: 'c', version: 1, edit: {} }).success,
    ).toBe(false);
  });
});

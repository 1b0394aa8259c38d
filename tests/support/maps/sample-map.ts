/** A small map for the domain's unit tests (history, undo): built fresh by each call. */
import type { MapState } from '@/lib/domain/apply-op';
import type { ClaimView } from '@/lib/domain/views';

export const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const claim = (
  id: string,
  thesisId: string,
  parentId: string | null,
  order = 'a0',
  extra: Partial<ClaimView> = {},
): ClaimView => ({
  id,
  thesisId,
  parentId,
  stance: 'pro',
  order,
  text: `Claim ${id}`,
  note: '',
  strength: null,
  version: 1,
  ...extra,
});

/** The article text the sample's quote is found in (source s1). */
export const env = {
  blocksOf: (id: string) =>
    id === 's1' ? ['The two Koreas talk. Sanctions bite hard.', 'Trade grows.'] : undefined,
};

/**
 * Thesis t1: A (reply A1, which quotes the article), B; thesis t2: C. A links to C; with
 * `thesisLink`, B also supports thesis t2.
 */
export const sampleMap = ({ thesisLink = false } = {}): MapState => ({
  claims: [
    claim('A', 't1', null, 'a0', { note: 'why', strength: 3 }),
    claim('A1', 't1', 'A', 'a0', { stance: 'con' }),
    claim('B', 't1', null, 'a1'),
    claim('C', 't2', null, 'a0'),
  ],
  anchors: [
    {
      id: uuid(50),
      claimId: 'A1',
      sourceId: 's1',
      exact: 'Sanctions bite',
      prefix: 'The two Koreas talk. ',
      suffix: ' hard.',
      block: 0,
      start: 21,
      end: 35,
    },
  ],
  links: [
    { id: uuid(60), fromClaimId: 'A', toClaimId: 'C', toThesisId: null, stance: 'con' },
    ...(thesisLink
      ? [
          {
            id: uuid(61),
            fromClaimId: 'B',
            toClaimId: null,
            toThesisId: 't2',
            stance: 'pro' as const,
          },
        ]
      : []),
  ],
  comments: [],
  trash: {},
});

'use client';

import { Fragment, memo, useMemo } from 'react';
import { outline } from '@/lib/domain/argument-tree';
import type { CrossLink } from '@/lib/domain/cross-links';
import type { AnchorView, ClaimView, ThesisView } from '@/lib/domain/views';
import { ClaimComposer } from './claim-composer';
import type { LinkEnd } from './claim-links';
import { ClaimRow } from './claim-row';
import type { ComposerTarget } from './editor-context';

const add = <T,>(map: Map<string, T[]>, key: string, item: T) => {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
};

export interface ClaimOutlineProps {
  thesisId: string;
  /** This thesis's claims. */
  claims: ClaimView[];
  /** Every claim of the map (for the far ends of cross-links). */
  allClaims: ClaimView[];
  anchors: AnchorView[];
  links: CrossLink[];
  theses: ThesisView[];
  composer: ComposerTarget | null;
  activeId: string | null;
  editingId: string | null;
  noteId: string | null;
  readOnly: boolean;
}

/**
 * The claims under one thesis, in reading order, with the new-claim form where it was opened.
 * Memoized, so what does not concern the outline (the save status, a dialog) does not re-render it.
 */
export const ClaimOutline = memo(function ClaimOutline({
  thesisId,
  claims,
  allClaims,
  anchors,
  links,
  theses,
  composer,
  activeId,
  editingId,
  noteId,
  readOnly,
}: ClaimOutlineProps) {
  const rows = useMemo(() => outline(claims, thesisId), [claims, thesisId]);
  const claimsById = useMemo(() => new Map(allClaims.map((c) => [c.id, c])), [allClaims]);
  const anchorsByClaim = useMemo(() => {
    const map = new Map<string, AnchorView[]>();
    for (const a of anchors) add(map, a.claimId, a);
    return map;
  }, [anchors]);
  const { linksOut, linksIn } = useMemo(() => {
    const end = (l: CrossLink, other: string | null, otherThesis: string | null): LinkEnd => ({
      id: l.id,
      stance: l.stance,
      otherClaimId: other,
      otherText: other
        ? (claimsById.get(other)?.text ?? '')
        : (theses.find((t) => t.id === otherThesis)?.label ?? ''),
    });
    const linksOut = new Map<string, LinkEnd[]>();
    const linksIn = new Map<string, LinkEnd[]>();
    for (const l of links) {
      add(linksOut, l.fromClaimId, end(l, l.toClaimId, l.toThesisId));
      if (l.toClaimId) add(linksIn, l.toClaimId, end(l, l.fromClaimId, null));
    }
    return { linksOut, linksIn };
  }, [links, claimsById, theses]);
  const activeHere = rows.some((r) => r.claim.id === activeId);
  const composerHere = composer && composer.place.thesisId === thesisId;

  return (
    <div className="mt-3">
      {rows.length === 0 && !composerHere && (
        <p className="rounded-md border border-dashed border-stone-300 p-3 text-sm text-stone-600">
          {readOnly
            ? 'No claims under this thesis yet.'
            : 'No claims yet. Add a pro or con above to start.'}
        </p>
      )}
      <ul className="space-y-2" aria-label="Claims">
        {rows.map((row, i) => (
          <Fragment key={row.claim.id}>
            <ClaimRow
              claim={row.claim}
              depth={row.depth}
              childCount={row.childCount}
              parentStance={
                row.claim.parentId ? (claimsById.get(row.claim.parentId)?.stance ?? null) : null
              }
              anchors={anchorsByClaim.get(row.claim.id) ?? NO_ANCHORS}
              linksOut={linksOut.get(row.claim.id)}
              linksIn={linksIn.get(row.claim.id)}
              tabbable={activeHere ? row.claim.id === activeId : i === 0}
              active={row.claim.id === activeId}
              editing={row.claim.id === editingId}
              noting={row.claim.id === noteId}
            />
            {composerHere && composer.afterClaimId === row.claim.id && (
              <li className="list-none">
                <ClaimComposer key={composer.label} />
              </li>
            )}
          </Fragment>
        ))}
        {composerHere && composer.afterClaimId === null && (
          <li className="list-none">
            <ClaimComposer key={composer.label} />
          </li>
        )}
      </ul>
    </div>
  );
});

const NO_ANCHORS: AnchorView[] = [];

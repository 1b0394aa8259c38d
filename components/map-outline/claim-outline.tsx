'use client';

import { memo, useCallback, useEffect, useMemo } from 'react';
import { outline } from '@/lib/domain/argument-tree';
import { roles } from '@/lib/domain/dialectic';
import type { linkEndsByClaim } from '@/lib/domain/cross-links';
import type { AnchorView, ClaimView } from '@/lib/domain/views';
import type { AuthorsView } from '@/lib/editor/authors';
import type { ComposerTarget } from '@/lib/editor/screen';
import { plural } from '@/lib/format';
import { ClaimComposer, outlineIndent } from '@/components/map/claim-composer';
import { ClaimRow } from './claim-row';
import { COMPOSER_KEY, outlineItems, rowHeightGuess } from './outline-items';
import { useWindowList } from './use-window-list';

/**
 * From this many claims under a thesis, the outline draws only the rows near the screen. Below
 * it every row is drawn, on purpose: printing the map and the browser's own find (Ctrl+F) see
 * all of it, and a class map is rarely longer.
 */
export const DRAW_ALL_BELOW = 200;

export interface ClaimOutlineProps {
  thesisId: string;
  thesisLabel: string;
  /** This thesis's claims. */
  claims: ClaimView[];
  anchorsByClaim: Map<string, AnchorView[]>;
  linkEnds: ReturnType<typeof linkEndsByClaim>;
  composer: ComposerTarget | null;
  activeId: string | null;
  /** Where the session is putting the keyboard (scrolled to first when it is not drawn). */
  focus: { claimId: string; seq: number } | null;
  editing: { claimId: string; field: 'text' | 'note' } | null;
  /** Claims someone else just changed, with their name. */
  touched: Record<string, string>;
  readOnly: boolean;
  /** Who wrote each claim, where the map names authors (null: it does not). */
  authors: AuthorsView | null;
  /** The author whose claims are shown plainly, the rest dimmed; null: everyone's. */
  authorFilter: string | null;
}

/**
 * The claims under one thesis, in reading order, with the new-claim form where it was opened: a
 * tree for assistive technology (each row a tree item with its level and place). A long outline
 * is virtualized (see DRAW_ALL_BELOW and useWindowList): the row holding the keyboard and the
 * composer stay drawn wherever the page is scrolled, and a row the keyboard goes to is scrolled
 * to first, so the editor's focus (map-editor.tsx) always finds it. Both ways draw the same
 * elements under the same keys, so crossing the threshold never remounts a row.
 * Memoized, so what does not concern the outline (the save status, a dialog) does not re-render it.
 */
export const ClaimOutline = memo(function ClaimOutline({
  thesisId,
  thesisLabel,
  claims,
  anchorsByClaim,
  linkEnds,
  composer,
  activeId,
  focus,
  editing,
  touched,
  readOnly,
  authors,
  authorFilter,
}: ClaimOutlineProps) {
  const rows = useMemo(() => outline(claims, thesisId), [claims, thesisId]);
  // A claim's path to its thesis is always under the same thesis.
  const roleOf = useMemo(() => roles(claims), [claims]);
  const composerHere = composer && composer.place.thesisId === thesisId ? composer : null;
  const items = useMemo(
    () => outlineItems(rows, composerHere?.afterClaimId),
    [rows, composerHere?.afterClaimId],
  );
  const indexOf = useMemo(() => new Map(items.map((item, i) => [item.key, i])), [items]);
  const activeIndex = activeId === null ? undefined : indexOf.get(activeId);
  const composerIndex = composerHere ? indexOf.get(COMPOSER_KEY) : undefined;
  const virtual = rows.length >= DRAW_ALL_BELOW;

  // Always drawn: the tabbable row (the selected one, else the first) and the composer.
  const pinned = useMemo(
    () => [activeIndex ?? 0, composerIndex ?? -1],
    [activeIndex, composerIndex],
  );
  const estimateSize = useCallback(
    (i: number) => rowHeightGuess(items[i]!, anchorsByClaim),
    [items, anchorsByClaim],
  );
  const { listRef, virtualizer, scrollMargin, scrollTo } = useWindowList<HTMLUListElement>({
    count: items.length,
    enabled: virtual,
    pinned,
    estimateSize,
    getItemKey: useCallback((i: number) => items[i]!.key, [items]),
  });

  // Before the editor focuses a row (its effect runs after this one), bring the row on screen.
  const focusIndex = focus ? indexOf.get(focus.claimId) : undefined;
  useEffect(() => {
    if (virtual && focusIndex !== undefined) scrollTo(focusIndex);
    // Once per request to focus (seq), not on every change of the outline.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focus?.seq]);
  // The composer, when it opens in a long outline.
  useEffect(() => {
    if (virtual && composerIndex !== undefined) scrollTo(composerIndex);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [composerHere?.label, composerHere?.afterClaimId]);

  if (items.length === 0)
    return (
      <p className="mt-3 rounded-md border border-dashed border-stone-300 p-3 text-sm text-stone-600">
        {readOnly
          ? 'No claims under this thesis yet.'
          : 'No claims yet. Add a pro or con above to start.'}
      </p>
    );

  const drawn = virtual
    ? virtualizer.getVirtualItems()
    : items.map((_, index) => ({ index, start: 0 }));

  return (
    <div className="mt-3">
      {virtual && (
        <p className="hidden text-sm text-stone-700 print:block">
          {plural(rows.length, 'claim', 'claims')} under this thesis: too many to print from the
          editor. Print the debate brief instead (Export &amp; brief).
        </p>
      )}
      <ul
        ref={listRef}
        role="tree"
        aria-label={`Claims under “${thesisLabel}”`}
        data-virtual-outline={virtual ? 'true' : undefined}
        className={virtual ? 'relative print:hidden' : 'space-y-2'}
        style={virtual ? { height: virtualizer.getTotalSize() } : undefined}
      >
        {drawn.map(({ index, start }) => {
          const item = items[index]!;
          const { row } = item;
          return (
            <li
              key={item.key}
              role="none"
              data-index={index}
              ref={virtual ? virtualizer.measureElement : undefined}
              className={virtual ? `absolute inset-x-0 ${index === activeIndex ? 'z-10' : ''}` : ''}
              style={{
                marginLeft: row ? outlineIndent(row.depth) : undefined,
                top: virtual ? start - scrollMargin : undefined,
              }}
            >
              {row ? (
                <ClaimRow
                  claim={row.claim}
                  depth={row.depth}
                  childCount={row.childCount}
                  index={row.index}
                  siblings={row.siblings}
                  role={roleOf.get(row.claim.id) ?? 'support'}
                  anchors={anchorsByClaim.get(row.claim.id) ?? NO_ANCHORS}
                  linksOut={linkEnds.out.get(row.claim.id)}
                  linksIn={linkEnds.into.get(row.claim.id)}
                  tabbable={index === (activeIndex ?? 0)}
                  active={index === activeIndex}
                  tools={index === activeIndex && !composer}
                  touchedBy={touched[row.claim.id]}
                  editing={editing?.claimId === row.claim.id ? editing.field : null}
                  {...authorProps(authors, authorFilter, row.claim.id)}
                />
              ) : (
                composerHere && (
                  <div role="group" aria-label="New claim">
                    <ClaimComposer key={composerHere.label} />
                  </div>
                )
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
});

const NO_ANCHORS: AnchorView[] = [];

/** A row's author and, under a filter, whether it is shown plainly or dimmed. */
function authorProps(authors: AuthorsView | null, filter: string | null, claimId: string) {
  const by = authors?.of.get(claimId);
  return {
    author: by ? authors!.nameOf(by) : undefined,
    filter: filter === null ? undefined : by === filter ? ('match' as const) : ('dim' as const),
  };
}

'use client';

import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import {
  defaultRangeExtractor,
  measureElement,
  useWindowVirtualizer,
  type Range,
  type Virtualizer,
} from '@tanstack/react-virtual';

/** Space between two rows (Tailwind's space-y-2, which the list uses when it draws every row). */
export const ROW_GAP = 8;

/**
 * A long list drawn only near the screen, in the page's own scroll (the study desk scrolls the
 * window, with the reading pane sticky beside it): TanStack Virtual's window virtualizer, told
 * where the list starts in the page (`scrollMargin`, kept up to date as what is above it grows),
 * how tall the sticky site header is (so a row scrolled to is not under it), and which rows must
 * stay drawn wherever the page is scrolled (`pinned`: the row holding the keyboard, so it is never
 * unmounted under it, and the composer). Rows are measured as drawn (variable heights).
 */
export function useWindowList<T extends HTMLElement>({
  count,
  enabled,
  pinned,
  estimateSize,
  getItemKey,
}: {
  count: number;
  enabled: boolean;
  pinned: readonly number[];
  estimateSize: (index: number) => number;
  getItemKey: (index: number) => string;
}) {
  const listRef = useRef<T>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  const [header, setHeader] = useState(0);

  useLayoutEffect(() => {
    const list = listRef.current;
    if (!enabled || !list) return;
    const measure = () => {
      // A list in a hidden panel (the other side's tab on a phone) keeps its last position.
      if (list.offsetParent === null) return;
      const top = Math.round(list.getBoundingClientRect().top + window.scrollY);
      setScrollMargin((was) => (Math.abs(was - top) < 1 ? was : top));
      const bar = document.querySelector('[data-site-header]');
      setHeader(bar ? Math.round(bar.getBoundingClientRect().height) : 0);
    };
    measure();
    // Whatever is above the list changes its place: a notice, the other thesis's outline growing.
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    observer.observe(list);
    return () => observer.disconnect();
  }, [enabled]);

  const rangeExtractor = useCallback(
    (range: Range) => {
      const drawn = defaultRangeExtractor(range);
      const extra = pinned.filter((i) => i >= 0 && i < range.count && !drawn.includes(i));
      return extra.length ? [...drawn, ...extra].sort((a, b) => a - b) : drawn;
    },
    [pinned],
  );

  const virtualizer = useWindowVirtualizer<HTMLElement>({
    count,
    enabled,
    estimateSize,
    getItemKey,
    rangeExtractor,
    overscan: 6,
    gap: ROW_GAP,
    scrollMargin,
    scrollPaddingStart: header + ROW_GAP,
    scrollPaddingEnd: ROW_GAP,
    // The same first drawing on the server and in the browser (no hydration mismatch); the real
    // window size and scroll are read once mounted.
    initialRect: { width: 1280, height: 900 },
    initialOffset: 0,
    measureElement: (el, entry, v) => {
      const size = measureElement(el, entry, v);
      if (size > 0) return size;
      // Hidden (display: none): keep what was known rather than a height of 0.
      const index = v.indexFromElement(el);
      return v.itemSizeCache.get(v.options.getItemKey(index)) ?? v.options.estimateSize(index);
    },
  });

  // Half a second of watch after each scroll to an item: the two theses' lists share the window's
  // scroll, and the other list's late measurements (rows drawn for the first time as the page
  // jumps past them) move this one and end TanStack's own correction, which takes any scroll it
  // did not write for the reader's. Until the reader scrolls or clicks, the item is put back.
  const watch = useRef<(() => void) | null>(null);
  useEffect(() => () => watch.current?.(), []);
  const bring = (index: number) => {
    watch.current?.();
    scrollToItem(virtualizer, index);
    const until = performance.now() + 500;
    let frame = 0;
    const reader = ['wheel', 'touchstart', 'pointerdown'] as const;
    const stop = () => {
      cancelAnimationFrame(frame);
      for (const type of reader) window.removeEventListener(type, stop);
      if (watch.current === stop) watch.current = null;
    };
    const check = () => {
      if (performance.now() > until) return stop();
      const el = virtualizer.elementsCache.get(virtualizer.options.getItemKey(index));
      const box = el?.getBoundingClientRect();
      const room = window.innerHeight - header;
      if (box && box.height < room && (box.top < header || box.bottom > window.innerHeight))
        scrollToItem(virtualizer, index);
      frame = requestAnimationFrame(check);
    };
    for (const type of reader) window.addEventListener(type, stop, { passive: true });
    frame = requestAnimationFrame(check);
    watch.current = stop;
  };

  // A list that was hidden until now (the other side's tab on a phone, shown for the claim the
  // keyboard goes to) may have moved: take its place first, then scroll once it is known.
  const pending = useRef<number | null>(null);
  const scrollTo = (index: number) => {
    const list = listRef.current;
    if (list && list.offsetParent !== null) {
      const top = Math.round(list.getBoundingClientRect().top + window.scrollY);
      if (Math.abs(top - scrollMargin) >= 1) {
        pending.current = index;
        setScrollMargin(top);
        return;
      }
    }
    bring(index);
  };
  useLayoutEffect(() => {
    if (pending.current === null) return;
    bring(pending.current);
    pending.current = null;
    // Once the list's new place is in the virtualizer's options.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scrollMargin]);

  return { listRef, virtualizer, scrollMargin, scrollTo };
}

/**
 * Scrolls just enough to show an item (the way focus would), below the sticky header. The last
 * item is centred instead of aligned to the bottom: TanStack aligns a list's last item with the
 * end of the whole page, which for the first thesis is the end of the second.
 */
function scrollToItem(virtualizer: Virtualizer<Window, HTMLElement>, index: number) {
  const where = virtualizer.getOffsetForIndex(index, 'auto');
  if (!where) return;
  const [offset, align] = where;
  if (align === 'auto' && offset === virtualizer.scrollOffset) return;
  const last = index === virtualizer.options.count - 1;
  virtualizer.scrollToIndex(index, { align: last && align === 'end' ? 'center' : align });
}

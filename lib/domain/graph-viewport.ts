import { TEXT_PX } from './graph';
import type { Rect } from './graph-layout';

/** The smallest zoom the graph opens or fits at: claim text is 12 px on screen. */
export const READABLE_ZOOM = 12 / TEXT_PX;
/** The largest zoom a fit goes to (a map of three boxes is not blown up). */
export const FIT_MAX_ZOOM = 1;
const PAD = 32;

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/**
 * The viewport for a canvas of `width` x `height` px: the first of `targets` that fits at a
 * readable zoom, whole and centred (say: the whole map, else the thesis and its replies);
 * otherwise READABLE_ZOOM with `anchor` (the thesis, the focused claim) at the top left, its
 * replies beside and below it (a box sits above its first reply), so text is never too small to
 * read and the rest is a pan away. The leftmost `left` px are kept clear (the zoom buttons) where
 * the target still fits readably beside them.
 */
export function viewFor(
  targets: readonly Rect[],
  anchor: Rect,
  width: number,
  height: number,
  left = 0,
): Viewport {
  for (const target of targets) {
    // Clear of the buttons if it fits readably so; else over the whole width, rather than the
    // next, smaller target.
    for (const gutter of new Set([left, 0])) {
      const fit = Math.min(
        (width - gutter - 2 * PAD) / Math.max(1, target.width),
        (height - 2 * PAD) / Math.max(1, target.height),
        FIT_MAX_ZOOM,
      );
      if (fit < READABLE_ZOOM) continue;
      return {
        zoom: fit,
        x: gutter + (width - gutter) / 2 - (target.x + target.width / 2) * fit,
        y: height / 2 - (target.y + target.height / 2) * fit,
      };
    }
  }
  const zoom = READABLE_ZOOM;
  return {
    zoom,
    x: left + PAD - anchor.x * zoom,
    y: PAD - anchor.y * zoom,
  };
}

/** The part of the layout a viewport shows, in layout coordinates. */
export function visibleRect(view: Viewport, width: number, height: number): Rect {
  return {
    x: -view.x / view.zoom,
    y: -view.y / view.zoom,
    width: width / view.zoom,
    height: height / view.zoom,
  };
}

import { describe, expect, it } from 'vitest';
import { READABLE_ZOOM, viewFor, visibleRect } from './graph-viewport';

describe('graph viewport', () => {
  const box = { x: 1000, y: 0, width: 264, height: 120 };

  it('fits what is asked for when it is readable, centred', () => {
    const v = viewFor([{ x: 900, y: 0, width: 600, height: 400 }], box, 1000, 700);
    expect(v.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
    const seen = visibleRect(v, 1000, 700);
    expect(seen.x).toBeLessThanOrEqual(900);
    expect(seen.x + seen.width).toBeGreaterThanOrEqual(1500);
  });

  it('never goes below 12 px text: a huge map opens on its anchor at the readable zoom', () => {
    const v = viewFor([{ x: 0, y: 0, width: 70_000, height: 6000 }], box, 1000, 700);
    expect(v.zoom).toBeCloseTo(READABLE_ZOOM);
    expect(14 * v.zoom).toBeCloseTo(12);
    const seen = visibleRect(v, 1000, 700);
    // The anchor box is on screen, at the top left.
    expect(seen.x).toBeLessThan(box.x);
    expect(seen.x + seen.width).toBeGreaterThan(box.x + box.width);
    expect(seen.y).toBeLessThanOrEqual(box.y);
  });

  it('keeps the left edge clear for the zoom buttons where the view fits beside them', () => {
    const onScreenX = (v: { x: number; zoom: number }, x: number) => v.x + x * v.zoom;
    // As wide as fits readably: without the gutter its left edge would be under the buttons.
    const target = { x: 900, y: 0, width: 1000, height: 400 };
    expect(onScreenX(viewFor([target], box, 1000, 700, 64), target.x)).toBeGreaterThanOrEqual(64);
    const huge = viewFor([{ x: 0, y: 0, width: 70_000, height: 6000 }], box, 1000, 700, 64);
    expect(onScreenX(huge, box.x)).toBeGreaterThanOrEqual(64);
    // Without the gutter the same views start further left.
    expect(onScreenX(viewFor([target], box, 1000, 700), target.x)).toBeLessThan(64);
    // What fits readably only over the whole width is fitted so, not given up for less.
    const wide = { x: 0, y: 0, width: 1050, height: 400 };
    const v = viewFor([wide, box], box, 1000, 700, 64);
    expect(visibleRect(v, 1000, 700).width).toBeGreaterThanOrEqual(1050);
  });

  it('does not blow up a tiny map', () => {
    expect(viewFor([box], box, 1200, 800).zoom).toBeLessThanOrEqual(1);
  });

  it('takes the first target that fits readably: the whole map, else the thesis and replies', () => {
    const all = { x: 0, y: 0, width: 9000, height: 900 };
    const branch = { x: 800, y: 0, width: 900, height: 500 };
    const v = viewFor([all, branch], box, 1000, 700);
    const seen = visibleRect(v, 1000, 700);
    expect(seen.x).toBeLessThanOrEqual(800);
    expect(seen.x + seen.width).toBeGreaterThanOrEqual(1700);
    expect(seen.width).toBeLessThan(9000);
  });
});

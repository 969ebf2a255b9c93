import { describe, expect, it } from 'vitest';
import { placePopup } from './popup-position.js';
import type { PopupPlacement, PopupRect, PopupSize } from './popup-position.js';

const viewport: PopupSize = { width: 800, height: 600 };
const menu: PopupSize = { width: 200, height: 300 };
const button = (left: number, top: number): PopupRect => ({ left, top, width: 36, height: 36 });

/** Whether the placed popup lies inside the viewport, `margin` from every edge. */
function inside(placement: PopupPlacement, size: PopupSize, view = viewport, margin = 8): boolean {
  const width = Math.min(size.width, placement.maxWidth);
  const height = Math.min(size.height, placement.maxHeight);
  return (
    placement.left >= margin &&
    placement.top >= margin &&
    placement.left + width <= view.width - margin &&
    placement.top + height <= view.height - margin
  );
}

describe('placePopup', () => {
  it('opens below the trigger, lined up with its start edge, when there is room', () => {
    expect(placePopup(button(100, 50), menu, viewport)).toEqual({
      left: 100,
      top: 88,
      side: 'bottom',
      align: 'start',
      maxWidth: 200,
      maxHeight: 300,
    });
  });

  it('lines up with the end edge when asked to', () => {
    const placement = placePopup(button(400, 50), menu, viewport, { align: 'end' });
    expect(placement).toMatchObject({ left: 236, align: 'end' });
  });

  it('flips above the trigger when there is no room below but room above', () => {
    const placement = placePopup(button(100, 500), menu, viewport);
    expect(placement).toMatchObject({ side: 'top', top: 500 - 2 - 300, maxHeight: 300 });
    expect(inside(placement, menu)).toBe(true);
  });

  it('flips below when it prefers the top but the trigger is at the top of the viewport', () => {
    const placement = placePopup(button(100, 20), menu, viewport, { side: 'top' });
    expect(placement).toMatchObject({ side: 'bottom', top: 58 });
  });

  it('takes the side with more room and limits its height when it fits on neither', () => {
    const tall = { width: 200, height: 1000 };
    const nearTop = placePopup(button(100, 200), tall, viewport);
    expect(nearTop).toMatchObject({ side: 'bottom', top: 238, maxHeight: 600 - 8 - 238 });
    const nearBottom = placePopup(button(100, 400), tall, viewport);
    expect(nearBottom).toMatchObject({ side: 'top', top: 8, maxHeight: 400 - 2 - 8 });
    expect(inside(nearTop, tall)).toBe(true);
    expect(inside(nearBottom, tall)).toBe(true);
  });

  it('lines up with the other edge when the preferred one would stick out on the right', () => {
    const placement = placePopup(button(700, 50), menu, viewport);
    expect(placement).toMatchObject({ align: 'end', left: 700 + 36 - 200 });
    expect(inside(placement, menu)).toBe(true);
  });

  it('lines up with the other edge when the end edge would stick out on the left', () => {
    const placement = placePopup(button(10, 50), menu, viewport, { align: 'end' });
    expect(placement).toMatchObject({ align: 'start', left: 10 });
  });

  it('shifts inside the viewport when neither edge fits', () => {
    // A narrow phone screen: the menu is wider than the space on either side of the button.
    const phone = { width: 320, height: 640 };
    const wide = { width: 240, height: 200 };
    const placement = placePopup(button(150, 50), wide, phone);
    expect(placement.left).toBe(320 - 8 - 240);
    expect(inside(placement, wide, phone)).toBe(true);
    const leftEdge = placePopup(button(0, 50), wide, phone, { align: 'end' });
    expect(leftEdge.left).toBe(8);
  });

  it('limits the width of a popup wider than the viewport', () => {
    const placement = placePopup(button(100, 50), { width: 1000, height: 100 }, viewport);
    expect(placement).toMatchObject({ left: 8, maxWidth: 800 - 16 });
  });

  it('mirrors start and end in right-to-left text', () => {
    expect(placePopup(button(400, 50), menu, viewport, { direction: 'rtl' })).toMatchObject({ left: 236, align: 'start' });
    expect(placePopup(button(400, 50), menu, viewport, { direction: 'rtl', align: 'end' })).toMatchObject({ left: 400, align: 'end' });
    // Near the left edge, right-to-left start flips to the end edge.
    expect(placePopup(button(20, 50), menu, viewport, { direction: 'rtl' })).toMatchObject({ left: 20, align: 'end' });
  });

  it('keeps the popup on screen when its trigger has scrolled out of view', () => {
    const scrolledAway = placePopup(button(100, -200), menu, viewport);
    expect(scrolledAway.top).toBe(8);
    expect(inside(scrolledAway, menu)).toBe(true);
    const below = placePopup(button(100, 900), menu, viewport);
    expect(inside(below, menu)).toBe(true);
  });

  it('stays inside the viewport for triggers anywhere on it', () => {
    for (let left = 0; left <= 764; left += 41) {
      for (let top = 0; top <= 564; top += 47) {
        for (const align of ['start', 'end'] as const) {
          expect(inside(placePopup(button(left, top), menu, viewport, { align }), menu)).toBe(true);
        }
      }
    }
  });

  it('rejects sizes that are negative or not numbers, and a viewport smaller than its margins', () => {
    expect(() => placePopup(button(0, 0), { width: -1, height: 10 }, viewport)).toThrow(RangeError);
    expect(() => placePopup(button(Number.NaN, 0), menu, viewport)).toThrow(/trigger\.left/);
    expect(() => placePopup(button(0, 0), menu, { width: Number.POSITIVE_INFINITY, height: 10 })).toThrow(RangeError);
    expect(() => placePopup(button(0, 0), menu, { width: 10, height: 600 })).toThrow(/smaller than twice the margin/);
    expect(() => placePopup(button(0, 0), menu, viewport, { gap: -2 })).toThrow(/gap/);
  });
});

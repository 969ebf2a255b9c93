/** A rectangle in viewport coordinates (CSS pixels), as `getBoundingClientRect` gives it. */
export interface PopupRect {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** The size of a popup as it would like to be, in CSS pixels. */
export interface PopupSize {
  readonly width: number;
  readonly height: number;
}

/** Where a popup prefers to open; {@link placePopup} may choose otherwise to stay inside the viewport. */
export interface PopupPlacementOptions {
  /** Below the trigger (default) or above it. */
  readonly side?: 'bottom' | 'top';
  /**
   * `'start'` (default) lines the popup up with the trigger's start edge
   * (left in left-to-right text), `'end'` with its end edge.
   */
  readonly align?: 'start' | 'end';
  /** The writing direction that gives `start` and `end` their meaning; default `'ltr'`. */
  readonly direction?: 'ltr' | 'rtl';
  /** The space between trigger and popup; default 2. */
  readonly gap?: number;
  /** The least space kept between the popup and the viewport's edges; default 8. */
  readonly margin?: number;
}

/** Where {@link placePopup} puts a popup. */
export interface PopupPlacement {
  /** The popup's left and top edges in viewport coordinates (for `position: fixed`). */
  readonly left: number;
  readonly top: number;
  /** The side it opens on, after flipping. */
  readonly side: 'bottom' | 'top';
  /** The edge of the trigger it lines up with, after flipping; shifting may still move it. */
  readonly align: 'start' | 'end';
  /** The most the popup may be wide and high to stay inside the viewport; it scrolls beyond that. */
  readonly maxWidth: number;
  readonly maxHeight: number;
}

function check(name: string, value: number, allowNegative: boolean): void {
  if (!Number.isFinite(value) || (!allowNegative && value < 0)) {
    throw new RangeError(
      `placePopup: ${name} must be a finite number${allowNegative ? '' : ' of at least 0'}, got ${String(value)}.`,
    );
  }
}

/**
 * Places a popup (a menu, a colour picker) next to the element that opened
 * it so that it stays inside the viewport, the way Floating UI's `flip` and
 * `shift` do:
 *
 * - It opens on the preferred side (below by default). When it does not fit
 *   there but fits on the other side, it flips; when it fits on neither, it
 *   takes the side with more room and `maxHeight` says how high it may be
 *   (it scrolls).
 * - It lines up with the preferred edge of the trigger. When that makes it
 *   stick out of the viewport, it lines up with the other edge instead; when
 *   it still sticks out, it shifts along until it is `margin` from the edge.
 *   A popup wider than the viewport starts at the left margin and
 *   `maxWidth` says how wide it may be.
 *
 * All rectangles are in viewport coordinates, as `getBoundingClientRect`
 * returns them; the result is for `position: fixed`. A trigger scrolled out
 * of view is not hidden: the popup is kept at the viewport's edge. Throws a
 * RangeError for sizes that are negative or not finite, or a viewport
 * smaller than its margins.
 */
export function placePopup(
  trigger: PopupRect,
  popup: PopupSize,
  viewport: PopupSize,
  options: PopupPlacementOptions = {},
): PopupPlacement {
  const gap = options.gap ?? 2;
  const margin = options.margin ?? 8;
  check('trigger.left', trigger.left, true);
  check('trigger.top', trigger.top, true);
  check('trigger.width', trigger.width, false);
  check('trigger.height', trigger.height, false);
  check('popup.width', popup.width, false);
  check('popup.height', popup.height, false);
  check('viewport.width', viewport.width, false);
  check('viewport.height', viewport.height, false);
  check('gap', gap, false);
  check('margin', margin, false);
  if (viewport.width < 2 * margin || viewport.height < 2 * margin) {
    throw new RangeError(
      `placePopup: the viewport (${viewport.width}×${viewport.height}) is smaller than twice the margin (${margin}).`,
    );
  }

  // Main axis: below or above, flipping when only the other side has room.
  const below = viewport.height - margin - (trigger.top + trigger.height + gap);
  const above = trigger.top - gap - margin;
  const preferred = options.side ?? 'bottom';
  const room = (side: 'bottom' | 'top') => Math.max(0, side === 'bottom' ? below : above);
  const other = preferred === 'bottom' ? 'top' : 'bottom';
  let side: 'bottom' | 'top' = preferred;
  if (popup.height > room(preferred)) {
    side = popup.height <= room(other) || room(other) > room(preferred) ? other : preferred;
  }
  const maxHeight = Math.min(popup.height, room(side));
  const unclampedTop = side === 'bottom' ? trigger.top + trigger.height + gap : trigger.top - gap - maxHeight;
  // A trigger scrolled out of view would take the popup with it; keep the popup on screen.
  const top = Math.min(Math.max(unclampedTop, margin), viewport.height - margin - maxHeight);

  // Cross axis: the preferred edge, else the other edge, else shifted inside.
  const maxWidth = Math.min(popup.width, viewport.width - 2 * margin);
  const rtl = options.direction === 'rtl';
  const leftFor = (align: 'start' | 'end') =>
    (align === 'start') !== rtl ? trigger.left : trigger.left + trigger.width - maxWidth;
  const fits = (left: number) => left >= margin && left + maxWidth <= viewport.width - margin;
  let align: 'start' | 'end' = options.align ?? 'start';
  if (!fits(leftFor(align)) && fits(leftFor(align === 'start' ? 'end' : 'start'))) {
    align = align === 'start' ? 'end' : 'start';
  }
  const left = Math.min(Math.max(leftFor(align), margin), viewport.width - margin - maxWidth);

  return { left, top, side, align, maxWidth, maxHeight };
}

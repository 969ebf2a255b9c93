/** A label's box on screen, as `getBoundingClientRect()` gives it. */
export interface LabelBox {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

/** Where a label goes: `level` label heights up from its own place, then `shift` pixels to the right. */
export interface LabelPlace {
  readonly level: number;
  readonly shift: number;
}

function overlaps(a: LabelBox, b: LabelBox): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** `box` moved to `place`. */
export function placed(box: LabelBox, place: LabelPlace): LabelBox {
  const lift = place.level * (box.bottom - box.top);
  return { left: box.left + place.shift, right: box.right + place.shift, top: box.top - lift, bottom: box.bottom - lift };
}

/**
 * Chooses a place for each remote cursor's name label so that no two labels
 * overlap. Labels are placed line by line from the top, and from left to
 * right on a line. Each stays above its caret if nothing placed before it is
 * there; else it is lifted by whole label heights to the lowest free level,
 * as long as it stays below `top` (the top of the visible text, so labels of
 * the first line are not cut off); where no level is free, it stays on its
 * line and moves right past the labels in its way. `boxes` are measured in
 * their own places; the result has one place per box, in the same order.
 */
export function stackLabels(boxes: readonly LabelBox[], top = Number.NEGATIVE_INFINITY): LabelPlace[] {
  const order = boxes.map((_, index) => index).sort((a, b) => boxes[a]!.top - boxes[b]!.top || boxes[a]!.left - boxes[b]!.left || a - b);
  const places = new Array<LabelPlace>(boxes.length).fill({ level: 0, shift: 0 });
  const taken: LabelBox[] = [];
  const free = (box: LabelBox): boolean => !taken.some((other) => overlaps(box, other));
  for (const index of order) {
    const box = boxes[index]!;
    let place: LabelPlace | null = null;
    for (let level = 0; level <= taken.length && !place; level++) {
      const candidate = placed(box, { level, shift: 0 });
      if (level > 0 && candidate.top < top) break;
      if (free(candidate)) place = { level, shift: 0 };
    }
    if (!place) {
      // Right past whatever is in the way; each step clears at least one placed label, so this ends.
      let shift = 0;
      for (let moved = placed(box, { level: 0, shift }); !free(moved); moved = placed(box, { level: 0, shift })) {
        const blocking = taken.filter((other) => overlaps(moved, other));
        shift = Math.max(...blocking.map((other) => other.right)) - box.left + 1;
      }
      place = { level: 0, shift };
    }
    places[index] = place;
    taken.push(placed(box, place));
  }
  return places;
}

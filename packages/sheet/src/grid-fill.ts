// Which rows entering a pane's band are drawn in this frame, and which wait for the next ones.

/** The rows to fill now and the rows left for later frames, nearest to the view first. */
export interface FillPlan {
  readonly now: number[];
  readonly later: number[];
}

/**
 * Splits the rows that entered a pane's band into those drawn in this frame and those left for later frames.
 * Rows inside `view` (`[from, to)`, the rows on screen and just past it) are always drawn now, however many: the
 * view must never show a gap. Of the others, the `budget` rows nearest to the view are drawn now; the rest wait,
 * so that moving the band (tens of rows at once) is spread over several frames instead of making one slow.
 */
export function planFill(entering: readonly number[], view: readonly [number, number], budget: number): FillPlan {
  const now: number[] = [];
  const rest: number[] = [];
  for (const row of entering) (row >= view[0] && row < view[1] ? now : rest).push(row);
  const distance = (row: number): number => (row < view[0] ? view[0] - row : row - view[1] + 1);
  rest.sort((a, b) => distance(a) - distance(b) || a - b);
  const take = Math.max(0, Math.min(rest.length, Math.floor(budget)));
  return { now: now.concat(rest.slice(0, take)), later: rest.slice(take) };
}

/** How many rows of `cellsPerRow` cells fit in a frame's budget of `cells` (at least one). */
export function rowsPerFrame(cells: number, cellsPerRow: number): number {
  return Math.max(1, Math.floor(cells / Math.max(1, cellsPerRow)));
}

import type { BorderLine, CellStyle } from '@allmende/sheet-model';
import type { CellRange } from './selection.js';

/** What the borders menu offers, as in Excel and LibreOffice Calc. */
export type BorderPreset = 'all' | 'outer' | 'inner' | 'top' | 'bottom' | 'left' | 'right' | 'none';

/** The presets in menu order. */
export const BORDER_PRESETS: readonly BorderPreset[] = ['all', 'outer', 'inner', 'top', 'bottom', 'left', 'right', 'none'];

type BorderStyle = Pick<CellStyle, 'borderTop' | 'borderRight' | 'borderBottom' | 'borderLeft'>;

/** One style change of a border preset: a rectangle of cells and the sides it sets (null clears). */
export interface BorderEdit {
  readonly range: CellRange;
  readonly style: { [K in keyof BorderStyle]?: BorderLine | null };
}

const row = (r: CellRange, at: number): CellRange => ({ r0: at, c0: r.c0, r1: at, c1: r.c1 });
const col = (r: CellRange, at: number): CellRange => ({ r0: r.r0, c0: at, r1: r.r1, c1: at });

/**
 * The style edits that apply a border preset to a range. Sides are stored
 * per cell as Excel does (the outer top is the top border of the first row's
 * cells); "none" clears all four sides of every cell in the range.
 */
export function borderEdits(range: CellRange, preset: BorderPreset, line: BorderLine = 'thin'): BorderEdit[] {
  const r = { r0: Math.min(range.r0, range.r1), c0: Math.min(range.c0, range.c1), r1: Math.max(range.r0, range.r1), c1: Math.max(range.c0, range.c1) };
  const inner = (): BorderEdit[] => {
    const out: BorderEdit[] = [];
    if (r.r1 > r.r0) out.push({ range: { ...r, r1: r.r1 - 1 }, style: { borderBottom: line } }, { range: { ...r, r0: r.r0 + 1 }, style: { borderTop: line } });
    if (r.c1 > r.c0) out.push({ range: { ...r, c1: r.c1 - 1 }, style: { borderRight: line } }, { range: { ...r, c0: r.c0 + 1 }, style: { borderLeft: line } });
    return out;
  };
  const outer = (): BorderEdit[] => [
    { range: row(r, r.r0), style: { borderTop: line } },
    { range: row(r, r.r1), style: { borderBottom: line } },
    { range: col(r, r.c0), style: { borderLeft: line } },
    { range: col(r, r.c1), style: { borderRight: line } },
  ];
  switch (preset) {
    case 'all':
      return [{ range: r, style: { borderTop: line, borderRight: line, borderBottom: line, borderLeft: line } }];
    case 'outer':
      return outer();
    case 'inner':
      return inner();
    case 'top':
      return [{ range: row(r, r.r0), style: { borderTop: line } }];
    case 'bottom':
      return [{ range: row(r, r.r1), style: { borderBottom: line } }];
    case 'left':
      return [{ range: col(r, r.c0), style: { borderLeft: line } }];
    case 'right':
      return [{ range: col(r, r.c1), style: { borderRight: line } }];
    case 'none':
      return [{ range: r, style: { borderTop: null, borderRight: null, borderBottom: null, borderLeft: null } }];
    default:
      throw new RangeError(`Unknown border preset "${String(preset)}"; use one of ${BORDER_PRESETS.join(', ')}.`);
  }
}

const WIDTH: Record<BorderLine, number> = { thin: 1, medium: 2, thick: 3 };

function width(line: unknown): number {
  return typeof line === 'string' && line in WIDTH ? WIDTH[line as BorderLine] : 0;
}

/**
 * The CSS that draws a cell's borders in the grid. Each cell element has a
 * gridline on its right and bottom edge: a right or bottom border replaces
 * it, and a top or left border is an inset shadow — unless the neighbour
 * above (or to the left) already draws a border on that same line, so a
 * line shared by two cells is drawn once, not twice as thick.
 */
export function borderCss(own: BorderStyle, above: BorderStyle | null, left: BorderStyle | null, color = '#1f2328'): string {
  const css: string[] = [];
  const right = width(own.borderRight);
  const bottom = width(own.borderBottom);
  if (right) css.push(`border-right:${right}px solid ${color}`);
  if (bottom) css.push(`border-bottom:${bottom}px solid ${color}`);
  const shadows: string[] = [];
  const top = width(own.borderTop);
  const start = width(own.borderLeft);
  if (top && !width(above?.borderBottom)) shadows.push(`inset 0 ${top}px 0 ${color}`);
  if (start && !width(left?.borderRight)) shadows.push(`inset ${start}px 0 0 ${color}`);
  if (shadows.length) css.push(`box-shadow:${shadows.join(',')}`);
  return css.join(';');
}

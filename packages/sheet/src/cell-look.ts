import type { CellStyle, CellValue } from '@allmende/sheet-model';
import { FormulaError } from '@allmende/sheet-model';
import { borderCss } from './borders.js';
import type { CellLook } from './grid-types.js';
import { CELL_PADDING, fitNumber } from './number-fit.js';

const COLOR = /^#[0-9a-fA-F]{3,8}$|^[a-zA-Z]{3,20}$/;

/** A colour from the document (any client can write anything there) if it is safe to put into a style attribute. */
export function safeColor(value: unknown): string | null {
  return typeof value === 'string' && COLOR.test(value) ? value : null;
}

/** Where a cell is drawn, for the decisions that depend on its surroundings. */
export interface CellContext {
  /** The width of the cell's column (or merge) in CSS pixels. */
  readonly width: number;
  /** The width of a text in the cell's font (a CSS font shorthand), in CSS pixels. */
  measure(text: string, font: string): number;
  /** The style of the cell above and of the cell to the left (for borders they share), if any. */
  readonly above?: CellStyle | null;
  readonly left?: CellStyle | null;
  /** The grid's font family. */
  readonly fontFamily?: string;
}

/** The CSS font shorthand a cell's text is drawn in. */
export function cellFont(style: CellStyle, family = 'system-ui, sans-serif'): string {
  const size = typeof style.fontSize === 'number' && style.fontSize >= 6 && style.fontSize <= 72 ? `${style.fontSize}pt` : '13px';
  return `${style.italic ? 'italic ' : ''}${style.bold ? '700 ' : ''}${size} ${family}`;
}

/** `f`, called at most once: later calls return the first result. */
function once(f: () => number): () => number {
  let value: number | undefined;
  return () => (value ??= f());
}

/**
 * How a cell looks in the grid: its display text, and CSS from its style
 * properties. Numbers align right and errors centre unless the style says
 * otherwise, as in Excel; only left-aligned, unwrapped text overflows; a
 * number too wide for its column shows `###` (screen readers still get the
 * number, through the look's label).
 */
export function cellLook(display: string, value: CellValue, style: CellStyle, context?: CellContext): CellLook | null {
  const css: string[] = [];
  if (style.bold) css.push('font-weight:700');
  if (style.italic) css.push('font-style:italic');
  const deco = [style.underline ? 'underline' : '', style.strike ? 'line-through' : ''].filter(Boolean).join(' ');
  if (deco) css.push(`text-decoration:${deco}`);
  const color = safeColor(style.color);
  if (color) css.push(`color:${color}`);
  const background = safeColor(style.background);
  if (background) css.push(`background:${background}`);
  if (typeof style.fontSize === 'number' && style.fontSize >= 6 && style.fontSize <= 72) css.push(`font-size:${style.fontSize}pt`);
  const natural = typeof value === 'number' ? 'right' : typeof value === 'boolean' || value instanceof FormulaError ? 'center' : 'left';
  const align = style.align === 'left' || style.align === 'center' || style.align === 'right' ? style.align : natural;
  if (align !== 'left') css.push(`justify-content:${align === 'right' ? 'flex-end' : 'center'};text-align:${align}`);
  const valign = style.valign === 'top' ? 'flex-start' : style.valign === 'middle' ? 'center' : null;
  if (valign) css.push(`align-items:${valign}`);
  if (style.wrap) css.push('white-space:pre-wrap;overflow-wrap:anywhere');
  const borders = context ? borderCss(style, context.above ?? null, context.left ?? null) : borderCss(style, null, null);
  if (borders) css.push(borders);
  if (!display && css.length === 0) return null;
  let text = display;
  let hashes = false;
  const font = cellFont(style, context?.fontFamily);
  if (typeof value === 'number' && display && context) {
    ({ text, hashes } = fitNumber(display, context.width, (t) => context.measure(t, font)));
  }
  const overflows = align === 'left' && !style.wrap && typeof value === 'string';
  const ownSize = typeof style.fontSize === 'number';
  return {
    text,
    css: css.join(';'),
    overflows,
    ...(hashes ? { className: 'hashes', label: display } : {}),
    ...(text && context ? { textWidth: once(() => context.measure(text, font) + CELL_PADDING) } : {}),
    ...(style.wrap || ownSize ? { clip: true } : {}),
  };
}

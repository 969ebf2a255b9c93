import type { CellStyle, CellValue } from '@allmende/sheet-model';
import { FormulaError } from '@allmende/sheet-model';
import type { CellLook } from './grid-view.js';

const COLOR = /^#[0-9a-fA-F]{3,8}$|^[a-zA-Z]{3,20}$/;

/** A colour from the document (any client can write anything there) if it is safe to put into a style attribute. */
export function safeColor(value: unknown): string | null {
  return typeof value === 'string' && COLOR.test(value) ? value : null;
}

/**
 * How a cell looks in the grid: its display text, and CSS from its style
 * properties. Numbers align right and errors centre unless the style says
 * otherwise, as in Excel; only left-aligned, unwrapped text overflows.
 */
export function cellLook(display: string, value: CellValue, style: CellStyle): CellLook | null {
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
  if (!display && css.length === 0) return null;
  return { text: display, css: css.join(';'), overflows: align === 'left' && !style.wrap && typeof value === 'string' };
}

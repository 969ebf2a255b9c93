import type { Node as ProseMirrorNode } from 'prosemirror-model';
import type { ParsedElement } from './parsed-element.js';

/** The paragraph alignments a document stores. Left is stored as null, the default. */
export const ALIGNMENTS = ['left', 'center', 'right', 'justify'] as const;

/** A paragraph alignment. */
export type Alignment = (typeof ALIGNMENTS)[number];

/** The deepest indentation level of a paragraph or heading. */
export const MAX_INDENT = 8;

/**
 * The width of one indentation level in points: half an inch, the default tab
 * stop of Word and Google Docs (LibreOffice's 1.25 cm rounds to the same level).
 */
export const INDENT_STEP_PT = 36;

/** Tells whether `value` is one of {@link ALIGNMENTS}. */
export function isAlignment(value: unknown): value is Alignment {
  return typeof value === 'string' && (ALIGNMENTS as readonly string[]).includes(value);
}

/**
 * The alignment of a textblock as stored in shared data, which any client
 * may have written: an unknown value counts as the default (left).
 */
export function alignmentOf(node: ProseMirrorNode): Alignment {
  const align: unknown = node.attrs['align'];
  return isAlignment(align) ? align : 'left';
}

/** The indentation level of a textblock, clamped into 0 to {@link MAX_INDENT}. */
export function indentOf(node: ProseMirrorNode): number {
  const indent = Number(node.attrs['indent']);
  return Number.isInteger(indent) ? Math.min(MAX_INDENT, Math.max(0, indent)) : 0;
}

/**
 * The DOM attributes for a paragraph's or heading's alignment and
 * indentation, or null when both are the defaults. Only validated values
 * reach the style attribute.
 */
export function blockDOMAttrs(node: ProseMirrorNode): Record<string, string> | null {
  const styles: string[] = [];
  const align = alignmentOf(node);
  if (align !== 'left') styles.push(`text-align: ${align}`);
  const indent = indentOf(node);
  if (indent > 0) styles.push(`margin-left: ${indent * INDENT_STEP_PT}pt`);
  return styles.length > 0 ? { style: styles.join('; ') } : null;
}

const POINTS_PER_UNIT: Readonly<Record<string, number>> = {
  pt: 1,
  px: 0.75,
  pc: 12,
  in: 72,
  cm: 72 / 2.54,
  mm: 72 / 25.4,
  em: 12,
  rem: 12,
};

/** Converts a CSS length such as `36.0pt`, `1.27cm` or `48px` to points, or null. */
export function cssLengthToPoints(value: string): number | null {
  const match = /^(-?\d+(?:\.\d+)?|-?\.\d+)\s*([a-z]*)$/i.exec(value.trim());
  if (!match) return null;
  const amount = Number(match[1]);
  const unit = (match[2] ?? '').toLowerCase();
  if (unit === '' && amount === 0) return 0;
  const factor = POINTS_PER_UNIT[unit];
  return factor === undefined ? null : amount * factor;
}

/**
 * Reads alignment and indentation from a pasted or dropped element: the
 * `text-align` style (or the old `align` attribute that Word and LibreOffice
 * still write) and the left margin, in whole steps of {@link INDENT_STEP_PT}.
 */
export function parseBlockAttrs(dom: ParsedElement): { align: Alignment | null; indent: number } {
  const rawAlign = (dom.style.getPropertyValue('text-align') || dom.getAttribute('align') || '').trim().toLowerCase();
  const align = rawAlign === 'end' ? 'right' : rawAlign === 'middle' ? 'center' : rawAlign;
  const margin = cssLengthToPoints(dom.style.getPropertyValue('margin-left') || '');
  const indent = margin === null ? 0 : Math.min(MAX_INDENT, Math.max(0, Math.round(margin / INDENT_STEP_PT)));
  return { align: isAlignment(align) && align !== 'left' ? align : null, indent };
}

import { svg } from 'lit';
import type { TemplateResult } from 'lit';
import type { FileKind } from './workspace.js';

const PATHS: Readonly<Record<FileKind, string>> = {
  // A page with a folded corner and lines of text.
  doc: 'M6 2h8l4 4v16H6z M14 2v4h4 M9 11h6 M9 14h6 M9 17h4',
  // A grid.
  sheet: 'M4 4h16v16H4z M4 9h16 M4 14h16 M10 4v16',
  // A calendar page with two rings.
  calendar: 'M4 6h16v14H4z M4 10h16 M8 3v5 M16 3v5',
};

/** A small line icon for a kind of file (decorative: always next to a text label). */
export function kindIcon(kind: FileKind): TemplateResult {
  return svg`<svg class="icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false"><path d=${PATHS[kind]} fill="none" stroke="currentColor" stroke-width="1.6" stroke-linejoin="round" stroke-linecap="round"/></svg>`;
}

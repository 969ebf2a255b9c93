import { strokeIcon as icon } from '@allmende/ui';
import { html, svg } from 'lit';
import type { TemplateResult } from 'lit';

// The alignment and text colour icons are shared with the sheet's toolbar.
export { alignCenterIcon, alignJustifyIcon, alignLeftIcon, alignRightIcon, textColorIcon } from '@allmende/ui';

// 20×20 stroke icons drawn in currentColor. They are decorative: every
// control carries its own accessible name.

/** Letters drawn as text, for the mark buttons (B, I, U, S). */
const letter = (text: string, style: string): TemplateResult =>
  html`<span class="glyph" style=${style} aria-hidden="true">${text}</span>`;

/** Bold: a heavy B. */
export const boldIcon = letter('B', 'font-weight:700');
/** Italic: a slanted serif I. */
export const italicIcon = letter('I', "font-style:italic;font-family:Georgia,'Times New Roman',serif");
/** Underline: an underlined U. */
export const underlineIcon = letter('U', 'text-decoration:underline;text-underline-offset:2px');
/** Strikethrough: a struck S. */
export const strikethroughIcon = letter('S', 'text-decoration:line-through');

/** Superscript: x with a raised 2. */
export const superscriptIcon = icon(svg`
  <path d="M3 7l7 8M10 7l-7 8" />
  <path d="M13 4.3c.3-.8 2.6-1.1 2.7.3.1 1.1-2.7 2.2-2.7 3.4h3" stroke-width="1.3" />
`);

/** Subscript: x with a lowered 2. */
export const subscriptIcon = icon(svg`
  <path d="M3 5l7 8M10 5l-7 8" />
  <path d="M13 12.8c.3-.8 2.6-1.1 2.7.3.1 1.1-2.7 2.2-2.7 3.4h3" stroke-width="1.3" />
`);

/** Inline code: angle brackets. */
export const codeIcon = icon(svg`<path d="M7 5.5L2.5 10 7 14.5M13 5.5l4.5 4.5-4.5 4.5" />`);

/** Highlight: a marker over a bar in the current highlight (`--swatch`). */
export const highlightIcon = html`<svg
  class="icon"
  viewBox="0 0 20 20"
  width="20"
  height="20"
  aria-hidden="true"
  focusable="false"
>
  <path d="M6.5 11.5l6.8-7.3a1.4 1.4 0 012 .1l.4.4a1.4 1.4 0 010 2l-7.2 6.8zM6.5 11.5l-1.8 2.6h3.3l.5-.7" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round" />
  <rect x="3" y="15.5" width="14" height="3" rx="0.8" style="fill: var(--swatch, #ffff00); stroke: currentColor; stroke-width: 0.6" />
</svg>`;

/** Link: two chain links. */
export const linkIcon = icon(svg`
  <path d="M8.5 11.5a3 3 0 004.2 0l2.8-2.8a3 3 0 00-4.2-4.2l-1 1" />
  <path d="M11.5 8.5a3 3 0 00-4.2 0l-2.8 2.8a3 3 0 004.2 4.2l1-1" />
`);

/** A bulleted list. */
export const bulletListIcon = icon(svg`
  <circle cx="4" cy="5.5" r="1.1" fill="currentColor" stroke="none" />
  <circle cx="4" cy="10" r="1.1" fill="currentColor" stroke="none" />
  <circle cx="4" cy="14.5" r="1.1" fill="currentColor" stroke="none" />
  <path d="M8 5.5h9M8 10h9M8 14.5h9" />
`);

/** A numbered list. */
export const orderedListIcon = icon(svg`
  <path d="M3 4.2l1.3-.7v4" stroke-width="1.3" />
  <path d="M2.8 12.2c.3-.6 1.9-.9 2 .2.1.9-2 1.8-2 2.9h2.2" stroke-width="1.3" />
  <path d="M8 5.5h9M8 10h9M8 14.5h9" />
`);

/** A checklist: ticked boxes next to lines. */
export const taskListIcon = icon(svg`
  <rect x="2.5" y="3" width="4.5" height="4.5" rx="1" stroke-width="1.3" />
  <path d="M3.5 5.2l1 1 1.7-2" stroke-width="1.2" />
  <rect x="2.5" y="11.5" width="4.5" height="4.5" rx="1" stroke-width="1.3" />
  <path d="M9.5 5.5h8M9.5 14h8" />
`);

/** Increase indent: lines with an arrow pointing in. */
export const indentIcon = icon(svg`<path d="M3 4h14M9 8h8M9 12h8M3 16h14M3 7.5l3 2.5-3 2.5" />`);

/** Decrease indent: lines with an arrow pointing out. */
export const outdentIcon = icon(svg`<path d="M3 4h14M9 8h8M9 12h8M3 16h14M6 7.5L3 10l3 2.5" />`);

/** Blockquote: a quotation mark. */
export const blockquoteIcon = icon(svg`
  <path d="M4 9.5h3.5v4.5H4zM4 9.5c0-2.5 1-4 3-4.5M11.5 9.5H15v4.5h-3.5zM11.5 9.5c0-2.5 1-4 3-4.5" />
`);

/** Horizontal line. */
export const horizontalRuleIcon = icon(svg`<path d="M2.5 10h15" stroke-width="2" /><path d="M5 5h10M5 15h10" stroke-width="1.2" />`);

/** Page break: two page halves with a dashed gap. */
export const pageBreakIcon = icon(svg`
  <path d="M4.5 2.5v5h11v-5M4.5 17.5v-5h11v5" />
  <path d="M2.5 10h2M7 10h2M11 10h2M15.5 10h2" />
`);

/** Table: a grid. */
export const tableIcon = icon(svg`<rect x="2.5" y="3.5" width="15" height="13" rx="1.2" /><path d="M2.5 8h15M2.5 12.3h15M7.5 3.5v13M12.5 3.5v13" />`);

/** Image: a picture with a mountain and the sun. */
export const imageIcon = icon(svg`
  <rect x="2.5" y="3.5" width="15" height="13" rx="1.5" />
  <circle cx="7" cy="8" r="1.5" />
  <path d="M2.5 14.5l4.5-4 3.5 3 2.5-2 4.5 4" />
`);

/** Undo: an arrow turning back. */
export const undoIcon = icon(svg`<path d="M7.5 5L4 8.5 7.5 12" /><path d="M4.5 8.5H12a4 4 0 010 8H9" />`);

/** Redo: an arrow turning forward. */
export const redoIcon = icon(svg`<path d="M12.5 5L16 8.5 12.5 12" /><path d="M15.5 8.5H8a4 4 0 000 8h3" />`);

/** Find: a magnifying glass. */
export const findIcon = icon(svg`<circle cx="8.5" cy="8.5" r="5" /><path d="M12.2 12.2l5 5" />`);

/** Previous (up) and next (down) chevrons for the find bar. */
export const chevronUpIcon = icon(svg`<path d="M5 12.5l5-5 5 5" />`);
/** Next match. */
export const chevronDownIcon = icon(svg`<path d="M5 7.5l5 5 5-5" />`);

/** A small down arrow after the label of a menu button. */
export const menuArrowIcon = html`<svg
  class="menu-arrow"
  viewBox="0 0 10 10"
  width="10"
  height="10"
  aria-hidden="true"
  focusable="false"
>
  <path d="M2 3.5l3 3 3-3" fill="none" stroke="currentColor" stroke-width="1.4" stroke-linecap="round" stroke-linejoin="round" />
</svg>`;

/** Close: a cross. */
export const closeIcon = icon(svg`<path d="M5 5l10 10M15 5L5 15" />`);

/** A tick, for the checked item of a menu. */
export const checkIcon = icon(svg`<path d="M4 10.5l4 4 8-9" />`);

import { html, svg } from 'lit';
import type { SVGTemplateResult, TemplateResult } from 'lit';

// 20×20 stroke icons drawn in currentColor. They are decorative: every button
// carries its own aria-label.

const icon = (body: SVGTemplateResult): TemplateResult =>
  html`<svg
    viewBox="0 0 20 20"
    width="20"
    height="20"
    fill="none"
    stroke="currentColor"
    stroke-width="1.6"
    stroke-linecap="round"
    stroke-linejoin="round"
    aria-hidden="true"
    focusable="false"
  >
    ${body}
  </svg>`;

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

/** Undo: an arrow turning back. */
export const undoIcon = icon(svg`<path d="M7.5 5L4 8.5 7.5 12" /><path d="M4.5 8.5H12a4 4 0 010 8H9" />`);

/** Redo: an arrow turning forward. */
export const redoIcon = icon(svg`<path d="M12.5 5L16 8.5 12.5 12" /><path d="M15.5 8.5H8a4 4 0 000 8h3" />`);

import { html, svg } from 'lit';
import type { SVGTemplateResult, TemplateResult } from 'lit';

// 20×20 stroke icons for the review controls, drawn in currentColor. They
// are decorative: every control carries its own accessible name.

const icon = (paths: SVGTemplateResult): TemplateResult =>
  html`<svg class="icon" viewBox="0 0 20 20" width="20" height="20" fill="none" stroke="currentColor" stroke-width="1.6"
    stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">${paths}</svg>`;

/** A speech bubble with a plus: add a comment. */
export const commentIcon = icon(svg`<path d="M4 4.5h12a1 1 0 0 1 1 1v7a1 1 0 0 1-1 1H9l-3.5 3v-3H4a1 1 0 0 1-1-1v-7a1 1 0 0 1 1-1z" /><path d="M10 6.8v4.4M7.8 9h4.4" />`);

/** A pen over a line: suggest changes. */
export const suggestIcon = icon(svg`<path d="M12.5 3.5l3 3-7.5 7.5H5v-3z" /><path d="M3 17h14" stroke-dasharray="2 2" />`);

/** A page with a side column: show or hide the review panel. */
export const panelIcon = icon(svg`<rect x="3" y="4" width="14" height="12" rx="1" /><path d="M12 4v12M13.8 7.5h1.4M13.8 10h1.4" />`);

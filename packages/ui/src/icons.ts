import { html, svg } from 'lit';
import type { SVGTemplateResult, TemplateResult } from 'lit';

// Toolbar icons shared by the elements: 20×20, drawn in currentColor, so they follow the theme and the
// disabled state. They are decorative: every control that shows one carries its own accessible name.

/** A 20×20 stroke icon around `body` (paths drawn with the current colour, 1.6 wide, round ends). */
export function strokeIcon(body: SVGTemplateResult): TemplateResult {
  return html`<svg
    class="icon"
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
}

/**
 * A stroke icon above a bar filled with `--swatch` (the colour a colour button would apply), or
 * `fallback` while none is set.
 */
export function swatchIcon(body: SVGTemplateResult, fallback = 'currentColor'): TemplateResult {
  return strokeIcon(svg`${body}<rect x="3" y="15.5" width="14" height="3" rx="0.8" stroke="currentColor" stroke-width="0.6" style="fill: var(--swatch, ${fallback})" />`);
}

/** Left alignment: ragged lines flush left. */
export const alignLeftIcon = strokeIcon(svg`<path d="M3 4.5h14M3 8.5h9M3 12.5h14M3 16.5h9" />`);
/** Centred text. */
export const alignCenterIcon = strokeIcon(svg`<path d="M3 4.5h14M5.5 8.5h9M3 12.5h14M5.5 16.5h9" />`);
/** Right alignment. */
export const alignRightIcon = strokeIcon(svg`<path d="M3 4.5h14M8 8.5h9M3 12.5h14M8 16.5h9" />`);
/** Justified text. */
export const alignJustifyIcon = strokeIcon(svg`<path d="M3 4.5h14M3 8.5h14M3 12.5h14M3 16.5h14" />`);

/** Text colour: an A over a bar in the current colour (`--swatch`). */
export const textColorIcon = swatchIcon(svg`<path d="M5.5 13.5L10 3l4.5 10.5M7.2 9.7h5.6" />`);

/** Clear formatting: a T struck through. */
export const clearFormattingIcon = strokeIcon(svg`<path d="M4 4.5h9M8.5 4.5V16M3.5 15l13-11" /><path d="M12.5 16.5l4-4" stroke-width="1.4" />`);

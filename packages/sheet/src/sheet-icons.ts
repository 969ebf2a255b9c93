import { strokeIcon, swatchIcon } from '@allmende/ui';
import { svg } from 'lit';
import type { TemplateResult } from 'lit';
import type { BorderPreset } from './borders.js';

// The sheet toolbar's own icons (the shared ones come from @allmende/ui), 20×20 in currentColor.

/** Vertical alignment: a bar at the top, an arrow up to it. */
export const valignTopIcon = strokeIcon(svg`<path d="M3 3.5h14M10 16.5V7M6.5 10.5L10 7l3.5 3.5" />`);
/** Vertical alignment: arrows meeting at a bar in the middle. */
export const valignMiddleIcon = strokeIcon(svg`<path d="M3 10h14M10 2.5V7M7.5 4.5L10 7l2.5-2.5M10 17.5V13M7.5 15.5L10 13l2.5 2.5" />`);
/** Vertical alignment: a bar at the bottom, an arrow down to it. */
export const valignBottomIcon = strokeIcon(svg`<path d="M3 16.5h14M10 3.5V13M6.5 9.5L10 13l3.5-3.5" />`);
/** Wrap text: a line that turns back under itself. */
export const wrapIcon = strokeIcon(svg`<path d="M3 5h14M3 10h11a2.5 2.5 0 010 5h-4M11.5 13l-2 2 2 2M3 15h4" />`);
/** Fill colour: a tipped bucket over a bar in the fill (`--swatch`). */
export const fillColorIcon = swatchIcon(svg`<path d="M3.5 7.5L8 3l5 5-4.5 4.5zM3.5 7.5H13" /><path d="M15.3 9c0 .9.8 1.4.8 2.2a.8.8 0 01-1.6 0c0-.8.8-1.3.8-2.2z" stroke-width="1.2" />`, 'transparent');
/** Format painter: a paint roller. */
export const formatPainterIcon = strokeIcon(svg`<path d="M4 3h10v4H4zM14 5h2.5v4.5H10V12" /><path d="M10 12v5" stroke-width="2.4" />`);

/** Each border preset's solid lines on a 2×2 grid of cells. */
const BORDER_LINES: Record<BorderPreset, string> = {
  all: 'M3 3h14v14H3zM10 3v14M3 10h14',
  outer: 'M3 3h14v14H3z',
  inner: 'M10 3v14M3 10h14',
  top: 'M3 3h14',
  bottom: 'M3 17h14',
  left: 'M3 3v14',
  right: 'M17 3v14',
  none: '',
};

/** A border preset: the 2×2 cells dotted, the lines the preset draws solid. */
export function borderIcon(preset: BorderPreset): TemplateResult {
  const solid = BORDER_LINES[preset];
  return strokeIcon(svg`<path d="M3 3h14v14H3zM10 3v14M3 10h14" stroke-width="1" stroke-dasharray="1 2" opacity="0.55" />${solid ? svg`<path d=${solid} stroke-linecap="square" />` : svg``}`);
}

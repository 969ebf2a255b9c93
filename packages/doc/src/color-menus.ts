import { setHighlight, setTextColor } from '@allmende/doc-model';
import { html } from 'lit';
import type { TemplateResult } from 'lit';
import type { DocTranslate } from './doc-messages.js';
import type { MenuItem } from './menu-button.js';

type ColorName = Parameters<DocTranslate>[0] & `color${string}`;

/**
 * Text colours offered in the toolbar. Each has a contrast of at least
 * 4.5:1 on white paper, so coloured text stays readable (WCAG 1.4.3).
 */
export const TEXT_COLORS: ReadonlyArray<readonly [ColorName, string]> = [
  ['colorBlack', '#000000'],
  ['colorGray', '#5f6368'],
  ['colorRed', '#c5221f'],
  ['colorOrange', '#b45309'],
  ['colorGreen', '#137333'],
  ['colorTeal', '#0f766e'],
  ['colorBlue', '#1d4ed8'],
  ['colorPurple', '#7e22ce'],
  ['colorPink', '#be185d'],
];

/** Highlight colours offered in the toolbar: light enough that black text on them keeps at least 4.5:1. */
export const HIGHLIGHT_COLORS: ReadonlyArray<readonly [ColorName, string]> = [
  ['colorYellow', '#ffff00'],
  ['colorLightGreen', '#b7f0b1'],
  ['colorLightBlue', '#bfdbfe'],
  ['colorLightPink', '#fbcfe8'],
  ['colorLightOrange', '#fed7aa'],
  ['colorLightGray', '#e5e7eb'],
];

const swatch = (color: string | null): TemplateResult =>
  html`<span class=${color ? 'swatch' : 'swatch none'} style=${color ? `background:${color}` : ''} aria-hidden="true"></span>`;

/**
 * The items of the text colour or highlight menu: "Automatic" / "No
 * highlight" first, then the palette, each with a swatch and its name (the
 * name, not the colour, is what screen readers read). The current colour is
 * checked; a colour not in the palette checks nothing.
 */
export function colorMenuItems(
  kind: 'text' | 'highlight',
  current: string | null,
  t: DocTranslate,
  run: (command: ReturnType<typeof setTextColor>) => void,
): MenuItem[] {
  const set = kind === 'text' ? setTextColor : setHighlight;
  const palette = kind === 'text' ? TEXT_COLORS : HIGHLIGHT_COLORS;
  return [
    {
      label: kind === 'text' ? t('automaticColor') : t('noHighlight'),
      icon: swatch(null),
      checked: current === null,
      run: () => run(set(null)),
    },
    ...palette.map(([name, color]) => ({
      label: t(name),
      icon: swatch(color),
      checked: current === color,
      run: () => run(set(color)),
    })),
  ];
}

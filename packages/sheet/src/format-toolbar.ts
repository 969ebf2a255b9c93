import type { BorderLine, CellStyle } from '@allmende/sheet-model';
import { STYLE_KEYS } from '@allmende/sheet-model';
import { alignCenterIcon, alignLeftIcon, alignRightIcon, clearFormattingIcon, textColorIcon } from '@allmende/ui';
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { SheetTranslate } from './sheet-messages.js';
import { BORDER_PRESETS } from './borders.js';
import type { BorderPreset } from './borders.js';
import { borderIcon, fillColorIcon, formatPainterIcon, valignBottomIcon, valignMiddleIcon, valignTopIcon, wrapIcon } from './sheet-icons.js';

/** What the formatting toolbar needs from the element. */
export interface FormatToolbarHost {
  /** The style of the active cell, for the pressed states. */
  readonly style: CellStyle;
  readonly format: string;
  readonly enabled: boolean;
  readonly painting: boolean;
  toggle(property: 'bold' | 'italic' | 'underline' | 'strike'): void;
  set(style: Partial<Record<keyof CellStyle, CellStyle[keyof CellStyle] | null>>): void;
  setFormat(format: string | null): void;
  paint(): void;
  /** Applies a border preset with a line weight to the selection. */
  border(preset: BorderPreset, line: BorderLine): void;
  /**
   * What goes at the start of the toolbar: the file menu (`<allmende-sheet-file-menu>`, Import…/Export…)
   * once the host wires it in; nothing until then.
   */
  readonly fileMenu?: TemplateResult | typeof nothing;
}

const BORDER_LABELS: Record<BorderPreset, 'borderAll' | 'borderOuter' | 'borderInner' | 'borderTop' | 'borderBottom' | 'borderLeft' | 'borderRight' | 'borderNone'> = {
  all: 'borderAll',
  outer: 'borderOuter',
  inner: 'borderInner',
  top: 'borderTop',
  bottom: 'borderBottom',
  left: 'borderLeft',
  right: 'borderRight',
  none: 'borderNone',
};


/** The number formats offered, with their labels' message ids. */
export const NUMBER_FORMAT_CHOICES = [
  ['', 'formatGeneral'],
  ['0.00', 'formatNumber'],
  ['#,##0.00 €', 'formatCurrency'],
  ['0%', 'formatPercent'],
  ['DD.MM.YYYY', 'formatDate'],
  ['@', 'formatText'],
] as const;

/**
 * The formatting toolbar: bold, italic, underline, strikethrough, text and
 * fill colour, horizontal alignment, wrap, number format and the format
 * painter. Toggle buttons say their state with `aria-pressed`.
 */
export function renderFormatToolbar(host: FormatToolbarHost, t: SheetTranslate): TemplateResult {
  const s = host.style;
  const off = !host.enabled;
  const toggle = (prop: 'bold' | 'italic' | 'underline' | 'strike', label: string, text: TemplateResult): TemplateResult =>
    html`<button type="button" title=${label} aria-label=${label} aria-pressed=${s[prop] ? 'true' : 'false'} ?disabled=${off} @click=${() => host.toggle(prop)}>${text}</button>`;
  const align = (value: 'left' | 'center' | 'right', label: string, icon: TemplateResult): TemplateResult =>
    html`<button type="button" title=${label} aria-label=${label} aria-pressed=${s.align === value ? 'true' : 'false'} ?disabled=${off} @click=${() => host.set({ align: s.align === value ? null : value })}>${icon}</button>`;
  const valign = (value: 'top' | 'middle' | 'bottom', label: string, icon: TemplateResult): TemplateResult =>
    html`<button type="button" title=${label} aria-label=${label} aria-pressed=${(s.valign ?? 'bottom') === value ? 'true' : 'false'} ?disabled=${off} @click=${() => host.set({ valign: value === 'bottom' ? null : value })}>${icon}</button>`;
  const textColor = s.color && /^#[0-9a-f]{6}$/i.test(s.color) ? s.color : '#000000';
  const fillColor = s.background && /^#[0-9a-f]{6}$/i.test(s.background) ? s.background : '#ffffff';
  const borderMenu = html`<span class="borders" role="group" aria-label=${t('borders')}>
    <select aria-label=${t('borderLine')} title=${t('borderLine')} ?disabled=${off}>
      <option value="thin">${t('lineThin')}</option>
      <option value="medium">${t('lineMedium')}</option>
      <option value="thick">${t('lineThick')}</option>
    </select>
    ${BORDER_PRESETS.map(
      (preset) => html`<button type="button" class="border-${preset}" title=${t(BORDER_LABELS[preset])} aria-label=${t(BORDER_LABELS[preset])} ?disabled=${off}
        @click=${(e: Event) => host.border(preset, ((e.currentTarget as HTMLElement).parentElement?.querySelector('select')?.value as BorderLine | undefined) ?? 'thin')}>${borderIcon(preset)}</button>`,
    )}
  </span>`;
  return html`<div class="toolbar" role="toolbar" aria-label=${t('formatToolbar')} part="toolbar">
    <span class="file-menu-slot">${host.fileMenu ?? nothing}</span>
    ${toggle('bold', t('bold'), html`<b>B</b>`)} ${toggle('italic', t('italic'), html`<i>I</i>`)}
    ${toggle('underline', t('underline'), html`<u>U</u>`)} ${toggle('strike', t('strike'), html`<s>S</s>`)}
    <label class="color" title=${t('textColor')} style="--swatch: ${textColor}">
      ${textColorIcon}
      <input type="color" aria-label=${t('textColor')} .value=${textColor} ?disabled=${off}
        @change=${(e: Event) => host.set({ color: (e.target as HTMLInputElement).value })} />
    </label>
    <label class="color" title=${t('fillColor')} style=${s.background ? `--swatch: ${fillColor}` : ''}>
      ${fillColorIcon}
      <input type="color" aria-label=${t('fillColor')} .value=${fillColor} ?disabled=${off}
        @change=${(e: Event) => host.set({ background: (e.target as HTMLInputElement).value })} />
    </label>
    ${align('left', t('alignLeft'), alignLeftIcon)} ${align('center', t('alignCenter'), alignCenterIcon)} ${align('right', t('alignRight'), alignRightIcon)}
    ${valign('top', t('alignTop'), valignTopIcon)} ${valign('middle', t('alignMiddle'), valignMiddleIcon)} ${valign('bottom', t('alignBottom'), valignBottomIcon)}
    <button type="button" title=${t('wrap')} aria-label=${t('wrap')} aria-pressed=${s.wrap ? 'true' : 'false'} ?disabled=${off} @click=${() => host.set({ wrap: s.wrap ? null : true })}>${wrapIcon}</button>
    <select aria-label=${t('numberFormat')} ?disabled=${off} @change=${(e: Event) => host.setFormat((e.target as HTMLSelectElement).value || null)}>
      ${NUMBER_FORMAT_CHOICES.map(([code, key]) => html`<option value=${code} ?selected=${host.format === code}>${t(key)}</option>`)}
    </select>
    ${borderMenu}
    <button type="button" title=${t('formatPainter')} aria-label=${t('formatPainter')} aria-pressed=${host.painting ? 'true' : 'false'} ?disabled=${off} @click=${() => host.paint()}>${formatPainterIcon}</button>
    <button type="button" title=${t('clearFormats')} aria-label=${t('clearFormats')} ?disabled=${off} @click=${() => host.set(Object.fromEntries(STYLE_KEYS.map((k) => [k, null])))}>${clearFormattingIcon}</button>
  </div>`;
}

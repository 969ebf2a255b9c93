import type { CellStyle } from '@allmende/sheet-model';
import { html } from 'lit';
import type { TemplateResult } from 'lit';
import type { SheetTranslate } from './sheet-messages.js';

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
}

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
  const align = (value: 'left' | 'center' | 'right', label: string, glyph: string): TemplateResult =>
    html`<button type="button" title=${label} aria-label=${label} aria-pressed=${s.align === value ? 'true' : 'false'} ?disabled=${off} @click=${() => host.set({ align: s.align === value ? null : value })}>${glyph}</button>`;
  return html`<div class="toolbar" role="toolbar" aria-label=${t('formatToolbar')} part="toolbar">
    ${toggle('bold', t('bold'), html`<b>B</b>`)} ${toggle('italic', t('italic'), html`<i>I</i>`)}
    ${toggle('underline', t('underline'), html`<u>U</u>`)} ${toggle('strike', t('strike'), html`<s>S</s>`)}
    <label class="color" title=${t('textColor')}>
      <span aria-hidden="true">A</span>
      <input type="color" aria-label=${t('textColor')} .value=${s.color && /^#[0-9a-f]{6}$/i.test(s.color) ? s.color : '#000000'} ?disabled=${off}
        @change=${(e: Event) => host.set({ color: (e.target as HTMLInputElement).value })} />
    </label>
    <label class="color" title=${t('fillColor')}>
      <span aria-hidden="true">▧</span>
      <input type="color" aria-label=${t('fillColor')} .value=${s.background && /^#[0-9a-f]{6}$/i.test(s.background) ? s.background : '#ffffff'} ?disabled=${off}
        @change=${(e: Event) => host.set({ background: (e.target as HTMLInputElement).value })} />
    </label>
    ${align('left', t('alignLeft'), '⇤')} ${align('center', t('alignCenter'), '↔')} ${align('right', t('alignRight'), '⇥')}
    <button type="button" title=${t('wrap')} aria-label=${t('wrap')} aria-pressed=${s.wrap ? 'true' : 'false'} ?disabled=${off} @click=${() => host.set({ wrap: s.wrap ? null : true })}>↵</button>
    <select aria-label=${t('numberFormat')} ?disabled=${off} @change=${(e: Event) => host.setFormat((e.target as HTMLSelectElement).value || null)}>
      ${NUMBER_FORMAT_CHOICES.map(([code, key]) => html`<option value=${code} ?selected=${host.format === code}>${t(key)}</option>`)}
    </select>
    <button type="button" title=${t('formatPainter')} aria-label=${t('formatPainter')} aria-pressed=${host.painting ? 'true' : 'false'} ?disabled=${off} @click=${() => host.paint()}>✎</button>
    <button type="button" title=${t('clearFormats')} aria-label=${t('clearFormats')} ?disabled=${off} @click=${() => host.set({ bold: null, italic: null, underline: null, strike: null, color: null, background: null, align: null, valign: null, wrap: null, fontSize: null })}>⌫</button>
  </div>`;
}

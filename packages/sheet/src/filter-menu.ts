import { formatAddress } from '@allmende/sheet-model';
import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { HEADER_HEIGHT, HEADER_WIDTH } from './grid-view.js';
import type { SheetHost } from './sheet-host.js';

/** The value list of a column filter while it is open: the column, where, and the texts unticked so far. */
interface FilterMenuState {
  col: number;
  x: number;
  y: number;
  hidden: Set<string>;
  values: string[];
}

/**
 * The shared column filter: turning a header row on and off, and the value list (tick or untick
 * the shown texts) of one column, written to the document's filter map with the workbook's undo origin.
 */
export class FilterMenu {
  private state: FilterMenuState | null = null;

  constructor(private readonly host: SheetHost) {}

  /** Whether the value list is open. */
  get open(): boolean {
    return this.state !== null;
  }

  private set(state: FilterMenuState | null): void {
    this.state = state;
    this.host.requestUpdate();
  }

  /** Makes the active cell's row the filter's header row, or turns the filter off. */
  setHeader(on: boolean): void {
    const core = this.host.core;
    const row = core.active?.r ?? null;
    this.host.run(() => core.filters!.setHeaderRow(core.sheetId, on ? row : null, core.wb!.editOrigin));
  }

  /** Opens the value list of a column's filter below its header cell. */
  openColumn(col: number): void {
    const host = this.host;
    const core = host.core;
    const wb = core.wb;
    const header = core.filterHeader();
    if (!wb || !core.filters || header < 0) return;
    const colId = wb.colIds(core.sheetName)[col];
    if (!colId) return;
    const values = new Set<string>();
    const last = core.dataEnd(null).row;
    for (let r = header + 1; r <= last && values.size < 1000; r++) values.add(wb.getDisplay(core.sheetName, formatAddress(r, col)));
    const hidden = new Set(core.filters.hidden(core.sheetId, colId));
    for (const v of hidden) values.add(v);
    const rect = host.view.cellRect(header, col);
    const box = host.view.scroller.getBoundingClientRect();
    this.set({
      col,
      x: box.left + (rect ? rect.x : HEADER_WIDTH),
      y: box.top + (rect ? rect.y + rect.h : HEADER_HEIGHT),
      hidden,
      values: [...values].sort((a, b) => a.localeCompare(b, host.locale, { numeric: true })),
    });
    void host.updateComplete.then(() => host.renderRoot.querySelector<HTMLInputElement>('.filter-menu input')?.focus());
  }

  private close(apply: boolean): void {
    const host = this.host;
    const core = host.core;
    const menu = this.state;
    this.set(null);
    host.view.scroller.focus({ preventScroll: true });
    const wb = core.wb;
    if (!apply || !menu || !wb || !core.filters) return;
    const colId = wb.colIds(core.sheetName)[menu.col];
    if (!colId) return;
    if (!host.editable) {
      host.notify(host.t('readOnlyNotice'));
      return;
    }
    core.filters.setHidden(core.sheetId, colId, menu.hidden, wb.editOrigin);
    host.invalidate();
  }

  /** The value list, while open. */
  render(): TemplateResult {
    const t = this.host.t;
    const menu = this.state!;
    const toggle = (value: string, shown: boolean): void => {
      const hidden = new Set(menu.hidden);
      if (shown) hidden.delete(value);
      else hidden.add(value);
      this.set({ ...menu, hidden });
    };
    return html`<div
      class="context-menu filter-menu"
      role="dialog"
      aria-label=${t('filterColumn')}
      style="left:${menu.x}px;top:${menu.y}px"
      @keydown=${(e: KeyboardEvent) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          this.close(false);
        }
      }}
    >
      <div class="filter-values">
        ${menu.values.map(
          (value) => html`<label
            ><input type="checkbox" .checked=${!menu.hidden.has(value)} @change=${(e: Event) => toggle(value, (e.target as HTMLInputElement).checked)} />
            ${value === '' ? t('emptyValue') : value}</label
          >`,
        )}
      </div>
      <div class="filter-actions">
        <button type="button" @click=${() => this.close(true)}>${t('apply')}</button>
        <button type="button" @click=${() => this.close(false)}>${t('cancel')}</button>
      </div>
    </div>`;
  }
}

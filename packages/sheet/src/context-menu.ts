import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { FilterMenu } from './filter-menu.js';
import type { SheetActions } from './sheet-actions.js';
import { isWholeCols, isWholeRows, selectionRange } from './selection.js';
import type { SheetHost } from './sheet-host.js';

/**
 * The cell context menu (right click, the context-menu key or Shift+F10): undo, redo, insert and
 * delete rows and columns, sort, clear, and the filter. A `role="menu"` moved by the arrow keys.
 */
export class ContextMenu {
  private at: { x: number; y: number } | null = null;

  constructor(
    private readonly host: SheetHost,
    private readonly actions: SheetActions,
    private readonly filter: FilterMenu,
  ) {}

  /** Whether the menu is open. */
  get open(): boolean {
    return this.at !== null;
  }

  /** A right click on the grid. */
  readonly onContextMenu = (event: MouseEvent): void => {
    event.preventDefault();
    this.show(event.clientX, event.clientY);
  };

  /** Opens the menu at a viewport position (kept inside the viewport) and focuses its first item. */
  show(x: number, y: number): void {
    const host = this.host;
    this.at = { x, y };
    host.requestUpdate();
    void host.updateComplete.then(() => {
      const menu = host.renderRoot.querySelector<HTMLElement>('.context-menu');
      if (!menu) return;
      const w = menu.offsetWidth;
      const h = menu.offsetHeight;
      const vw = host.ownerDocument.documentElement.clientWidth;
      const vh = host.ownerDocument.documentElement.clientHeight;
      menu.style.left = `${Math.max(4, Math.min(x, vw - w - 4))}px`;
      menu.style.top = `${Math.max(4, Math.min(y, vh - h - 4))}px`;
      menu.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus();
    });
  }

  private close(): void {
    this.at = null;
    this.host.requestUpdate();
    this.host.view.scroller.focus({ preventScroll: true });
  }

  /** The menu, while open. */
  render(): TemplateResult {
    const { host, actions, filter } = this;
    const t = host.t;
    const core = host.core;
    const r = selectionRange(core.selection());
    const nRows = r.r1 - r.r0 + 1;
    const nCols = r.c1 - r.c0 + 1;
    const off = !host.editable;
    const item = (label: string, action: () => void, disabled = off): TemplateResult =>
      html`<button type="button" role="menuitem" tabindex="-1" ?disabled=${disabled} @click=${() => {
        this.close();
        action();
      }}>${label}</button>`;
    // Hiding counts the lines that will disappear; lines hidden already are offered to be shown.
    const hiddenRows = core.hiddenCount('rows', r.r0, r.r1);
    const hiddenCols = core.hiddenCount('cols', r.c0, r.c1);
    const wholeCols = isWholeCols(r, core.bounds());
    const wholeRows = isWholeRows(r, core.bounds());
    const keys = (event: KeyboardEvent): void => {
      const items = [...(event.currentTarget as HTMLElement).querySelectorAll<HTMLButtonElement>('button:not(:disabled)')];
      const i = items.indexOf(host.renderRoot.activeElement as HTMLButtonElement);
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const n = items.length;
        items[(i + (event.key === 'ArrowDown' ? 1 : n - 1)) % n]?.focus();
      } else if (event.key === 'Home' || event.key === 'End') {
        event.preventDefault();
        items[event.key === 'Home' ? 0 : items.length - 1]?.focus();
      } else if (event.key === 'Escape' || event.key === 'Tab') {
        event.preventDefault();
        this.close();
      }
    };
    const undo = core.wb?.undoManager;
    return html`<div
      class="context-menu"
      role="menu"
      aria-label=${t('contextMenu')}
      style="left:${this.at!.x}px;top:${this.at!.y}px"
      @keydown=${keys}
      @focusout=${(event: FocusEvent) => {
        if (!(event.currentTarget as HTMLElement).contains(event.relatedTarget as Node | null)) {
          this.at = null;
          host.requestUpdate();
        }
      }}
    >
      ${item(t('undo'), () => actions.undoRedo(false), off || !undo?.canUndo())}
      ${item(t('redo'), () => actions.undoRedo(true), off || !undo?.canRedo())}
      <hr />
      ${wholeCols ? nothing : item(t('insertRowsAbove', nRows), () => actions.structural('rowsAbove'))}
      ${wholeCols ? nothing : item(t('insertRowsBelow', nRows), () => actions.structural('rowsBelow'))}
      ${wholeCols ? nothing : item(t('deleteRows', nRows), () => actions.structural('deleteRows'))}
      ${wholeRows ? nothing : item(t('insertColsLeft', nCols), () => actions.structural('colsLeft'))}
      ${wholeRows ? nothing : item(t('insertColsRight', nCols), () => actions.structural('colsRight'))}
      ${wholeRows ? nothing : item(t('deleteCols', nCols), () => actions.structural('deleteCols'))}
      <hr />
      ${wholeCols || hiddenRows === nRows ? nothing : item(t('hideRows', nRows - hiddenRows), () => actions.setHidden('rows', true))}
      ${hiddenRows > 0 ? item(t('showRows'), () => actions.setHidden('rows', false)) : nothing}
      ${wholeRows || hiddenCols === nCols ? nothing : item(t('hideCols', nCols - hiddenCols), () => actions.setHidden('cols', true))}
      ${hiddenCols > 0 ? item(t('showCols'), () => actions.setHidden('cols', false)) : nothing}
      <hr />
      ${item(t('sortAscending'), () => actions.sort(false))} ${item(t('sortDescending'), () => actions.sort(true))}
      <hr />
      ${item(t('clearContents'), () => actions.clearContents())} ${item(t('clearFormats'), () => actions.clearFormats())}
      <hr />
      ${core.filterHeader() < 0
        ? item(t('filterOn'), () => filter.setHeader(true))
        : html`${item(t('filterColumn'), () => filter.openColumn(core.selection().active.col), false)}
          ${item(t('filterOff'), () => filter.setHeader(false))}`}
    </div>`;
  }
}

import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { SheetTranslate } from './sheet-messages.js';

/** What the sheet tabs need from the element. */
export interface SheetTabsHost {
  /** Sheets in order: id and shown name. */
  readonly sheets: readonly { readonly id: string; readonly name: string; readonly color?: string | undefined }[];
  readonly activeId: string;
  readonly enabled: boolean;
  /** The sheet being renamed, or ''. */
  readonly renaming: string;
  /** The sheet whose deletion waits for confirmation, or ''. */
  readonly confirmingDelete: string;
  select(id: string): void;
  add(): void;
  startRename(id: string): void;
  rename(id: string, name: string | null): void;
  askDelete(id: string | null): void;
  confirmDelete(id: string): void;
  move(id: string, index: number): void;
  /** The sheet whose colour menu is open, or ''. */
  readonly colorMenu: string;
  /** Opens the colour menu of a tab (null closes it). */
  openColorMenu(id: string | null): void;
  /** Sets a tab's colour (`#rrggbb`), or removes it (null). */
  setColor(id: string, color: string | null): void;
}

/** The tab colours offered (readable with dark or light text on the strip they draw). */
export const TAB_COLORS = ['#c62828', '#ef6c00', '#f9a825', '#2e7d32', '#00838f', '#1565c0', '#6a1b9a', '#ad1457', '#546e7a'] as const;

/**
 * The sheet tabs: a tab list (arrow keys move between tabs), a button to add
 * a sheet, renaming by double-click or F2 on a tab, reordering by dragging a
 * tab, deleting with a confirmation, and a tab colour (right click, the
 * context-menu key or Shift+F10 on a tab), drawn as a strip under its name.
 */
export function renderSheetTabs(host: SheetTabsHost, t: SheetTranslate): TemplateResult {
  const keys = (event: KeyboardEvent, index: number, id: string): void => {
    const n = host.sheets.length;
    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      event.preventDefault();
      const next = host.sheets[(index + (event.key === 'ArrowRight' ? 1 : n - 1)) % n]!;
      host.select(next.id);
      void Promise.resolve().then(() => ((event.currentTarget as HTMLElement | null)?.parentElement?.querySelector(`[data-sheet="${next.id}"]`) as HTMLElement | null)?.focus());
    } else if (event.key === 'F2' && host.enabled) {
      event.preventDefault();
      host.startRename(id);
    } else if ((event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey)) && host.enabled) {
      event.preventDefault();
      host.openColorMenu(id);
    } else if (event.key === 'Delete' && host.enabled && n > 1) {
      event.preventDefault();
      host.askDelete(id);
    }
  };
  const confirming = host.sheets.find((s) => s.id === host.confirmingDelete);
  const coloring = host.sheets.find((s) => s.id === host.colorMenu);
  const colorMenu = coloring
    ? html`<div
        class="tab-colors"
        role="menu"
        aria-label=${t('tabColorMenu', coloring.name)}
        @focusout=${(e: FocusEvent) => {
          if (!(e.currentTarget as HTMLElement).contains(e.relatedTarget as Node | null)) host.openColorMenu(null);
        }}
        @keydown=${(e: KeyboardEvent) => {
          const items = [...(e.currentTarget as HTMLElement).querySelectorAll<HTMLButtonElement>('button')];
          const i = items.indexOf(e.target as HTMLButtonElement);
          if (e.key === 'Escape') {
            e.preventDefault();
            host.openColorMenu(null);
          } else if (e.key === 'ArrowRight' || e.key === 'ArrowDown' || e.key === 'ArrowLeft' || e.key === 'ArrowUp') {
            e.preventDefault();
            const step = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : items.length - 1;
            items[(Math.max(0, i) + step) % items.length]?.focus();
          }
        }}
      >
        ${TAB_COLORS.map(
          (color) => html`<button type="button" role="menuitemradio" class="swatch" style="--swatch:${color}" aria-label=${color}
            aria-checked=${coloring.color === color ? 'true' : 'false'} title=${color} @click=${() => host.setColor(coloring.id, color)}></button>`,
        )}
        <button type="button" role="menuitemradio" class="swatch none" aria-checked=${coloring.color ? 'false' : 'true'} @click=${() => host.setColor(coloring.id, null)}>${t('tabColorNone')}</button>
      </div>`
    : nothing;
  return html`<div class="tabs" part="tabs">
    <div role="tablist" aria-label=${t('sheets')}>
      ${host.sheets.map((sheet, index) =>
        host.renaming === sheet.id
          ? html`<input
              class="tab-rename"
              aria-label=${t('renameSheet')}
              .value=${sheet.name}
              @keydown=${(e: KeyboardEvent) => {
                if (e.key === 'Enter') host.rename(sheet.id, (e.target as HTMLInputElement).value);
                else if (e.key === 'Escape') host.rename(sheet.id, null);
              }}
              @blur=${(e: FocusEvent) => host.rename(sheet.id, (e.target as HTMLInputElement).value)}
            />`
          : html`<button
              type="button"
              role="tab"
              data-sheet=${sheet.id}
              aria-selected=${sheet.id === host.activeId ? 'true' : 'false'}
              tabindex=${sheet.id === host.activeId ? '0' : '-1'}
              draggable=${host.enabled ? 'true' : 'false'}
              title=${host.enabled ? t('tabHint') : sheet.name}
              @click=${() => host.select(sheet.id)}
              @dblclick=${() => host.enabled && host.startRename(sheet.id)}
              @contextmenu=${(e: MouseEvent) => {
                e.preventDefault();
                if (host.enabled) host.openColorMenu(sheet.id);
              }}
              style=${sheet.color ? `--tab-color:${sheet.color}` : ''}
              class=${sheet.color ? 'colored' : ''}
              @keydown=${(e: KeyboardEvent) => keys(e, index, sheet.id)}
              @dragstart=${(e: DragEvent) => e.dataTransfer?.setData('application/x-allmende-sheet', sheet.id)}
              @dragover=${(e: DragEvent) => e.preventDefault()}
              @drop=${(e: DragEvent) => {
                e.preventDefault();
                const id = e.dataTransfer?.getData('application/x-allmende-sheet');
                if (id && id !== sheet.id) host.move(id, index);
              }}
            >${sheet.name}</button>`,
      )}
    </div>
    <button type="button" class="tab-add" aria-label=${t('addSheet')} title=${t('addSheet')} ?disabled=${!host.enabled} @click=${() => host.add()}>+</button>
    ${host.enabled && host.sheets.length > 1
      ? html`<button type="button" class="tab-delete" aria-label=${t('deleteSheet')} title=${t('deleteSheet')} @click=${() => host.askDelete(host.activeId)}>×</button>`
      : nothing}
    ${colorMenu}
    ${confirming
      ? html`<span class="confirm" role="alertdialog" aria-label=${t('deleteSheet')}>
          ${t('confirmDeleteSheet', confirming.name)}
          <button type="button" class="danger" @click=${() => host.confirmDelete(confirming.id)}>${t('delete')}</button>
          <button type="button" @click=${() => host.askDelete(null)}>${t('cancel')}</button>
        </span>`
      : nothing}
  </div>`;
}

import type { SheetHost } from './sheet-host.js';
import type { SheetTabsHost } from './sheet-tabs.js';

/**
 * What the sheet tabs show and do: the sheets with their colours, which tab is being renamed, whose
 * deletion waits for confirmation and whose colour menu is open; adding, renaming, deleting, moving
 * and colouring sheets through the engine (each an undoable change).
 */
export class SheetTabsController {
  private renaming = '';
  private confirmingDelete = '';
  private colorMenu = '';

  constructor(private readonly host: SheetHost) {}

  private set(change: () => void): void {
    change();
    this.host.requestUpdate();
  }

  /** The tabs' view of the workbook; only while a workbook is bound. */
  tabs(): SheetTabsHost {
    const host = this.host;
    const core = host.core;
    const wb = core.wb!;
    const root = host.renderRoot;
    return {
      sheets: wb.sheets().map(({ id, name }) => ({ id, name, color: wb.getSheetColor(name) })),
      colorMenu: this.colorMenu,
      openColorMenu: (id) => {
        this.set(() => (this.colorMenu = id ?? ''));
        if (id) void host.updateComplete.then(() => root.querySelector<HTMLButtonElement>('.tab-colors button[aria-checked="true"]')?.focus());
      },
      setColor: (id, color) => {
        this.set(() => (this.colorMenu = ''));
        const name = wb.sheetNameById(id);
        if (name !== undefined) host.run(() => wb.setSheetColor(name, color));
        root.querySelector<HTMLElement>(`[role="tab"][data-sheet="${id}"]`)?.focus();
      },
      activeId: core.sheetId,
      enabled: host.editable,
      renaming: this.renaming,
      confirmingDelete: this.confirmingDelete,
      select: (id) => host.showSheet(id),
      add: () => {
        const taken = new Set(wb.sheetNames().map((n) => n.toLowerCase()));
        let n = wb.sheetNames().length + 1;
        while (taken.has(host.t('newSheetName', n).toLowerCase())) n++;
        const name = host.t('newSheetName', n);
        host.run(() => wb.addSheet(name));
        const id = wb.sheets().find((sheet) => sheet.name === name)?.id;
        if (id) host.showSheet(id);
      },
      startRename: (id) => {
        this.set(() => (this.renaming = id));
        void host.updateComplete.then(() => root.querySelector<HTMLInputElement>('.tab-rename')?.select());
      },
      rename: (id, name) => {
        if (this.renaming !== id) return;
        this.set(() => (this.renaming = ''));
        const current = wb.sheetNameById(id);
        if (name !== null && current !== undefined && name.trim() && name.trim() !== current) host.run(() => wb.renameSheet(current, name.trim()));
        host.view.scroller.focus({ preventScroll: true });
      },
      askDelete: (id) => {
        this.set(() => (this.confirmingDelete = id ?? ''));
      },
      confirmDelete: (id) => {
        this.set(() => (this.confirmingDelete = ''));
        const name = wb.sheetNameById(id);
        if (name === undefined) return;
        host.run(() => wb.deleteSheet(name));
        host.showSheet(wb.sheets()[0]?.id ?? '');
      },
      move: (id, index) => {
        const name = wb.sheetNameById(id);
        if (name !== undefined) host.run(() => wb.moveSheet(name, index));
      },
    };
  }
}

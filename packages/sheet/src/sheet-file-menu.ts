import { AllmendeElement, fileSizeLimit, formStyles, LocaleController } from '@allmende/ui';
import type { AllmendeMenuCloseEvent } from '@allmende/ui';
import type { SheetImportResult, Workbook } from '@allmende/sheet-model';
import { css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import {
  applySheetFile,
  formatOfSheetFileName,
  importedCellCount,
  importErrorMessage,
  importWarningsMessage,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_CELLS,
  readSheetFile,
  SHEET_FILE_FORMATS,
  sheetExportName,
  writeSheetFile,
} from './sheet-file-actions.js';
import type { SheetFileFormat } from './sheet-file-actions.js';
import { sheetFileMessages } from './sheet-file-messages.js';

/** Details of {@link SheetFileImportedEvent}. */
export interface SheetFileImportedDetail {
  /** The names of the sheets the import added, as shown. */
  readonly sheets: readonly string[];
  readonly mode: 'replace' | 'new-sheets';
  /** The file's name. */
  readonly name: string;
}

/**
 * Fired (bubbling, composed) after a file was imported into the workbook, so the host can show the first imported
 * sheet: `event.detail.sheets[0]`.
 */
export class SheetFileImportedEvent extends CustomEvent<SheetFileImportedDetail> {
  static readonly eventName = 'allmende-sheet-file-imported' as const;

  constructor(detail: SheetFileImportedDetail) {
    super(SheetFileImportedEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

type MenuId = 'import' | 'export';

/** A file that was read and waits for the choice between replacing and adding. */
interface PendingImport {
  readonly name: string;
  readonly result: SheetImportResult;
}

/**
 * `<allmende-sheet-file-menu>`: the spreadsheet's Import… and Export… menu buttons, for the toolbar of
 * `<allmende-sheet>`.
 *
 * Import… offers ODS, XLSX, CSV and TSV. The file is read completely first (nothing changes until then); then a
 * dialog asks whether to replace all sheets or add the file's sheets as new ones. Either is ONE Yjs transaction with
 * the workbook's own origin: every collaborator sees it at once and one Undo takes it back. Errors and warnings are
 * announced, translated, in the element's status line (`role="status"`).
 *
 * Export… downloads the workbook as ODS or XLSX, or the current sheet as CSV (`;` and decimal comma for German).
 *
 * Properties (set as JavaScript properties): `workbook` (the element's `Workbook`), `sheet` (the name of the sheet
 * shown), `documentName` (names exported files), `disabled` (read-only documents: Import is unavailable).
 *
 * @fires {SheetFileImportedEvent} allmende-sheet-file-imported - After an import; `detail.sheets` names the sheets it added.
 */
export class AllmendeSheetFileMenu extends AllmendeElement {
  static override properties = {
    workbook: { attribute: false },
    sheet: { type: String },
    documentName: { type: String, attribute: 'document-name' },
    disabled: { type: Boolean, reflect: true },
    openMenu: { state: true },
    pending: { state: true },
    message: { state: true },
  };

  static override styles = [
    AllmendeElement.styles,
    formStyles,
    css`
      :host {
        display: inline-flex;
        align-items: center;
        gap: 2px;
        /* The buttons sit in the sheet's toolbar: its colours, not the theme's (the sheet has no dark colours yet). */
        color: inherit;
      }
      .menu-anchor {
        position: relative;
        display: inline-flex;
      }
      /* Like the sheet's toolbar buttons. */
      button[aria-haspopup] {
        min-width: 2rem;
        height: 2rem;
        padding: 0 0.5rem;
        border: 1px solid transparent;
        border-radius: 4px;
        background: none;
        font: inherit;
        color: inherit;
        cursor: pointer;
      }
      button[aria-haspopup]:hover:not([aria-disabled='true']),
      button[aria-haspopup][aria-expanded='true'] {
        border-color: var(--allmende-border, #c8ccd2);
      }
      button[aria-haspopup][aria-disabled='true'] {
        color: #8a929b;
        cursor: default;
      }
      allmende-menu button {
        display: block;
        width: 100%;
        text-align: start;
      }
      .status {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip-path: inset(50%);
        white-space: nowrap;
      }
      .actions {
        display: flex;
        gap: 8px;
        margin-top: 12px;
      }
      .spacer {
        flex: 1;
      }
    `,
  ];

  /** The workbook that imports go into and exports come from; the menus are inert without one. */
  declare workbook: Workbook | null;
  /** The id of the sheet shown, which CSV export writes. */
  declare sheet: string;
  /** The document's name, from which exported files are named. */
  declare documentName: string;
  /** Read-only: the Import… menu is disabled (export stays available). */
  declare disabled: boolean;
  declare openMenu: MenuId | null;
  declare pending: PendingImport | null;
  /** The last announcement (import done, warnings, errors); hosts may show it too. */
  declare message: string;

  private readonly i18n = new LocaleController(this);
  private pickFormat: SheetFileFormat = 'ods';

  constructor() {
    super();
    this.workbook = null;
    this.sheet = '';
    this.documentName = '';
    this.disabled = false;
    this.openMenu = null;
    this.pending = null;
    this.message = '';
  }

  private get t() {
    return sheetFileMessages.translator(this.i18n.locale);
  }

  override render(): TemplateResult {
    const t = this.t;
    const accept = SHEET_FILE_FORMATS.find((info) => info.format === this.pickFormat)?.accept.join(',') ?? '';
    const importItems = [
      { label: t('formatOds'), run: () => this.pick('ods') },
      { label: t('formatXlsx'), run: () => this.pick('xlsx') },
      { label: t('formatCsv'), run: () => this.pick('csv') },
      { label: t('formatTsv'), run: () => this.pick('tsv') },
    ];
    const exportItems = [
      { label: t('formatOds'), run: () => this.download('ods') },
      { label: t('formatXlsx'), run: () => this.download('xlsx') },
      { label: t('formatCsvSheet', this.sheet), run: () => this.download('csv') },
    ];
    return html`${this.menu('import', t('fileImport'), importItems, this.disabled || !this.workbook)}${this.menu('export', t('fileExport'), exportItems, !this.workbook)}
      <input type="file" data-role="import-picker" accept=${accept} hidden aria-label=${t('importFileLabel')} @change=${this.onPicked} />
      <span class="status" role="status">${this.message}</span>
      <allmende-dialog label=${this.pending ? t('importTitle', this.pending.name) : ''} ?open=${this.pending !== null} @allmende-dialog-close=${this.onCancel}>
        <p>${t('importQuestion')}</p>
        <div class="actions">
          <span class="spacer"></span>
          <button type="button" @click=${this.onCancel}>${t('cancel')}</button>
          <button type="button" data-action="new-sheets" @click=${() => this.apply('new-sheets')}>${t('importAdd')}</button>
          <button type="button" data-action="replace" class="primary" @click=${() => this.apply('replace')}>${t('importReplace')}</button>
        </div>
      </allmende-dialog>`;
  }

  private menu(id: MenuId, label: string, items: readonly { label: string; run: () => void }[], unavailable: boolean): TemplateResult {
    const open = this.openMenu === id;
    const menuId = `sheet-file-${id}`;
    const close = (event: AllmendeMenuCloseEvent): void => {
      this.openMenu = null;
      if (event.reason === 'escape') this.renderRoot.querySelector<HTMLElement>(`button[aria-controls="${menuId}"]`)?.focus();
    };
    return html`<span class="menu-anchor">
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls=${menuId}
        aria-disabled=${unavailable ? 'true' : nothing}
        @click=${() => {
          if (!unavailable) this.openMenu = open ? null : id;
        }}
        @keydown=${(event: KeyboardEvent) => {
          if (event.key === 'ArrowDown' && !unavailable) {
            event.preventDefault();
            this.openMenu = id;
          }
        }}
      >
        ${label}
      </button>
      <allmende-menu id=${menuId} label=${label} align="end" ?open=${open} @allmende-menu-close=${close}>
        ${items.map(
          (item) =>
            html`<button
              type="button"
              role="menuitem"
              @mousedown=${(event: MouseEvent) => event.preventDefault()}
              @click=${() => {
                this.openMenu = null;
                item.run();
              }}
            >
              ${item.label}
            </button>`,
        )}
      </allmende-menu>
    </span>`;
  }

  /** Opens the file picker for a format. */
  pick(format: SheetFileFormat): void {
    if (this.disabled || !this.workbook) return;
    this.pickFormat = format;
    this.requestUpdate();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('input[data-role="import-picker"]')?.click());
  }

  private megabytes(bytes: number): string {
    return fileSizeLimit(bytes, this.i18n.locale);
  }

  /**
   * Reads a file and asks whether to replace or add. The format comes from the file name, else from the menu item
   * chosen. Public so hosts and tests can import a `File` without the picker.
   */
  async importFile(file: File, format: SheetFileFormat | null = null): Promise<void> {
    const t = this.t;
    const chosen = formatOfSheetFileName(file.name) ?? format;
    const fail = (reason: string): void => {
      this.message = t('importFailed', file.name, reason);
    };
    if (!chosen) return fail(t('fileError', 'unknown-format', ''));
    if (file.size > MAX_IMPORT_BYTES) return fail(t('fileError', 'too-large', this.megabytes(MAX_IMPORT_BYTES)));
    try {
      const result = readSheetFile(chosen, new Uint8Array(await file.arrayBuffer()), this.i18n.language === 'de' ? 'de' : 'en', file.name);
      const cells = importedCellCount(result);
      if (cells > MAX_IMPORT_CELLS) return fail(t('importTooManyCells', this.i18n.formatNumber(cells), this.i18n.formatNumber(MAX_IMPORT_CELLS)));
      this.pending = { name: file.name, result };
    } catch (error) {
      console.warn(`<allmende-sheet-file-menu>: import of ${file.name} failed:`, error);
      fail(importErrorMessage(t, error, this.megabytes(MAX_IMPORT_BYTES)));
    }
  }

  /** Replaces all sheets or adds the file's sheets: written in bounded transactions (sheet-model's import-chunks), one undo step, for everyone. */
  private apply(mode: 'replace' | 'new-sheets'): void {
    const pending = this.pending;
    const wb = this.workbook;
    this.pending = null;
    if (!pending || !wb) return;
    const t = this.t;
    try {
      const done = applySheetFile(wb, pending.result, mode);
      const warnings = importWarningsMessage(t, [...pending.result.warnings, ...done.warnings]);
      this.message = `${t('importDone', pending.name, done.sheets.length)}${warnings ? ' ' + warnings : ''}`;
      this.dispatchEvent(new SheetFileImportedEvent({ sheets: done.sheets, mode, name: pending.name }));
    } catch (error) {
      console.error('<allmende-sheet-file-menu>: import failed:', error);
      this.message = t('importFailed', pending.name, importErrorMessage(t, error, this.megabytes(MAX_IMPORT_BYTES)));
    }
  }

  private readonly onCancel = (): void => {
    this.pending = null;
  };

  private readonly onPicked = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    // Picking the same file again must fire `change` again.
    input.value = '';
    if (file) void this.importFile(file, this.pickFormat);
  };

  /** Downloads the workbook (ODS, XLSX) or the current sheet (CSV). */
  download(format: 'ods' | 'xlsx' | 'csv'): void {
    const wb = this.workbook;
    if (!wb) return;
    const t = this.t;
    const info = SHEET_FILE_FORMATS.find((candidate) => candidate.format === format)!;
    const sheet = this.sheet || wb.sheetNames()[0]!;
    let bytes: Uint8Array;
    try {
      bytes = writeSheetFile(wb, format, sheet);
    } catch (error) {
      console.error('<allmende-sheet-file-menu>: export failed:', error);
      this.message = t('exportFailed', error instanceof Error ? error.message : String(error));
      return;
    }
    const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: info.mimeType }));
    const link = document.createElement('a');
    link.href = url;
    link.download = sheetExportName(this.documentName, t('untitled'), info.extension, format === 'csv' ? sheet : undefined);
    link.hidden = true;
    this.renderRoot.appendChild(link);
    link.click();
    link.remove();
    // Revoke after the browser has started the download.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}

if (!customElements.get('allmende-sheet-file-menu')) customElements.define('allmende-sheet-file-menu', AllmendeSheetFileMenu);

declare global {
  interface HTMLElementTagNameMap {
    'allmende-sheet-file-menu': AllmendeSheetFileMenu;
  }
}

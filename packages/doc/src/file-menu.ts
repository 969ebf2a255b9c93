import {
  commentsFromYDoc,
  exportDocument,
  FILE_FORMATS,
  FileImportError,
  formatOfFileName,
  importDocument,
  DEFAULT_FILE_LIMITS,
  writeCommentsToYDoc,
} from '@allmende/doc-model';
import type { ExportWarning, FileFormat, ImportResult } from '@allmende/doc-model';
import { fileSizeLimit } from '@allmende/ui';
import { html } from 'lit';
import type { ReactiveController, TemplateResult } from 'lit';
import { Slice } from 'prosemirror-model';
import * as Y from 'yjs';
import type { EditorHost } from './editor-host.js';
import { exportFileName } from './export-file-name.js';
import { renderMenuButton } from './menu-button.js';
import type { MenuItem } from './menu-button.js';

type FileMenuId = 'import' | 'export';

/** An imported document waiting for the user to choose between replacing and inserting. */
interface PendingImport {
  readonly name: string;
  readonly result: ImportResult;
}

const FORMAT_LABELS: Record<FileFormat, 'formatOdt' | 'formatDocx' | 'formatMarkdown' | 'formatHtml'> = {
  odt: 'formatOdt',
  docx: 'formatDocx',
  markdown: 'formatMarkdown',
  html: 'formatHtml',
};

/**
 * The Import and Export menus of `<allmende-doc>`. Import reads ODT, DOCX,
 * Markdown or HTML with `@allmende/doc-model`'s importers (nothing in the
 * document changes until the file has been read completely), then asks
 * whether to replace the document or insert at the cursor; either is one
 * ProseMirror transaction, which the editor writes as one Yjs transaction
 * under this user's undo manager, so everyone sees it and Undo takes it
 * back in one step. The file's comment threads join that undo step, so
 * Undo takes them back too instead of leaving them orphaned. Files that
 * cannot be read are reported in the alert area with a translated reason.
 * Export downloads ODT, DOCX, Markdown or HTML named after the document
 * (and says what the format could not hold), or prints (for PDF) after a
 * hint.
 */
export class FileMenu implements ReactiveController {
  private openMenu: FileMenuId | null = null;
  private format: FileFormat = 'odt';
  private pending: PendingImport | null = null;

  constructor(
    private readonly host: EditorHost,
    /** The document's name, for the names of exported files. */
    private readonly documentName: () => string,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.openMenu = null;
    this.pending = null;
  }

  /** The two menu buttons, for the toolbar. */
  render(): TemplateResult {
    const t = this.host.t;
    const menu = (id: FileMenuId) => ({
      id: `menu-file-${id}`,
      open: this.openMenu === id,
      setOpen: (open: boolean) => {
        this.openMenu = open ? id : null;
        this.host.requestUpdate();
      },
      focusEditor: () => this.host.focusEditor(),
    });
    const importItems: MenuItem[] = FILE_FORMATS.map((info) => ({ label: t(FORMAT_LABELS[info.format]), run: () => this.pick(info.format) }));
    const exportItems: MenuItem[] = [
      ...FILE_FORMATS.map((info) => ({ label: t(FORMAT_LABELS[info.format]), run: () => this.download(info.format) })),
      { label: t('formatPdf'), run: () => this.print(), separated: true },
    ];
    return html`${renderMenuButton({
      ...menu('import'),
      label: t('fileImport'),
      content: html`<span class="text-label">${t('fileImport')}</span>`,
      unavailable: !this.host.editable,
      align: 'end',
      items: importItems,
    })}${renderMenuButton({
      ...menu('export'),
      label: t('fileExport'),
      content: html`<span class="text-label">${t('fileExport')}</span>`,
      unavailable: this.host.view === null,
      align: 'end',
      items: exportItems,
    })}`;
  }

  /** The hidden file input and the replace-or-insert dialog, for the element's template. */
  renderDialogs(): TemplateResult {
    const t = this.host.t;
    const accept = FILE_FORMATS.find((info) => info.format === this.format)?.accept.join(',') ?? '';
    return html`<input type="file" data-role="import-picker" accept=${accept} hidden aria-label=${t('importFileLabel')} @change=${this.onPicked} />
      <allmende-dialog label=${this.pending ? t('importTitle', this.pending.name) : ''} ?open=${this.pending !== null} @allmende-dialog-close=${this.onCancel}>
        <p>${t('importQuestion')}</p>
        <div class="actions">
          <span class="spacer"></span>
          <button type="button" @click=${this.onCancel}>${t('cancel')}</button>
          <button type="button" data-action="insert" @click=${() => this.apply('insert')}>${t('importInsert')}</button>
          <button type="button" data-action="replace" class="primary" @click=${() => this.apply('replace')}>${t('importReplace')}</button>
        </div>
      </allmende-dialog>`;
  }

  /** Opens the file picker for a format. */
  pick(format: FileFormat): void {
    if (!this.host.editable) return;
    this.format = format;
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => this.host.renderRoot.querySelector<HTMLInputElement>('input[data-role="import-picker"]')?.click());
  }

  /**
   * Reads a file and asks whether to replace or insert. The format comes
   * from the file name, else from the menu item chosen. Public so hosts
   * and tests can import a `File` without the picker.
   */
  async importFile(file: File, format: FileFormat | null = null): Promise<void> {
    const t = this.host.t;
    const chosen = formatOfFileName(file.name) ?? format;
    const fail = (reason: string): void => this.host.notify(t('importFailed', file.name, reason));
    if (!chosen) return fail(t('fileError', 'unknown-format', ''));
    // Refuse big files before reading them into memory.
    if (file.size > DEFAULT_FILE_LIMITS.maxFileBytes) return fail(t('fileError', 'too-large', this.formatMegabytes(DEFAULT_FILE_LIMITS.maxFileBytes)));
    let result: ImportResult;
    try {
      result = importDocument(chosen, new Uint8Array(await file.arrayBuffer()));
    } catch (error) {
      if (error instanceof FileImportError) {
        console.warn(`<allmende-doc>: import of ${file.name} failed: ${error.detail}`);
        return fail(t('fileError', error.code, this.formatMegabytes(DEFAULT_FILE_LIMITS.maxFileBytes)));
      }
      console.error('<allmende-doc>: import failed:', error);
      return fail(t('fileError', 'unreadable', ''));
    }
    this.pending = { name: file.name, result };
    this.host.requestUpdate();
  }

  private formatMegabytes(bytes: number): string {
    return fileSizeLimit(bytes, this.host.i18n.locale);
  }

  /** Replaces the document or inserts at the selection: one transaction, one undo step, for everyone. */
  private apply(mode: 'replace' | 'insert'): void {
    const pending = this.pending;
    this.pending = null;
    this.host.requestUpdate();
    if (!pending) return;
    const { result, name } = pending;
    // The import is an undo step of its own, not joined to the typing just before it.
    this.host.undoManager?.stopCapturing();
    const done = this.host.run((state, dispatch) => {
      const tr =
        mode === 'replace'
          ? state.tr.replaceWith(0, state.doc.content.size, result.doc.content)
          : state.tr.replaceSelection(new Slice(result.doc.content, 0, 0));
      dispatch?.(tr.scrollIntoView());
      return true;
    });
    if (!done) return;
    const warnings = [...result.warnings];
    if (result.comments.length > 0) {
      // Comments are positioned in the imported document: they fit only when it replaced everything.
      const shared = this.sharedText();
      let lost = result.comments.length;
      try {
        // Into the text's undo step: one undo takes back the text and its comments, leaving no orphaned threads.
        if (mode === 'replace' && shared) {
          lost = writeCommentsToYDoc(shared.doc, result.comments, { fragment: shared.fragment, schema: this.host.view?.state.schema, undoManager: shared.undoManager });
        }
      } catch (error) {
        // The text is in; comments that cannot be written are reported, not thrown from a click.
        console.error('<allmende-doc>: importing comments failed:', error);
      }
      if (lost > 0) warnings.push({ code: 'comments-dropped', count: lost });
    }
    const details = warnings.map((warning) => this.host.t('importWarning', warning.code, warning.count)).join(' ');
    this.host.notify(details ? this.host.t('importDoneWithWarnings', name, details) : this.host.t('importDone', name));
    this.host.focusEditor();
  }

  private readonly onCancel = (): void => {
    if (!this.pending) return;
    this.pending = null;
    this.host.requestUpdate();
    this.host.focusEditor();
  };

  private readonly onPicked = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    // Picking the same file again must fire `change` again.
    input.value = '';
    if (file) void this.importFile(file, this.format);
  };

  /** Downloads the document in a format. */
  private download(format: FileFormat): void {
    const view = this.host.view;
    if (!view) return;
    const info = FILE_FORMATS.find((candidate) => candidate.format === format)!;
    const name = exportFileName(this.documentName(), this.host.t('untitled'), info.extension);
    let bytes: Uint8Array;
    const warnings: ExportWarning[] = [];
    try {
      const shared = this.sharedText();
      const comments = shared ? commentsFromYDoc(shared.doc, { fragment: shared.fragment, schema: view.state.schema }) : [];
      bytes = exportDocument(format, view.state.doc, {
        title: name.replace(/\.[^.]+$/, ''),
        lang: this.host.i18n.locale,
        comments,
        onWarning: (warning) => warnings.push(warning),
      });
    } catch (error) {
      console.error('<allmende-doc>: export failed:', error);
      this.host.notify(this.host.t('exportFailed', error instanceof Error ? error.message : String(error)));
      return;
    }
    const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: info.mimeType }));
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.hidden = true;
    this.host.renderRoot.appendChild(link);
    link.click();
    link.remove();
    // Revoke after the browser has started the download.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    // What the format could not hold: comments in Markdown and HTML, blocks ODT and DOCX cannot nest.
    const t = this.host.t;
    const details = warnings.map((warning) => (warning.code === 'comments-dropped' ? t('exportCommentsDropped', warning.count) : t('exportWarning', warning.code, warning.count))).join(' ');
    if (details) this.host.notify(t('exportDoneWithWarnings', name, details));
  }

  /** The Y.Doc and fragment the editor is bound to (the undo manager's scope), where comments live. */
  private sharedText(): { doc: Y.Doc; fragment: Y.XmlFragment; undoManager: Y.UndoManager } | null {
    const undo = this.host.undoManager;
    const fragment = undo?.scope.find((type): type is Y.XmlFragment => type instanceof Y.XmlFragment);
    return undo && fragment ? { doc: undo.doc, fragment, undoManager: undo } : null;
  }

  /** PDF: the print layout (A4, page breaks) through the browser's print dialog, after saying how to get a PDF from it. */
  private print(): void {
    this.host.notify(this.host.t('pdfHint'));
    void this.host.updateComplete.then(() => setTimeout(() => window.print(), 50));
  }
}

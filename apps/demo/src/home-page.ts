import { DEFAULT_FILE_LIMITS } from '@allmende/doc-model';
import { fileErrorReason, fileSizeLimit } from '@allmende/ui';
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { repeat } from 'lit/directives/repeat.js';
import type { AppContext } from './app-context.js';
import type { AppTranslate } from './app-messages.js';
import { appHeader } from './app-header.js';
import { downloadExport } from './file-export.js';
import { kindIcon } from './kind-icon.js';
import { keepOrder, searchFiles } from './file-search.js';
import type { SortOrder } from './file-search.js';
import { EXPORT_FORMATS, IMPORT_EXTENSIONS, ImportRefusedError, prepareImport } from './file-transfer.js';
import { MAX_TITLE_LENGTH } from './file-title.js';
import { formatModified } from './relative-time.js';
import { filePath } from './routes.js';
import type { FileEntry, FileKind } from './workspace.js';
import { WorkspaceError } from './workspace-error.js';

const UNTITLED = { doc: 'untitledDoc', sheet: 'untitledSheet', calendar: 'untitledCalendar' } as const;
const KIND_LABEL = { doc: 'kindDoc', sheet: 'kindSheet', calendar: 'kindCalendar' } as const;

/**
 * The start page: the workspace's files (kind, title, last change) with
 * search and sort, New document / sheet / calendar, rename, delete (after a
 * confirmation dialog), export, and import by picking or dropping a file.
 */
export class HomePage {
  query = '';
  order: SortOrder = 'modified';
  /** A message about the last import, export or change that failed (shown in an alert). */
  notice = '';
  dragging = false;
  renaming: FileEntry | null = null;
  renameError = '';
  deleting: FileEntry | null = null;
  readonly #ctx: AppContext;
  #renameDialog: HTMLDialogElement | null = null;
  #deleteDialog: HTMLDialogElement | null = null;
  #fileInput: HTMLInputElement | null = null;
  #dragDepth = 0;
  /**
   * While the pointer is over the list or keyboard focus is in it, rows keep
   * their places: a file someone else changes does not jump to the top under
   * the pointer (a click would open the file that moved in), and a keyboard
   * user's next Tab goes where it went before. The order catches up when the
   * pointer and keyboard focus leave.
   * Hover and focus are read from the list when rendering, so a list removed
   * under the pointer (by opening a file) leaves no stale hold behind.
   */
  #list: HTMLElement | null = null;
  #shown: { query: string; order: SortOrder; ids: string[] } | null = null;
  // Stable callbacks: lit's ref() calls a replaced callback with undefined first.
  readonly #setRenameDialog = (el: Element | undefined): void => {
    this.#renameDialog = (el as HTMLDialogElement | undefined) ?? null;
  };
  readonly #setDeleteDialog = (el: Element | undefined): void => {
    this.#deleteDialog = (el as HTMLDialogElement | undefined) ?? null;
  };
  readonly #setFileInput = (el: Element | undefined): void => {
    this.#fileInput = (el as HTMLInputElement | undefined) ?? null;
  };
  readonly #setList = (el: Element | undefined): void => {
    this.#list = (el as HTMLElement | undefined) ?? null;
  };

  constructor(ctx: AppContext) {
    this.#ctx = ctx;
  }

  /** Starts listening for files dragged onto the page; returns a function that stops it. */
  listenForDrops(target: Document): () => void {
    const over = (event: DragEvent) => {
      if (!event.dataTransfer?.types.includes('Files')) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    };
    const enter = (event: DragEvent) => {
      if (!event.dataTransfer?.types.includes('Files')) return;
      this.#dragDepth++;
      if (!this.dragging) {
        this.dragging = true;
        this.#ctx.requestRender();
      }
    };
    const leave = () => {
      this.#dragDepth = Math.max(0, this.#dragDepth - 1);
      if (this.#dragDepth === 0 && this.dragging) {
        this.dragging = false;
        this.#ctx.requestRender();
      }
    };
    const drop = (event: DragEvent) => {
      event.preventDefault();
      this.#dragDepth = 0;
      this.dragging = false;
      const file = event.dataTransfer?.files[0];
      if (file) void this.importFile(file);
      else this.#ctx.requestRender();
    };
    target.addEventListener('dragover', over);
    target.addEventListener('dragenter', enter);
    target.addEventListener('dragleave', leave);
    target.addEventListener('drop', drop);
    return () => {
      target.removeEventListener('dragover', over);
      target.removeEventListener('dragenter', enter);
      target.removeEventListener('dragleave', leave);
      target.removeEventListener('drop', drop);
    };
  }

  /**
   * Imports a picked or dropped file as a new workspace file and opens it.
   * The file is read completely first: one that cannot be read creates
   * nothing and is explained in the notice.
   */
  async importFile(file: File): Promise<void> {
    const ctx = this.#ctx;
    const t = ctx.t;
    this.notice = t('importing', file.name);
    ctx.requestRender();
    try {
      const prepared = prepareImport(file.name, new Uint8Array(await file.arrayBuffer()), ctx.language);
      const entry = ctx.workspace.create({ kind: prepared.kind, title: prepared.title, by: ctx.name });
      ctx.pendingContent.set(entry.id, prepared.update);
      this.notice = '';
      ctx.navigate(filePath(entry.kind, entry.id));
    } catch (error) {
      if (error instanceof ImportRefusedError && error.reason === 'unsupported') this.notice = t('importUnsupported', file.name);
      else this.notice = t('importFailed', file.name, this.#reason(error));
      ctx.requestRender();
    }
  }

  /** Why a file could not be imported, as a sentence in the page's language (a reader's own English detail when it has no code). */
  #reason(error: unknown): string {
    const ctx = this.#ctx;
    if (!(error instanceof ImportRefusedError)) return fileErrorReason(ctx.language, 'unreadable');
    if (error.code === 'no-events') return ctx.t('importNoEvents');
    if (error.code === undefined) return error.detail;
    const reason = fileErrorReason(ctx.language, error.code, fileSizeLimit(DEFAULT_FILE_LIMITS.maxFileBytes, ctx.locale));
    // The shared reasons follow a colon; here the reason is a sentence of its own.
    return reason.charAt(0).toUpperCase() + reason.slice(1);
  }

  #create(kind: FileKind): void {
    const ctx = this.#ctx;
    const entry = ctx.workspace.create({ kind, title: ctx.t(UNTITLED[kind]), by: ctx.name });
    ctx.navigate(filePath(kind, entry.id));
  }

  #openRename(file: FileEntry): void {
    this.renaming = file;
    this.renameError = '';
    this.#ctx.requestRender();
    this.#renameDialog?.showModal();
  }

  #submitRename(event: SubmitEvent): void {
    event.preventDefault();
    const file = this.renaming;
    if (!file) return;
    const input = (event.currentTarget as HTMLFormElement).elements.namedItem('title') as HTMLInputElement;
    try {
      this.#ctx.workspace.rename(file.id, input.value, this.#ctx.name);
      this.renaming = null;
      this.#renameDialog?.close();
    } catch (error) {
      this.renameError = error instanceof WorkspaceError ? this.#ctx.t('errorTitle', error.code) : String(error);
      input.focus();
    }
    this.#ctx.requestRender();
  }

  #openDelete(file: FileEntry): void {
    this.deleting = file;
    this.#ctx.requestRender();
    this.#deleteDialog?.showModal();
  }

  #confirmDelete(): void {
    const file = this.deleting;
    this.deleting = null;
    this.#deleteDialog?.close();
    if (!file) return;
    try {
      this.#ctx.workspace.remove(file.id, this.#ctx.name);
    } catch (error) {
      this.notice = error instanceof WorkspaceError ? this.#ctx.t('errorTitle', error.code) : String(error);
    }
    this.#ctx.requestRender();
  }

  async #export(file: FileEntry, formatId: string, details: HTMLDetailsElement | null): Promise<void> {
    details?.removeAttribute('open');
    try {
      await downloadExport(this.#ctx, file, formatId);
    } catch (error) {
      this.notice = this.#ctx.t('exportFailed', error instanceof Error ? error.message : String(error));
      this.#ctx.requestRender();
    }
  }

  render(now: number): TemplateResult {
    const ctx = this.#ctx;
    const t = ctx.t;
    const all = ctx.workspace.list();
    const files = this.#inShownOrder(searchFiles(all, this.query, this.order, ctx.language));
    const accept = Object.keys(IMPORT_EXTENSIONS).join(',');
    return html`
      ${appHeader({ ctx, fileTitle: null })}
      <main id="main" class="home ${this.dragging ? 'dragging' : ''}" data-testid="home">
        <h1 tabindex="-1">${t('files')}</h1>
        <p class="lead">${t('lead')}</p>

        <div class="toolbar-row">
          <div class="new-buttons">
            <button type="button" class="primary" data-testid="new-doc" @click=${() => this.#create('doc')}>${kindIcon('doc')}${t('newDoc')}</button>
            <button type="button" class="primary" data-testid="new-sheet" @click=${() => this.#create('sheet')}>${kindIcon('sheet')}${t('newSheet')}</button>
            <button type="button" class="primary" data-testid="new-calendar" @click=${() => this.#create('calendar')}>${kindIcon('calendar')}${t('newCalendar')}</button>
          </div>
          <div class="import">
            <button type="button" data-testid="import" aria-describedby="import-hint" @click=${() => this.#fileInput?.click()}>${t('importFile')}</button>
            <input
              type="file"
              hidden
              accept=${accept}
              data-testid="import-input"
              ${ref(this.#setFileInput)}
              @change=${(event: Event) => {
                const input = event.target as HTMLInputElement;
                const file = input.files?.[0];
                input.value = '';
                if (file) void this.importFile(file);
              }}
            />
            <span id="import-hint" class="hint">${t('importHint')}</span>
          </div>
        </div>

        <p class="notice" role="alert" data-testid="notice">${this.notice}</p>

        <div class="list-controls">
          <label class="search">
            <span>${t('search')}</span>
            <input
              type="search"
              data-testid="search"
              .value=${this.query}
              @input=${(event: Event) => {
                this.query = (event.target as HTMLInputElement).value;
                ctx.requestRender();
              }}
            />
          </label>
          <label class="sort">
            <span>${t('sortBy')}</span>
            <select
              data-testid="sort"
              @change=${(event: Event) => {
                this.order = (event.target as HTMLSelectElement).value as SortOrder;
                ctx.requestRender();
              }}
            >
              <option value="modified" ?selected=${this.order === 'modified'}>${t('sortModified')}</option>
              <option value="name" ?selected=${this.order === 'name'}>${t('sortName')}</option>
            </select>
          </label>
          <span class="count" aria-live="polite">${t('fileCount', files.length)}</span>
        </div>

        ${files.length === 0
          ? html`<p class="empty" data-testid="empty">${all.length === 0 ? t('noFiles') : t('noMatches', this.query)}</p>`
          : html`<ul
              class="file-list"
              data-testid="file-list"
              ${ref(this.#setList)}
              @pointerleave=${() => ctx.requestRender()}
              @focusout=${(event: FocusEvent) => {
                const list = event.currentTarget as HTMLElement;
                if (!list.contains(event.relatedTarget as Node | null)) ctx.requestRender();
              }}
            >
              ${repeat(files, (file) => file.id, (file) => this.#row(file, now, t))}
            </ul>`}
        <div class="drop-overlay" aria-hidden="true">${t('dropHere')}</div>
      </main>
      ${this.#dialogs(t)}
    `;
  }

  /** `files` as sorted, or in the order last shown while the list is held (same search and sort only). */
  #inShownOrder(files: FileEntry[]): FileEntry[] {
    const shown = this.#shown;
    const list = this.#list;
    const held = list?.isConnected && (list.matches(':hover') || list.matches(':has(:focus-visible)')) && shown && shown.query === this.query && shown.order === this.order;
    const ordered = held ? keepOrder(files, shown.ids) : files;
    this.#shown = { query: this.query, order: this.order, ids: ordered.map((file) => file.id) };
    return ordered;
  }

  #row(file: FileEntry, now: number, t: AppTranslate): TemplateResult {
    const when = formatModified(file.modified, now, this.#ctx.language, t('justNow'));
    return html`
      <li class="file-row" data-testid="file-row" data-file-id=${file.id} data-kind=${file.kind}>
        <span class="kind-icon kind-${file.kind}" aria-hidden="true">${kindIcon(file.kind)}</span>
        <span class="file-main">
          <a class="file-title" href=${filePath(file.kind, file.id)} data-testid="file-link">${file.title}</a>
          <span class="file-meta"><span class="visually-hidden">${t(KIND_LABEL[file.kind])}, </span><time datetime=${new Date(file.modified).toISOString()}>${t('modifiedBy', when, file.modifiedBy)}</time></span>
        </span>
        <span class="file-actions">
          <button type="button" class="quiet" data-testid="rename" aria-label=${t('renameFile', file.title)} @click=${() => this.#openRename(file)}>${t('rename')}</button>
          <button type="button" class="quiet" data-testid="delete" aria-label=${t('deleteFile', file.title)} @click=${() => this.#openDelete(file)}>${t('delete')}</button>
          <details class="export-menu">
            <summary class="quiet" data-testid="export">Export<span class="visually-hidden"> ${file.title}</span></summary>
            <ul>
              ${EXPORT_FORMATS[file.kind].map(
                (format) => html`<li><button type="button" class="quiet" data-testid=${`export-${format.id}`} @click=${(event: Event) => void this.#export(file, format.id, (event.currentTarget as HTMLElement).closest('details'))}>${t('exportAs', format.label)}</button></li>`,
              )}
            </ul>
          </details>
        </span>
      </li>
    `;
  }

  #dialogs(t: AppTranslate): TemplateResult {
    const renaming = this.renaming;
    const deleting = this.deleting;
    return html`
      <dialog
        class="app-dialog"
        aria-labelledby="rename-heading"
        data-testid="rename-dialog"
        ${ref(this.#setRenameDialog)}
        @close=${() => (this.renaming = null)}
      >
        <form method="dialog" novalidate @submit=${(event: SubmitEvent) => this.#submitRename(event)}>
          <h2 id="rename-heading">${renaming ? t('renameFile', renaming.title) : t('rename')}</h2>
          <label for="rename-title">${t('title')}</label>
          <input
            id="rename-title"
            name="title"
            data-testid="rename-input"
            autocomplete="off"
            .value=${renaming?.title ?? ''}
            maxlength=${MAX_TITLE_LENGTH + 20}
            aria-invalid=${this.renameError ? 'true' : 'false'}
            aria-describedby="rename-error"
          />
          <p id="rename-error" class="error" role="alert" data-testid="rename-error">${this.renameError}</p>
          <div class="dialog-buttons">
            <button type="submit" class="primary" data-testid="rename-save">${t('save')}</button>
            <button type="button" @click=${() => this.#renameDialog?.close()}>${t('cancel')}</button>
          </div>
        </form>
      </dialog>
      <dialog
        class="app-dialog"
        role="alertdialog"
        aria-labelledby="delete-heading"
        aria-describedby="delete-question"
        data-testid="delete-dialog"
        ${ref(this.#setDeleteDialog)}
        @close=${() => (this.deleting = null)}
      >
        <h2 id="delete-heading">${deleting ? t('deleteFile', deleting.title) : t('delete')}</h2>
        <p id="delete-question">${deleting ? t('deleteQuestion', deleting.title) : nothing}</p>
        <div class="dialog-buttons">
          <button type="button" class="danger" data-testid="delete-confirm" @click=${() => this.#confirmDelete()}>${t('delete')}</button>
          <button type="button" data-testid="delete-cancel" autofocus @click=${() => this.#deleteDialog?.close()}>${t('cancel')}</button>
        </div>
      </dialog>
    `;
  }
}

import type { ConnectionStatus, User } from '@allmende/core';
import { formatAddress, parseAddress } from '@allmende/sheet-model';
import type { Workbook } from '@allmende/sheet-model';
import { AllmendeChangeEvent, AllmendeElement, CollabBinding, formStyles, LocaleController, presenceColor } from '@allmende/ui';
import type { CollabConnection, CollabFailure } from '@allmende/ui';
import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { CellEditing } from './cell-editing.js';
import { ClipboardEvents } from './clipboard-events.js';
import { ContextMenu } from './context-menu.js';
import { FillDrag } from './fill-drag.js';
import { FilterMenu } from './filter-menu.js';
import { renderFormatToolbar } from './format-toolbar.js';
import { GridKeyboard } from './grid-keyboard.js';
import { paintGrid } from './grid-paint.js';
import { GridPointer } from './grid-pointer.js';
import { GridView } from './grid-view.js';
import type { SheetPresence } from './remote-selection.js';
import { SheetActions } from './sheet-actions.js';
import { rangeText, SheetCore } from './sheet-core.js';
import './sheet-file-menu.js';
import type { SheetFileImportedEvent } from './sheet-file-menu.js';
import { SheetDocument } from './sheet-document.js';
import type { SheetHost } from './sheet-host.js';
import { sheetMessages } from './sheet-messages.js';
import type { SheetTranslate } from './sheet-messages.js';
import { sheetStyles } from './sheet-styles.js';
import { renderSheetTabs } from './sheet-tabs.js';
import { SheetTabsController } from './sheet-tabs-controller.js';
import { cellSelection, extendTo, selectionRange } from './selection.js';
import type { CellPos, Selection } from './selection.js';
import { TextMeasure } from './text-measure.js';

/** The connection state `<allmende-sheet>` shows; see `<allmende-doc>`'s status for the meaning. */
export type AllmendeSheetStatus = ConnectionStatus | 'error' | null;

const BINDING_PROPERTIES = ['relay', 'document', 'token', 'ydoc', 'awareness'] as const;
const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

/**
 * `<allmende-sheet>`: a collaborative spreadsheet. The workbook lives in a
 * Y.Doc (see `@allmende/sheet-model`), kept in sync with everyone else
 * through an Allmende relay; remote users' selections show in their colour
 * with their names, and undo and redo only undo this user's own changes.
 *
 * ```html
 * <allmende-sheet relay="wss://office.example.org" document="budget/2027"
 *                 user-name="Ada"></allmende-sheet>
 * ```
 *
 * or give it a Y.Doc (and an Awareness) that the host manages:
 * `el.ydoc = doc; el.awareness = awareness;`. The engine is `el.workbook`.
 *
 * Keyboard: arrows move, Shift+arrows extend, Ctrl+arrows jump to the edge of
 * the data, Tab/Enter (with Shift: back) move and walk through a selected
 * range, F2 or typing edits, Enter commits, Escape cancels, Delete clears,
 * Ctrl+A selects all, Shift+Space a row, Ctrl+Space a column, Shift+F8 adds
 * further ranges (arrows move, Shift+arrows select; Escape ends), Ctrl+Z undo,
 * Ctrl+Y or Ctrl+Shift+Z redo, Ctrl+C/X/V the clipboard, Shift+F10 or the
 * context-menu key the cell actions.
 *
 * @fires {AllmendeChangeEvent} allmende-change - After each change this user makes (cell edits, formatting, rows and columns, imports, undo and redo); never for changes from others.
 * @csspart grid - The scrolling grid (`role="grid"`).
 * @csspart formula-bar - The formula bar input.
 * @csspart name-box - The active cell's address.
 * @csspart presence - Who is in the spreadsheet.
 * @csspart access - "Read only" when the sheet cannot be edited by this user.
 * @csspart status - The connection status.
 * @csspart notice - Messages such as a refused paste (`role="alert"`).
 * @csspart toolbar - The formatting toolbar (`role="toolbar"`).
 * @csspart tabs - The sheet tabs in the footer.
 * @csspart mode - "Add to selection" in the footer while that mode is on (Shift+F8).
 * @cssprop --allmende-sheet-height - Height of the element (32rem).
 * @cssprop --allmende-sheet-min-height - Smallest height of the element (24rem).
 * @cssprop --allmende-sheet-grid - Colour of the grid lines (#e1e4e8).
 * @cssprop --allmende-sheet-header - Background of the row and column headers (#f3f4f6).
 */
export class AllmendeSheet extends AllmendeElement {
  static override properties = {
    relay: { type: String },
    document: { type: String },
    token: { type: String },
    userName: { type: String, attribute: 'user-name' },
    userColor: { type: String, attribute: 'user-color' },
    readOnly: { type: Boolean, attribute: 'readonly', reflect: true },
    ydoc: { attribute: false },
    awareness: { attribute: false },
    _notice: { state: true },
    _announce: { state: true },
    _revision: { state: true },
  };

  static override styles = [AllmendeElement.styles, formStyles, sheetStyles];

  /** WebSocket URL of the relay. */
  declare relay: string;
  /** Name of the document on the relay. */
  declare document: string;
  /** Bearer token (JWT) for the relay. */
  declare token: string;
  /** Name shown to others next to this user's selection (attribute `user-name`). */
  declare userName: string;
  /** Colour of this user's selection as `#rrggbb` (attribute `user-color`). */
  declare userColor: string;
  /** Whether the sheet is read-only for this user (attribute `readonly`); also while the relay grants less than write. */
  declare readOnly: boolean;
  /** A Y.Doc the host manages; the element never destroys it. */
  declare ydoc: Y.Doc | undefined;
  /** The Awareness belonging to `ydoc`, for remote selections and presence. */
  declare awareness: Awareness | undefined;

  /** The document, the session with the relay, and who is present. */
  private readonly collab = new CollabBinding(this, {
    tag: 'allmende-sheet',
    presenceLabels: () => ({ you: (name) => this.t('you', name), anonymous: this.t('anonymous') }),
  });
  private declare _notice: string;
  private declare _announce: string;
  /** Bumped when the workbook changed, so the bar re-renders. */
  private declare _revision: number;

  private frame = 0;
  private readonly view: GridView;
  /** The workbook, the sheet shown and the selection, shared by the parts below. */
  private readonly core = new SheetCore(new TextMeasure(this.ownerDocument));
  /** The bound document and workbook. */
  private readonly doc = new SheetDocument(this.collab, this.core, {
    changed: () => this.invalidate(),
    editedHere: () => this.dispatchEvent(new AllmendeChangeEvent()),
    presenceChanged: () => this.schedulePaint(),
    language: () => this.i18n.language,
  });
  private readonly host: SheetHost;
  private readonly editing: CellEditing;
  private readonly actions: SheetActions;
  private readonly filter: FilterMenu;
  private readonly menu: ContextMenu;
  private readonly keyboard: GridKeyboard;
  private readonly fill: FillDrag;
  private readonly pointer: GridPointer;
  private readonly clipboard: ClipboardEvents;
  private readonly tabs: SheetTabsController;

  /** The page's language for labels and number entry. */
  readonly i18n = new LocaleController(this, {
    onChange: () => {
      if (this.core.wb) this.core.wb.locale = this.i18n.language;
      this.invalidate();
    },
  });

  constructor() {
    super();
    this.relay = '';
    this.document = '';
    this.token = '';
    this.userName = '';
    this.userColor = '';
    this.readOnly = false;
    this.ydoc = undefined;
    this.awareness = undefined;
    this._notice = '';
    this._announce = '';
    this._revision = 0;
    this.view = new GridView(this.ownerDocument);
    this.host = this.createHost();
    this.editing = new CellEditing(this.host, (dir) => this.keyboard.advanceActive(dir));
    this.actions = new SheetActions(this.host);
    this.filter = new FilterMenu(this.host);
    this.menu = new ContextMenu(this.host, this.actions, this.filter);
    this.keyboard = new GridKeyboard(this.host, this.editing, this.actions, this.menu);
    this.fill = new FillDrag(this.host);
    this.pointer = new GridPointer(this.host, this.editing, this.actions, this.fill, this.filter, () => this.keyboard.resetTab());
    this.clipboard = new ClipboardEvents(this.host, () => this.editing.active, () => this.actions.clearContents());
    this.tabs = new SheetTabsController(this.host);
    const s = this.view.scroller;
    s.tabIndex = 0;
    s.setAttribute('role', 'grid');
    s.setAttribute('aria-multiselectable', 'true');
    s.addEventListener('keydown', this.keyboard.onKey);
    s.addEventListener('pointerdown', this.pointer.onPointerDown);
    s.addEventListener('dblclick', this.pointer.onDoubleClick);
    s.addEventListener('contextmenu', this.menu.onContextMenu);
    s.addEventListener('copy', this.clipboard.onCopy);
    s.addEventListener('cut', this.clipboard.onCut);
    s.addEventListener('paste', this.clipboard.onPaste);
    s.addEventListener('pointermove', this.pointer.onHover);
  }

  /** The element's services for its controllers. */
  private createHost(): SheetHost {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the host object's getters read the element's current state
    const el = this;
    return {
      core: this.core,
      view: this.view,
      get t() {
        return el.t;
      },
      get locale() {
        return el.i18n.locale;
      },
      get editable() {
        return el.editable;
      },
      get renderRoot() {
        return el.renderRoot as ShadowRoot;
      },
      get updateComplete() {
        return el.updateComplete;
      },
      ownerDocument: this.ownerDocument,
      requestUpdate: () => this.requestUpdate(),
      notify: (message) => {
        this._notice = message;
      },
      invalidate: () => this.invalidate(),
      paint: () => this.paint(),
      setSelection: (sel, scrollTo, keepRanges) => this.setSelection(sel, scrollTo, keepRanges),
      run: (action) => this.run(action),
      announce: () => this.announce(),
      say: (message) => {
        this._announce = message;
      },
      showSheet: (id) => this.showSheet(id),
    };
  }

  /** The spreadsheet engine (the headless API of `@allmende/sheet-model`), or null before a document is bound. */
  get workbook(): Workbook | null {
    return this.core.wb;
  }

  /** The connection state shown in the status part. */
  get status(): AllmendeSheetStatus {
    return this.collab.status;
  }

  /**
   * The open document: its Y.Doc, its presence (Awareness, or null) and the relay session this
   * element opened (null for a host's Y.Doc); null before it is bound. For host apps that show who
   * is in the file or watch the connection next to the element.
   */
  get connection(): CollabConnection | null {
    return this.collab.connection;
  }

  /** Whether cells can be changed now. */
  get editable(): boolean {
    return !this.readOnly && this.collab.failure === null && (this.collab.access === null || this.collab.access === 'write');
  }

  /** The name of the sheet shown. */
  get sheetName(): string {
    return this.core.sheetName;
  }

  /** The active cell's A1 address. */
  get activeAddress(): string {
    const p = this.core.activePos();
    return formatAddress(p.row, p.col);
  }

  /** The selected range in A1 notation (`B2` or `B2:D5`). */
  get selectedRange(): string {
    return rangeText(selectionRange(this.core.selection()));
  }

  /** Selects a cell or range by A1 address (`C3` or `A1:B4`) and scrolls it into view. */
  select(range: string): void {
    const [a, b] = range.split(':');
    const p = parseAddress(a ?? '');
    const q = b ? parseAddress(b) : p;
    if (p.row < 0 || p.col < 0 || q.row < 0 || q.col < 0) throw new RangeError(`select: "${range}" is not an A1 cell or range such as "B2" or "A1:C3".`);
    const bounds = this.core.bounds();
    this.setSelection(extendTo(cellSelection(p, bounds), q, bounds), p);
  }

  /** Clears the values of the selected cells, in every selected range (one undo step). */
  clearContents(): void {
    this.actions.clearContents();
  }

  /** Clears number formats and styles of the selected cells, in every selected range (one undo step). */
  clearFormats(): void {
    this.actions.clearFormats();
  }

  /**
   * Pastes clipboard content at the active cell: this element's own copy
   * with formulas moved by the distance, else an HTML table, else TSV.
   */
  pasteData(text: string, htmlText: string): void {
    this.clipboard.paste(text, htmlText);
  }

  private get t(): SheetTranslate {
    return this.i18n.translate(sheetMessages);
  }

  /** Moves focus to the grid, where the arrow keys move the active cell. */
  override focus(): void {
    this.view.scroller.focus();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated && !this.doc.isBound) this.bind();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unbind();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.isConnected) return;
    if (!this.doc.isBound || BINDING_PROPERTIES.some((name) => changed.has(name))) this.bind();
    else if (changed.has('userName') || changed.has('userColor')) this.publishUser();
  }

  protected override firstUpdated(): void {
    this.view.measure();
  }

  protected override updated(): void {
    this.paint();
  }

  protected override render(): TemplateResult {
    const t = this.t;
    const wb = this.core.wb;
    const shown = wb !== null && this.core.sheetId !== '';
    const address = this.activeAddress;
    const formula = this.editing.active ? this.editing.draft : shown ? wb.getFormula(this.sheetName, address) : '';
    const { access, presence, status } = this.collab;
    const accessKey = (access && access !== 'write') || this.readOnly;
    this.view.scroller.setAttribute('aria-label', t('gridLabel'));
    this.view.scroller.setAttribute('aria-readonly', String(!this.editable));
    this.view.cornerElement.title = t('selectAll');
    void this._revision;
    return html`
      ${shown ? renderFormatToolbar(this.actions.formatHost(address, this.fileMenu()), t) : nothing}
      <div class="bar">
        <input class="namebox" part="name-box" aria-label=${t('nameBox')} .value=${address} readonly />
        <input
          class="formula"
          part="formula-bar"
          aria-label=${t('formulaBar')}
          spellcheck="false"
          .value=${formula}
          ?readonly=${!this.editable}
          @focus=${this.editing.onFormulaFocus}
          @input=${this.editing.onFormulaInput}
          @keydown=${this.editing.onKey}
        />
        <div class="meta">
          ${presence.length > 0
            ? html`<allmende-presence-list part="presence" label=${t('presenceLabel')} .users=${presence}></allmende-presence-list>`
            : nothing}
          ${accessKey ? html`<span part="access">${t('readOnly')}</span>` : nothing}
        </div>
      </div>
      <div part="notice" class=${this._notice ? 'shown' : ''} role="alert">
        ${this._notice
          ? html`<span>${this._notice}</span><button type="button" @click=${() => (this._notice = '')}>${t('dismiss')}</button>`
          : nothing}
      </div>
      <div class="gridwrap">${this.view.scroller}${this.editing.editor}</div>
      <div class="sr-only" aria-live="polite" data-testid="announcement">${this._announce}</div>
      <footer>
        ${shown ? renderSheetTabs(this.tabs.tabs(), t) : nothing}
        ${this.core.adding ? html`<span part="mode" class="mode">${t('addMode')}</span>` : nothing}
        <span part="status" role="status" data-status=${status ?? nothing}>${this.statusText(t)}</span>
      </footer>
      ${this.menu.open ? this.menu.render() : nothing} ${this.filter.open ? this.filter.render() : nothing}
    `;
  }

  /** The file menu (Import…/Export…) at the start of the toolbar. */
  private fileMenu(): TemplateResult {
    return html`<allmende-sheet-file-menu
      .workbook=${this.core.wb}
      sheet=${this.sheetName}
      document-name=${this.document || 'workbook'}
      ?disabled=${!this.editable}
      @allmende-sheet-file-imported=${this.onFileImported}
    ></allmende-sheet-file-menu>`;
  }

  private statusText(t: SheetTranslate): string {
    const { status, failure } = this.collab;
    if (failure) return t('notConnected', failureText(t, failure));
    return status && status !== 'error' ? t(status) : '';
  }

  // ---- binding ----

  private get user(): User {
    const name = this.userName.trim() || 'Anonymous';
    let color = this.userColor.trim();
    if (color && !HEX_COLOR.test(color)) color = '';
    return { name, color: color || presenceColor(name) };
  }

  private publishUser(): void {
    // Into a host's Awareness only when the element was given a name: the host may publish its user itself.
    const connection = this.collab.connection;
    if (connection?.session || (connection?.awareness && this.userName)) this.collab.publishUser(this.user);
  }

  private bind(): void {
    this.unbind();
    this.doc.bind({
      relay: this.relay,
      document: this.document,
      token: this.token,
      ydoc: this.ydoc,
      awareness: this.awareness,
      user: this.user,
      announceToHost: Boolean(this.userName),
    });
    this.view.start();
  }

  private unbind(): void {
    if (!this.doc.isBound) return;
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.doc.unbind();
    this.view.destroy();
  }

  /** After an import, show the first sheet it brought in. */
  private readonly onFileImported = (event: SheetFileImportedEvent): void => {
    const name = event.detail.sheets[0];
    const sheet = name === undefined ? undefined : this.core.wb?.sheets().find((candidate) => candidate.name === name);
    if (sheet) this.showSheet(sheet.id);
  };

  // ---- drawing, selection, changes ----

  /** Forgets cached cell looks and layout, and redraws on the next frame. */
  private invalidate(): void {
    this.core.clearCaches();
    this._revision++;
    this.schedulePaint();
  }

  private schedulePaint(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.paint();
    });
  }

  /** Draws the grid, the boxes and the cell editor now. */
  private paint(): void {
    const editing = this.editing.active;
    paintGrid(this.core, this.view, {
      awareness: this.doc.awareness,
      anonymous: this.t('anonymous'),
      draft: editing ? this.editing.draft : null,
      fill: this.fill.preview,
      fillHandle: this.editable && !editing,
    });
    if (this.core.wb && this.core.sheetId) this.editing.place();
  }

  private setSelection(sel: Selection, scrollTo: CellPos = sel.focus, keepRanges = false): void {
    const moved = this.core.storeSelection(sel, keepRanges);
    this.view.scrollIntoView(scrollTo);
    this.publishSelection();
    if (moved) this.announce();
    this._revision++;
    this.paint();
  }

  private announce(): void {
    const wb = this.core.wb;
    if (!wb) return;
    const address = this.activeAddress;
    const display = wb.getDisplay(this.sheetName, address);
    const formula = wb.getFormula(this.sheetName, address);
    this._announce = this.t('cellAnnouncement', address, display, formula.startsWith('=') ? formula : '');
  }

  private publishSelection(): void {
    const awareness = this.doc.awareness;
    const { active, anchor, focusPos } = this.core;
    if (!awareness || !active || !anchor || !focusPos) return;
    const state: SheetPresence = {
      sheet: this.core.sheetId,
      active: { r: active.r, c: active.c },
      anchor: { r: anchor.r, c: anchor.c },
      focus: { r: focusPos.r, c: focusPos.c },
    };
    awareness.setLocalStateField('sheet', state);
  }

  /** Runs a change to the workbook, refusing it when read-only and showing why it failed. */
  private run(action: () => void): void {
    if (!this.core.wb) return;
    if (!this.editable) {
      this._notice = this.t('readOnlyNotice');
      return;
    }
    try {
      action();
    } catch (error) {
      this._notice = this.t('editFailed', error instanceof Error ? error.message : String(error));
    }
    this.invalidate();
  }

  /** Shows another sheet. */
  private showSheet(id: string): void {
    if (this.editing.active && !this.editing.commit()) return;
    this.core.sheetId = id;
    this.core.active = this.core.anchor = this.core.focusPos = null;
    this.invalidate();
    this.publishSelection();
  }
}

/** Why the element cannot sync, as the end of the sentence "Not connected: …". */
function failureText(t: SheetTranslate, failure: CollabFailure): string {
  return failure.reason === 'closedByRelay' ? t('closedByRelay', failure.code) : t(failure.reason);
}

customElements.define('allmende-sheet', AllmendeSheet);

declare global {
  interface HTMLElementTagNameMap {
    'allmende-sheet': AllmendeSheet;
  }
}

import type { ConnectionStatus, User } from '@allmende/core';
import { createWorkbook, formatAddress, parseAddress, STYLE_KEYS } from '@allmende/sheet-model';
import type { BorderLine, CellInput, CellStyle, Workbook } from '@allmende/sheet-model';
import { borderEdits } from './borders.js';
import type { BorderPreset } from './borders.js';
import { normalRange, selectedRanges } from './multi-range.js';
import { AllmendeElement, CollabBinding, formStyles, LocaleController, presenceColor } from '@allmende/ui';
import type { CollabFailure } from '@allmende/ui';
import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { Axis } from './axis.js';
import { cellLook } from './cell-look.js';
import { TextMeasure } from './text-measure.js';
import { parseHtmlTable, parseTsv, toHtmlTable, toTsv } from './clipboard.js';
import type { ClipCell } from './clipboard.js';
import { fillSeries } from './fill-series.js';
import type { FillSource } from './fill-series.js';
import { shiftFormula } from './formula-shift.js';
import { acceptsReference, typedRefs } from './formula-refs.js';
import { renderFormatToolbar } from './format-toolbar.js';
import './sheet-file-menu.js';
import type { SheetFileImportedEvent } from './sheet-file-menu.js';
import { renderSheetTabs } from './sheet-tabs.js';
import type { SheetTabsHost } from './sheet-tabs.js';
import type { FormatToolbarHost } from './format-toolbar.js';
import { GridView, HEADER_HEIGHT, HEADER_WIDTH } from './grid-view.js';
import type { CellLook, GridBox, GridSource } from './grid-view.js';
import { readRemoteSelection } from './remote-selection.js';
import type { SheetPresence } from './remote-selection.js';
import {
  advance,
  allSelection,
  cellSelection,
  colsSelection,
  dataEdge,
  extendBy,
  extendTo,
  isWholeCols,
  isWholeRows,
  moveBy,
  rowsSelection,
  selectionRange,
} from './selection.js';
import type { CellPos, CellRange, GridBounds, Selection } from './selection.js';
import { SheetFilters, hiddenRows } from './sheet-filter.js';
import { sheetMessages } from './sheet-messages.js';
import type { SheetTranslate } from './sheet-messages.js';
import { sheetStyles } from './sheet-styles.js';

/** The connection state `<allmende-sheet>` shows; see `<allmende-doc>`'s status for the meaning. */
export type AllmendeSheetStatus = ConnectionStatus | 'error' | null;

const BINDING_PROPERTIES = ['relay', 'document', 'token', 'ydoc', 'awareness'] as const;
const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;
const DEFAULT_COL_WIDTH = 100;
const DEFAULT_ROW_HEIGHT = 24;
const MAX_PASTE_CELLS = 100_000;
const REF_COLORS = ['#1d4ed8', '#c2410c', '#15803d', '#7e22ce', '#b91c1c', '#0e7490'];

/** A cell by ids, so it stays on its cell when rows or columns are inserted or deleted before it. */
interface IdPos {
  r: string;
  c: string;
  /** The index it had when last seen, for when its row or column is deleted. */
  row: number;
  col: number;
}

/** What was copied last from this element, so a paste here can move formulas by the distance. */
interface InternalClip {
  readonly text: string;
  readonly origin: CellPos;
  readonly formulas: string[][];
}

interface Binding {
  readonly doc: Y.Doc;
  readonly awareness: Awareness | null;
}

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
 * Ctrl+A selects all, Shift+Space a row, Ctrl+Space a column, Ctrl+Z undo,
 * Ctrl+Y or Ctrl+Shift+Z redo, Ctrl+C/X/V the clipboard, Shift+F10 or the
 * context-menu key the cell actions.
 *
 * @csspart grid - The scrolling grid (`role="grid"`).
 * @csspart formula-bar - The formula bar input.
 * @csspart name-box - The active cell's address.
 * @csspart presence - Who is in the spreadsheet.
 * @csspart access - "Read only" when the sheet cannot be edited by this user.
 * @csspart status - The connection status.
 * @csspart notice - Messages such as a refused paste (`role="alert"`).
 * @cssprop --allmende-sheet-height - Height of the element (32rem).
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
    _editing: { state: true },
    _draft: { state: true },
    _menu: { state: true },
    _notice: { state: true },
    _announce: { state: true },
    _revision: { state: true },
    _painter: { state: true },
    _renaming: { state: true },
    _confirmDelete: { state: true },
    _filterMenu: { state: true },
    _colorMenu: { state: true },
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
  private declare _editing: boolean;
  private declare _draft: string;
  private declare _menu: { x: number; y: number } | null;
  private declare _notice: string;
  private declare _announce: string;
  /** Bumped when the workbook changed, so the bar re-renders. */
  private declare _revision: number;
  /** The format the format painter carries to the next selection, or null. */
  private declare _renaming: string;
  private declare _confirmDelete: string;
  /** The sheet whose tab colour menu is open, or ''. */
  private declare _colorMenu: string;
  /** The value list of a column filter while it is open: the column, where, and the texts unticked so far. */
  private declare _filterMenu: { col: number; x: number; y: number; hidden: Set<string>; values: string[] } | null;
  private declare _painter: { style: CellStyle; format: string | null } | null;

  private binding: Binding | null = null;
  private wb: Workbook | null = null;
  /** The column a run of Tab presses started in: Enter then goes to the next row there, as in Excel. */
  private tabOrigin: number | null = null;
  private filters: SheetFilters | null = null;
  /** Rows the sheet's filter hides (drawn with no height, skipped by the arrow keys). */
  private hiddenSet: ReadonlySet<number> = new Set();
  private sheetId = '';
  private readonly view: GridView;
  private readonly editor: HTMLTextAreaElement;
  private active: IdPos | null = null;
  /** Earlier ranges of a multi-range selection (Ctrl/Cmd+click adds one), by ids like the selection. */
  private extraRanges: { a: IdPos; f: IdPos }[] = [];
  private anchor: IdPos | null = null;
  private focusPos: IdPos | null = null;
  private axes: { rows: Axis; cols: Axis } | null = null;
  private readonly looks = new Map<string, CellLook | null>();
  private readonly measurer = new TextMeasure(this.ownerDocument);
  /** Bumped whenever `looks` is cleared, so the grid refills the rows it shows. */
  private looksVersion = 0;
  private frame = 0;
  private clip: InternalClip | null = null;
  private drag: { kind: 'select' | 'rows' | 'cols' | 'ref' | 'fill'; keepRanges?: boolean } | null = null;
  /** The range a fill-handle drag would fill, while dragging. */
  private fillTarget: { range: CellRange; vertical: boolean; backwards: boolean; count: number } | null = null;
  private resize: { kind: 'col' | 'row'; index: number; start: number; size: number } | null = null;
  /** Where a reference inserted by clicking sits in the draft, so the next click replaces it. */
  private insertedRef: { start: number; end: number; anchor: CellPos } | null = null;

  /** The page's language for labels and number entry. */
  readonly i18n = new LocaleController(this, {
    onChange: () => {
      if (this.wb) this.wb.locale = this.i18n.language;
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
    this._editing = false;
    this._draft = '';
    this._menu = null;
    this._notice = '';
    this._announce = '';
    this._revision = 0;
    this._painter = null;
    this._renaming = '';
    this._confirmDelete = '';
    this._filterMenu = null;
    this._colorMenu = '';
    this.view = new GridView(this.ownerDocument);
    const s = this.view.scroller;
    s.tabIndex = 0;
    s.setAttribute('role', 'grid');
    s.setAttribute('aria-multiselectable', 'true');
    s.addEventListener('keydown', this.onGridKey);
    s.addEventListener('pointerdown', this.onPointerDown);
    s.addEventListener('dblclick', this.onDoubleClick);
    s.addEventListener('contextmenu', this.onContextMenu);
    s.addEventListener('copy', this.onCopy);
    s.addEventListener('cut', this.onCut);
    s.addEventListener('paste', this.onPaste);
    s.addEventListener('pointermove', this.onHover);
    this.editor = this.ownerDocument.createElement('textarea');
    this.editor.className = 'cell-editor';
    this.editor.hidden = true;
    this.editor.spellcheck = false;
    this.editor.addEventListener('input', () => {
      this._draft = this.editor.value;
      this.insertedRef = null;
      this.paint();
    });
    this.editor.addEventListener('keydown', this.onEditorKey);
  }

  /** The spreadsheet engine (the headless API of `@allmende/sheet-model`), or null before a document is bound. */
  get workbook(): Workbook | null {
    return this.wb;
  }

  /** The connection state shown in the status part. */
  get status(): AllmendeSheetStatus {
    return this.collab.status;
  }

  /** Whether cells can be changed now. */
  get editable(): boolean {
    return !this.readOnly && this.collab.failure === null && (this.collab.access === null || this.collab.access === 'write');
  }

  /** The name of the sheet shown. */
  get sheetName(): string {
    const wb = this.wb;
    if (!wb) return '';
    const name = wb.sheetNameById(this.sheetId);
    if (name !== undefined) return name;
    // The sheet shown is gone (someone deleted it, or an import was undone) before a change event said so: show the first.
    const first = wb.sheets()[0];
    this.sheetId = first?.id ?? '';
    return first?.name ?? '';
  }

  /** The active cell's A1 address. */
  get activeAddress(): string {
    const p = this.activePos();
    return formatAddress(p.row, p.col);
  }

  /** The selected range in A1 notation (`B2` or `B2:D5`). */
  get selectedRange(): string {
    const r = selectionRange(this.selection());
    const a = formatAddress(r.r0, r.c0);
    return r.r0 === r.r1 && r.c0 === r.c1 ? a : `${a}:${formatAddress(r.r1, r.c1)}`;
  }

  /** Selects a cell or range by A1 address (`C3` or `A1:B4`) and scrolls it into view. */
  select(range: string): void {
    const [a, b] = range.split(':');
    const p = parseAddress(a ?? '');
    const q = b ? parseAddress(b) : p;
    if (p.row < 0 || p.col < 0 || q.row < 0 || q.col < 0) throw new RangeError(`select: "${range}" is not an A1 cell or range such as "B2" or "A1:C3".`);
    this.setSelection(extendTo(cellSelection(p, this.bounds()), q, this.bounds()), p);
  }

  private get t(): SheetTranslate {
    return this.i18n.translate(sheetMessages);
  }

  override focus(): void {
    this.view.scroller.focus();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated && !this.binding) this.bind();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unbind();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.isConnected) return;
    if (!this.binding || BINDING_PROPERTIES.some((name) => changed.has(name))) this.bind();
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
    const wb = this.wb;
    const pos = this.activePos();
    const address = formatAddress(pos.row, pos.col);
    const formula = this._editing ? this._draft : wb && this.sheetId ? wb.getFormula(this.sheetName, address) : '';
    const { access, presence, status } = this.collab;
    const accessKey = (access && access !== 'write') || this.readOnly;
    this.view.scroller.setAttribute('aria-label', t('gridLabel'));
    this.view.scroller.setAttribute('aria-readonly', String(!this.editable));
    this.view.cornerElement.title = t('selectAll');
    void this._revision;
    return html`
      ${wb && this.sheetId ? renderFormatToolbar(this.formatHost(address), t) : nothing}
      <div class="bar">
        <input class="namebox" part="name-box" aria-label=${t('nameBox')} .value=${address} readonly />
        <input
          class="formula"
          part="formula-bar"
          aria-label=${t('formulaBar')}
          spellcheck="false"
          .value=${formula}
          ?readonly=${!this.editable}
          @focus=${this.onFormulaFocus}
          @input=${this.onFormulaInput}
          @keydown=${this.onEditorKey}
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
      <div class="gridwrap">${this.view.scroller}${this.editor}</div>
      <div class="sr-only" aria-live="polite" data-testid="announcement">${this._announce}</div>
      <footer>
        ${wb && this.sheetId ? renderSheetTabs(this.tabsHost(), t) : nothing}
        <span part="status" role="status" data-status=${status ?? nothing}>${this.statusText(t)}</span>
      </footer>
      ${this._menu ? this.renderMenu(t) : nothing} ${this._filterMenu ? this.renderFilterMenu(t) : nothing}
    `;
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
    const { doc, awareness, session } = this.collab.open({
      relay: this.relay,
      document: this.document,
      token: this.token,
      ydoc: this.ydoc,
      awareness: this.awareness,
      user: this.user,
      announceToHost: Boolean(this.userName),
    });
    this.binding = { doc, awareness };
    this.view.start();
    // A client joining a document someone else created must not seed its own first sheet before it has synced.
    const seedNow = !session || doc.getArray('sheetOrder').length > 0;
    this.openWorkbook(doc, seedNow);
    if (!seedNow && session) {
      const bound = this.binding;
      session.whenSynced.then(
        () => {
          if (this.binding !== bound || !this.wb) return;
          if (this.wb.sheetNames().length === 0) {
            this.closeWorkbook();
            this.openWorkbook(doc, true);
          }
        },
        () => {},
      );
    }
    doc.on('afterTransaction', this.onDocChange);
    awareness?.on('change', this.onAwareness);
  }

  private openWorkbook(doc: Y.Doc, seed: boolean): void {
    this.wb = createWorkbook(doc, { locale: this.i18n.language, seed });
    this.filters = new SheetFilters(doc);
    // Filter changes are undone with Ctrl+Z like cell edits: the workbook's per-user undo history tracks the filter map.
    this.wb.trackUndo(this.filters.map);
    this.wb.undoManager.on('stack-item-popped', this.onUndoPopped);
    this.sheetId = this.wb.sheets()[0]?.id ?? '';
    this.active = this.anchor = this.focusPos = null;
    this.invalidate();
  }

  private closeWorkbook(): void {
    this.wb?.undoManager.off('stack-item-popped', this.onUndoPopped);
    this.wb?.destroy();
    this.wb = null;
  }

  private unbind(): void {
    const b = this.binding;
    if (!b) return;
    this.binding = null;
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    b.doc.off('afterTransaction', this.onDocChange);
    b.awareness?.off('change', this.onAwareness);
    // Clears this user's selection from a host's awareness: a session's awareness goes with the session.
    if (b.awareness && !this.collab.connection?.session) b.awareness.setLocalStateField('sheet', null);
    this.closeWorkbook();
    this.collab.close();
    this.view.destroy();
  }

  private readonly onDocChange = (): void => {
    const wb = this.wb;
    if (!wb) return;
    if (wb.sheetNameById(this.sheetId) === undefined) this.sheetId = wb.sheets()[0]?.id ?? '';
    this.invalidate();
  };

  /** Remote selections moved: the presence list follows by itself, the grid redraws them. */
  private readonly onAwareness = (): void => {
    this.schedulePaint();
  };

  /** After an import, show the first sheet it brought in. */
  private readonly onFileImported = (event: SheetFileImportedEvent): void => {
    const name = event.detail.sheets[0];
    const sheet = name === undefined ? undefined : this.wb?.sheets().find((candidate) => candidate.name === name);
    if (sheet) this.showSheet(sheet.id);
  };

  private readonly onUndoPopped = (): void => {
    this.invalidate();
  };

  // ---- geometry and drawing ----

  /** Forgets cached cell looks and layout, and redraws on the next frame. */
  private invalidate(): void {
    this.looks.clear();
    this.looksVersion++;
    this.axes = null;
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

  private bounds(): GridBounds {
    const wb = this.wb;
    if (!wb || !this.sheetId) return { rows: 1, cols: 1 };
    return { rows: Math.max(1, wb.rowIds(this.sheetName).length), cols: Math.max(1, wb.colIds(this.sheetName).length) };
  }

  private getAxes(): { rows: Axis; cols: Axis } {
    if (this.axes) return this.axes;
    const wb = this.wb!;
    const b = this.bounds();
    const sizes = this.sheetId ? wb.customSizes(this.sheetName) : { rows: new Map<number, number>(), cols: new Map<number, number>() };
    const rowSizes = sizes.rows;
    const colSizes = sizes.cols;
    this.hiddenSet = this.filteredRows();
    for (const row of this.hiddenSet) rowSizes.set(row, 0);
    this.axes = { rows: new Axis(b.rows, DEFAULT_ROW_HEIGHT, rowSizes), cols: new Axis(b.cols, DEFAULT_COL_WIDTH, colSizes) };
    return this.axes;
  }

  /** The header row of the sheet's filter (an index), or -1. */
  private filterHeader(): number {
    const id = this.filters?.headerRow(this.sheetId);
    return id && this.wb ? this.wb.rowIndexOf(this.sheetName, id) : -1;
  }

  private filteredRows(): ReadonlySet<number> {
    const wb = this.wb;
    const header = this.filterHeader();
    if (!wb || !this.filters || header < 0) return new Set();
    const columns = new Map<number, ReadonlySet<string>>();
    for (const [colId, texts] of this.filters.columns(this.sheetId)) {
      const col = wb.colIndexOf(this.sheetName, colId);
      if (col >= 0) columns.set(col, texts);
    }
    const name = this.sheetName;
    return hiddenRows(header, this.dataEnd(null).row, columns, (r, c) => wb.getDisplay(name, formatAddress(r, c)));
  }

  /** Moves a vertical step on past rows the filter hides. */
  private skipHidden(sel: Selection, dRow: number, extend: boolean): Selection {
    if (dRow === 0 || this.hiddenSet.size === 0) return sel;
    const b = this.bounds();
    let next = sel;
    const at = (s: Selection): number => (extend ? s.focus.row : s.active.row);
    while (this.hiddenSet.has(at(next))) {
      const step = extend ? extendBy(next, Math.sign(dRow), 0, b) : moveBy(next, Math.sign(dRow), 0, b);
      if (at(step) === at(next)) break;
      next = step;
    }
    return next;
  }

  private look(row: number, col: number): CellLook | null {
    const key = row + ':' + col;
    if (this.looks.has(key)) return this.looks.get(key)!;
    const wb = this.wb!;
    const name = this.sheetName;
    const address = formatAddress(row, col);
    let look: CellLook | null = null;
    try {
      const style = wb.getStyle(name, address);
      const axes = this.getAxes();
      look = cellLook(wb.getDisplay(name, address), wb.getValue(name, address), style, {
        width: axes.cols.size(col),
        measure: (text, font) => this.measurer.width(text, font),
        // Borders shared with a neighbour are drawn once: only then does the neighbour's style matter.
        above: style.borderTop && row > 0 ? wb.getStyle(name, formatAddress(row - 1, col)) : null,
        left: style.borderLeft && col > 0 ? wb.getStyle(name, formatAddress(row, col - 1)) : null,
      });
    } catch (error) {
      console.error(`<allmende-sheet>: cannot show ${address}:`, error);
    }
    this.looks.set(key, look);
    return look;
  }

  private resolve(p: IdPos | null, fallback: CellPos): CellPos {
    const wb = this.wb;
    if (!p || !wb || !this.sheetId) return fallback;
    const row = wb.rowIndexOf(this.sheetName, p.r);
    const col = wb.colIndexOf(this.sheetName, p.c);
    const b = this.bounds();
    // A deleted row or column: stay at its old index, as the cell that took its place is what one expects.
    return { row: Math.min(row >= 0 ? row : p.row, b.rows - 1), col: Math.min(col >= 0 ? col : p.col, b.cols - 1) };
  }

  private activePos(): CellPos {
    return this.resolve(this.active, { row: 0, col: 0 });
  }

  private selection(): Selection {
    const active = this.activePos();
    return { active, anchor: this.resolve(this.anchor, active), focus: this.resolve(this.focusPos, active) };
  }

  private idPos(p: CellPos): IdPos | null {
    const wb = this.wb;
    if (!wb || !this.sheetId) return null;
    const rows = wb.rowIds(this.sheetName);
    const cols = wb.colIds(this.sheetName);
    const r = rows[p.row];
    const c = cols[p.col];
    return r && c ? { r, c, row: p.row, col: p.col } : null;
  }

  private setSelection(sel: Selection, scrollTo: CellPos = sel.focus, keepRanges = false): void {
    if (!keepRanges) this.extraRanges = [];
    const before = this.active ? `${this.active.r}:${this.active.c}` : '';
    this.active = this.idPos(sel.active);
    this.anchor = this.idPos(sel.anchor);
    this.focusPos = this.idPos(sel.focus);
    this.view.scrollIntoView(scrollTo);
    this.publishSelection();
    if (before !== (this.active ? `${this.active.r}:${this.active.c}` : '')) this.announce();
    this._revision++;
    this.paint();
  }

  private announce(): void {
    const wb = this.wb;
    if (!wb) return;
    const address = this.activeAddress;
    const display = wb.getDisplay(this.sheetName, address);
    const formula = wb.getFormula(this.sheetName, address);
    this._announce = this.t('cellAnnouncement', address, display, formula.startsWith('=') ? formula : '');
  }

  private publishSelection(): void {
    const awareness = this.binding?.awareness;
    if (!awareness || !this.active || !this.anchor || !this.focusPos) return;
    const state: SheetPresence = {
      sheet: this.sheetId,
      active: { r: this.active.r, c: this.active.c },
      anchor: { r: this.anchor.r, c: this.anchor.c },
      focus: { r: this.focusPos.r, c: this.focusPos.c },
    };
    awareness.setLocalStateField('sheet', state);
  }

  /** Draws the grid, the boxes and the cell editor now. */
  private paint(): void {
    const wb = this.wb;
    if (!wb || !this.sheetId) return;
    const axes = this.getAxes();
    const frozen = wb.getFrozen(this.sheetName);
    const merges: CellRange[] = [];
    for (const m of wb.merges(this.sheetName)) {
      const [a, b] = m.range.split(':');
      const p = parseAddress(a ?? '');
      const q = parseAddress(b ?? a ?? '');
      if (p.row >= 0 && q.row >= 0) merges.push({ r0: p.row, c0: p.col, r1: q.row, c1: q.col });
    }
    const sel = this.selection();
    const range = selectionRange(sel);
    const source: GridSource = {
      rows: axes.rows,
      cols: axes.cols,
      frozenRows: Math.min(frozen.rows, axes.rows.count),
      frozenCols: Math.min(frozen.cols, axes.cols.count),
      merges,
      version: this.looksVersion,
      cell: (r, c) => this.look(r, c),
      cellId: (r, c) => `cell-${r}-${c}`,
      selected: range,
    };
    const boxes: GridBox[] = [];
    // Remote users first, so this user's own selection is drawn on top.
    const awareness = this.binding?.awareness;
    if (awareness) {
      for (const [clientId, state] of awareness.getStates()) {
        if (clientId === awareness.clientID) continue;
        const remote = readRemoteSelection(clientId, state, this.t('anonymous'));
        if (!remote || remote.sheet !== this.sheetId) continue;
        const a = this.resolve({ ...remote.anchor, row: -1, col: -1 }, { row: -1, col: -1 });
        const f = this.resolve({ ...remote.focus, row: -1, col: -1 }, { row: -1, col: -1 });
        if (a.row < 0 || a.col < 0 || f.row < 0 || f.col < 0) continue;
        const r = { r0: Math.min(a.row, f.row), c0: Math.min(a.col, f.col), r1: Math.max(a.row, f.row), c1: Math.max(a.col, f.col) };
        boxes.push({ range: r, className: 'remote', color: remote.color, label: remote.name });
      }
    }
    if (this._editing) {
      typedRefs(this._draft).forEach((ref, i) => boxes.push({ range: ref.range, className: 'ref', color: REF_COLORS[i % REF_COLORS.length]! }));
    }
    for (const extra of this.otherRanges()) boxes.push({ range: extra, className: 'selection' });
    if (range.r0 !== range.r1 || range.c0 !== range.c1 || this.extraRanges.length > 0) boxes.push({ range, className: 'selection' });
    boxes.push({ range: { r0: sel.active.row, c0: sel.active.col, r1: sel.active.row, c1: sel.active.col }, className: 'active' });
    if (this.fillTarget) boxes.push({ range: this.fillTarget.range, className: 'copy' });
    const header = this.filterHeader();
    if (header >= 0 && this.filters) {
      const filtered = new Set([...this.filters.columns(this.sheetId).keys()].map((id) => wb.colIndexOf(this.sheetName, id)));
      const last = Math.max(this.dataEnd(null).col, 0);
      for (let c = 0; c <= last; c++) boxes.push({ range: { r0: header, c0: c, r1: header, c1: c }, className: filtered.has(c) ? 'filter-mark filtered' : 'filter-mark' });
    }
    if (this.editable && !this._editing) boxes.push({ range: { r0: range.r1, c0: range.c1, r1: range.r1, c1: range.c1 }, className: 'fill-handle' });
    this.view.update(source, boxes);
    const s = this.view.scroller;
    s.setAttribute('aria-rowcount', String(axes.rows.count + 1));
    s.setAttribute('aria-colcount', String(axes.cols.count + 1));
    const activeEl = this.view.scroller.querySelector(`#cell-${sel.active.row}-${sel.active.col}`);
    if (activeEl) {
      s.setAttribute('aria-activedescendant', activeEl.id);
      for (const el of s.querySelectorAll('[aria-selected="true"]')) el.removeAttribute('aria-selected');
      activeEl.setAttribute('aria-selected', 'true');
    } else s.removeAttribute('aria-activedescendant');
    this.placeEditor();
  }

  private placeEditor(): void {
    const ed = this.editor;
    if (!this._editing) {
      ed.hidden = true;
      return;
    }
    const p = this.activePos();
    const rect = this.view.cellRect(p.row, p.col);
    if (!rect) {
      ed.style.cssText = 'left:-9999px;top:0';
    } else {
      const width = Math.max(rect.w, Math.min(400, this._draft.length * 8 + 16));
      ed.style.cssText = `left:${rect.x - 1}px;top:${rect.y - 1}px;width:${width + 2}px;min-height:${rect.h + 2}px;height:${rect.h + 2}px`;
    }
    ed.hidden = false;
    if (ed.value !== this._draft) ed.value = this._draft;
  }

  // ---- editing ----

  private startEdit(initial: string | null, focusBar = false): void {
    const wb = this.wb;
    if (!wb) return;
    if (!this.editable) {
      this._notice = this.t('readOnlyNotice');
      return;
    }
    this._draft = initial ?? wb.getFormula(this.sheetName, this.activeAddress);
    this._editing = true;
    this.insertedRef = null;
    this.placeEditor();
    if (!focusBar) {
      this.editor.focus();
      const end = this.editor.value.length;
      this.editor.setSelectionRange(end, end);
    }
    this.paint();
  }

  /** Writes the draft into the active cell; false when the engine refused it (the notice says why). */
  private commitEdit(): boolean {
    const wb = this.wb;
    if (!wb || !this._editing) return true;
    const text = this._draft;
    try {
      if (this.editable) wb.setCell(this.sheetName, this.activeAddress, text === '' ? null : text);
    } catch (error) {
      this._notice = this.t('editFailed', error instanceof Error ? error.message : String(error));
      return false;
    }
    this.endEdit();
    return true;
  }

  private endEdit(): void {
    this._editing = false;
    this._draft = '';
    this.insertedRef = null;
    this.editor.hidden = true;
    this.view.scroller.focus({ preventScroll: true });
    this.invalidate();
    this.announce();
  }

  private readonly onFormulaFocus = (event: FocusEvent): void => {
    if (this._editing || !this.editable) return;
    const input = event.target as HTMLInputElement;
    this._draft = input.value;
    this._editing = true;
    this.paint();
  };

  private readonly onFormulaInput = (event: InputEvent): void => {
    this._draft = (event.target as HTMLInputElement).value;
    this.insertedRef = null;
    this.paint();
  };

  private currentInput(): HTMLInputElement | HTMLTextAreaElement {
    const bar = this.renderRoot.querySelector<HTMLInputElement>('.formula');
    return bar && this.shadowRoot?.activeElement === bar ? bar : this.editor;
  }

  private readonly onEditorKey = (event: KeyboardEvent): void => {
    if (!this._editing) return;
    const move = (dir: 'down' | 'up' | 'right' | 'left'): void => {
      event.preventDefault();
      if (this.commitEdit()) this.advanceActive(dir);
    };
    if (event.key === 'Enter' && !event.altKey) move(event.shiftKey ? 'up' : 'down');
    else if (event.key === 'Enter' && event.altKey) {
      // Alt+Enter: a line break inside the cell, as in Excel.
      event.preventDefault();
      const input = this.currentInput();
      input.setRangeText('\n', input.selectionStart ?? input.value.length, input.selectionEnd ?? input.value.length, 'end');
      this._draft = input.value;
      this.paint();
    } else if (event.key === 'Tab') move(event.shiftKey ? 'left' : 'right');
    else if (event.key === 'Escape') {
      event.preventDefault();
      this.endEdit();
    }
  };

  // ---- keyboard ----

  private readonly onGridKey = (event: KeyboardEvent): void => {
    if (!this.wb || this._editing) return;
    const mod = event.ctrlKey || event.metaKey;
    const b = this.bounds();
    const sel = this.selection();
    const arrows: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const step = arrows[event.key];
    if (step || ['Home', 'End', 'PageUp', 'PageDown'].includes(event.key)) this.tabOrigin = null;
    if (step) {
      event.preventDefault();
      const [dr, dc] = step;
      if (mod) {
        const from = event.shiftKey ? sel.focus : sel.active;
        const to = dataEdge(from, dr, dc, b, (r, c) => this.isFilled(r, c));
        this.setSelection(event.shiftKey ? extendTo(sel, to, b) : cellSelection(to, b), to);
      } else if (event.shiftKey) this.setSelection(this.skipHidden(extendBy(sel, dr, dc, b), dr, true));
      else this.setSelection(this.skipHidden(moveBy(sel, dr, dc, b), dr, false));
      return;
    }
    const key = event.key;
    if (key === 'Tab' || key === 'Enter') {
      event.preventDefault();
      this.advanceActive(key === 'Tab' ? (event.shiftKey ? 'left' : 'right') : event.shiftKey ? 'up' : 'down');
      return;
    }
    if (key === 'Home' || key === 'End') {
      event.preventDefault();
      const to = key === 'Home' ? { row: mod ? 0 : sel.active.row, col: 0 } : this.dataEnd(mod ? null : sel.active.row);
      this.setSelection(event.shiftKey ? extendTo(sel, to, b) : cellSelection(to, b), to);
      return;
    }
    if (key === 'PageDown' || key === 'PageUp') {
      event.preventDefault();
      const rows = Math.max(1, Math.floor((this.view.scroller.clientHeight - HEADER_HEIGHT) / DEFAULT_ROW_HEIGHT) - 1);
      const d = key === 'PageDown' ? rows : -rows;
      this.setSelection(event.shiftKey ? extendBy(sel, d, 0, b) : moveBy(sel, d, 0, b));
      return;
    }
    if (mod && !event.altKey) {
      const k = key.toLowerCase();
      const styleKeys: Record<string, 'bold' | 'italic' | 'underline' | 'strike'> = { b: 'bold', i: 'italic', u: 'underline', '5': 'strike' };
      if (styleKeys[k]) {
        event.preventDefault();
        this.toggleStyle(styleKeys[k]);
        return;
      }
      if (k === 'a') {
        event.preventDefault();
        this.setSelection(allSelection(sel, b), sel.active);
      } else if (k === 'z' || k === 'y') {
        event.preventDefault();
        if (!this.editable) return;
        if (k === 'y' || event.shiftKey) this.wb.redo();
        else this.wb.undo();
        this.invalidate();
      } else if (key === ' ') {
        event.preventDefault();
        this.setSelection(colsSelection(selectionRange(sel).c0, selectionRange(sel).c1, b, sel.active.row), sel.active);
      }
      return;
    }
    if (key === ' ' && event.shiftKey) {
      event.preventDefault();
      this.setSelection(rowsSelection(selectionRange(sel).r0, selectionRange(sel).r1, b, sel.active.col), sel.active);
      return;
    }
    if (key === 'F2') {
      event.preventDefault();
      this.startEdit(null);
      return;
    }
    if (key === 'Delete' || key === 'Backspace') {
      event.preventDefault();
      if (key === 'Backspace' && this.editable) {
        this.startEdit('');
        return;
      }
      this.clearContents();
      return;
    }
    if (key === 'ContextMenu' || (key === 'F10' && event.shiftKey)) {
      event.preventDefault();
      const rect = this.view.cellRect(sel.active.row, sel.active.col);
      const box = this.view.scroller.getBoundingClientRect();
      this.openMenu(box.left + (rect ? rect.x + rect.w / 2 : HEADER_WIDTH), box.top + (rect ? rect.y + rect.h : HEADER_HEIGHT));
      return;
    }
    if (key.length === 1 && !event.altKey) {
      // A printable character starts editing with it, replacing the content (as in Excel).
      event.preventDefault();
      this.startEdit(key);
    }
  };

  /**
   * Tab and Enter: the next cell, walking through a selected range; after a
   * run of Tabs, Enter goes to the next row in the column the run started in.
   */
  private advanceActive(dir: 'down' | 'up' | 'right' | 'left'): void {
    const sel = this.selection();
    const b = this.bounds();
    const single = selectionRange(sel).r0 === selectionRange(sel).r1 && selectionRange(sel).c0 === selectionRange(sel).c1;
    if (single && dir === 'right') this.tabOrigin ??= sel.active.col;
    else if (single && dir === 'down' && this.tabOrigin !== null) {
      const col = this.tabOrigin;
      this.tabOrigin = null;
      this.setSelection(this.skipHidden(cellSelection({ row: sel.active.row + 1, col }, b), 1, false));
      return;
    } else if (dir !== 'left') this.tabOrigin = null;
    const next = advance(sel, dir, b);
    this.setSelection(single ? this.skipHidden(next, dir === 'down' ? 1 : dir === 'up' ? -1 : 0, false) : next, next.active);
  }

  private isFilled(row: number, col: number): boolean {
    return this.wb!.hasInput(this.sheetName, row, col);
  }

  /** The last used cell of a row (Ctrl+End: of the sheet). */
  private dataEnd(row: number | null): CellPos {
    return this.wb!.lastUsedCell(this.sheetName, row ?? undefined);
  }

  // ---- pointer ----

  private hit(event: MouseEvent): ReturnType<GridView['hitTest']> {
    const box = this.view.scroller.getBoundingClientRect();
    return this.view.hitTest(event.clientX - box.left, event.clientY - box.top);
  }

  private readonly onHover = (event: PointerEvent): void => {
    if (this.drag || this.resize) return;
    const h = this.hit(event);
    const cursor = h?.kind === 'col-resize' ? 'col-resize' : h?.kind === 'row-resize' ? 'row-resize' : this.editable && this.onFillHandle(event) ? 'crosshair' : '';
    if (this.view.scroller.style.cursor !== cursor) this.view.scroller.style.cursor = cursor;
  };

  private readonly onPointerDown = (event: PointerEvent): void => {
    if (event.button !== 0 && event.button !== 2) return;
    this.tabOrigin = null;
    const h = this.hit(event);
    if (!h || !this.wb) return;
    const b = this.bounds();
    const sel = this.selection();
    if (event.button === 2) {
      // A right click inside the selection keeps it; elsewhere it selects the cell first.
      if (h.kind === 'cell') {
        const r = selectionRange(sel);
        if (!(h.row >= r.r0 && h.row <= r.r1 && h.col >= r.c0 && h.col <= r.c1)) this.setSelection(cellSelection(h, b));
      }
      return;
    }
    if (this._editing && h.kind === 'cell' && this.acceptsReferenceNow()) {
      // Typing a formula: a click inserts the reference instead of moving.
      event.preventDefault();
      this.insertReference({ row: h.row, col: h.col }, null);
      this.drag = { kind: 'ref' };
      this.capture(event);
      return;
    }
    if (this._editing && !this.commitEdit()) return;
    event.preventDefault();
    this.view.scroller.focus({ preventScroll: true });
    if (h.kind === 'cell' && h.row === this.filterHeader() && h.row >= 0) {
      const rect = this.view.cellRect(h.row, h.col);
      const box = this.view.scroller.getBoundingClientRect();
      if (rect && event.clientX - box.left >= rect.x + rect.w - 16) {
        // The ▾ of a filtered header cell opens its value list.
        this.setSelection(cellSelection(h, this.bounds()));
        this.openFilter(h.col);
        return;
      }
    }
    if (this.editable && this.onFillHandle(event)) {
      this.drag = { kind: 'fill' };
      this.capture(event);
      return;
    }
    switch (h.kind) {
      case 'corner':
        this.setSelection(allSelection(sel, b), sel.active);
        return;
      case 'col-resize':
      case 'row-resize': {
        if (!this.editable) return;
        const axes = this.getAxes();
        const index = h.kind === 'col-resize' ? h.col : h.row;
        const size = h.kind === 'col-resize' ? axes.cols.size(index) : axes.rows.size(index);
        this.resize = { kind: h.kind === 'col-resize' ? 'col' : 'row', index, start: h.kind === 'col-resize' ? event.clientX : event.clientY, size };
        this.capture(event);
        return;
      }
      case 'col-header':
        this.setSelection(
          event.shiftKey ? colsSelection(selectionRange(sel).c0 === 0 && sel.anchor.row === 0 ? sel.anchor.col : sel.active.col, h.col, b) : colsSelection(h.col, h.col, b),
          { row: sel.active.row, col: h.col },
        );
        this.drag = { kind: 'cols' };
        break;
      case 'row-header':
        this.setSelection(event.shiftKey ? rowsSelection(sel.anchor.row, h.row, b) : rowsSelection(h.row, h.row, b), { row: h.row, col: sel.active.col });
        this.drag = { kind: 'rows' };
        break;
      case 'cell':
        if ((event.ctrlKey || event.metaKey) && !event.shiftKey) {
          // Ctrl (Cmd on a Mac)+click keeps what is selected and starts another range, as in Excel.
          const anchor = this.idPos(sel.anchor);
          const focus = this.idPos(sel.focus);
          const keep = [...this.extraRanges];
          if (anchor && focus) keep.push({ a: anchor, f: focus });
          this.setSelection(cellSelection(h, b), h);
          this.extraRanges = keep;
          this.drag = { kind: 'select', keepRanges: true };
          this.paint();
          break;
        }
        this.setSelection(event.shiftKey ? extendTo(sel, h, b) : cellSelection(h, b), h, event.shiftKey);
        this.drag = { kind: 'select' };
        break;
    }
    this.capture(event);
  };

  private capture(event: PointerEvent): void {
    const s = this.view.scroller;
    try {
      s.setPointerCapture(event.pointerId);
    } catch {
      // Synthetic events have no active pointer to capture.
    }
    const move = (e: PointerEvent): void => this.onPointerMove(e);
    const up = (e: PointerEvent): void => {
      s.removeEventListener('pointermove', move);
      s.removeEventListener('pointerup', up);
      s.removeEventListener('pointercancel', up);
      this.onPointerUp(e);
    };
    s.addEventListener('pointermove', move);
    s.addEventListener('pointerup', up);
    s.addEventListener('pointercancel', up);
  }

  private onPointerMove(event: PointerEvent): void {
    const b = this.bounds();
    if (this.resize) {
      const delta = (this.resize.kind === 'col' ? event.clientX : event.clientY) - this.resize.start;
      const size = Math.max(this.resize.kind === 'col' ? 16 : 12, Math.round(this.resize.size + delta));
      this.previewResize(size);
      return;
    }
    if (!this.drag) return;
    const h = this.hit(event);
    if (!h) return;
    const sel = this.selection();
    if (this.drag.kind === 'select' && h.kind === 'cell') this.setSelection(extendTo(sel, h, b), h, this.drag.keepRanges === true);
    else if (this.drag.kind === 'rows' && (h.kind === 'row-header' || h.kind === 'cell')) this.setSelection(rowsSelection(sel.anchor.row, h.row, b, sel.active.col), { row: h.row, col: sel.active.col });
    else if (this.drag.kind === 'cols' && (h.kind === 'col-header' || h.kind === 'cell')) this.setSelection(colsSelection(sel.anchor.col, h.col, b, sel.active.row), { row: sel.active.row, col: h.col });
    else if (this.drag.kind === 'ref' && h.kind === 'cell' && this.insertedRef) this.insertReference(this.insertedRef.anchor, { row: h.row, col: h.col });
    else if (this.drag.kind === 'fill' && h.kind === 'cell') this.previewFill(h);
  }

  /** Whether a pointer press is on the fill handle: the small square at the selection's bottom-right corner. */
  private onFillHandle(event: PointerEvent): boolean {
    const r = selectionRange(this.selection());
    const rect = this.view.cellRect(r.r1, r.c1);
    if (!rect) return false;
    const box = this.view.scroller.getBoundingClientRect();
    const x = event.clientX - box.left;
    const y = event.clientY - box.top;
    return Math.abs(x - (rect.x + rect.w)) <= 5 && Math.abs(y - (rect.y + rect.h)) <= 5;
  }

  private previewFill(to: CellPos): void {
    const r = selectionRange(this.selection());
    const down = to.row - r.r1;
    const up = r.r0 - to.row;
    const right = to.col - r.c1;
    const left = r.c0 - to.col;
    const best = Math.max(down, up, right, left);
    if (best <= 0) this.fillTarget = null;
    else if (best === down) this.fillTarget = { range: { ...r, r0: r.r1 + 1, r1: to.row }, vertical: true, backwards: false, count: down };
    else if (best === up) this.fillTarget = { range: { ...r, r0: to.row, r1: r.r0 - 1 }, vertical: true, backwards: true, count: up };
    else if (best === right) this.fillTarget = { range: { ...r, c0: r.c1 + 1, c1: to.col }, vertical: false, backwards: false, count: right };
    else this.fillTarget = { range: { ...r, c0: to.col, c1: r.c0 - 1 }, vertical: false, backwards: true, count: left };
    this.paint();
  }

  /**
   * Fills the target of a fill-handle drag from the selection, line by line
   * (each column when filling down or up, each row when filling sideways),
   * copying number formats along; one undo step.
   */
  private applyFill(): void {
    const target = this.fillTarget;
    this.fillTarget = null;
    const wb = this.wb;
    if (!target || !wb) return;
    const r = selectionRange(this.selection());
    const name = this.sheetName;
    const source = (row: number, col: number): FillSource & { format: string | undefined } => {
      const address = formatAddress(row, col);
      const input = wb.getFormula(name, address);
      const value = wb.getValue(name, address);
      return { input, format: wb.getFormat(name, address), ...(typeof value === 'number' && !input.startsWith('=') && input !== '' ? { number: value } : {}) };
    };
    const t = target.range;
    const block: CellInput[][] = Array.from({ length: t.r1 - t.r0 + 1 }, () => Array.from({ length: t.c1 - t.c0 + 1 }, () => null as CellInput));
    const formats: { row: number; col: number; format: string }[] = [];
    const lines = target.vertical ? r.c1 - r.c0 + 1 : r.r1 - r.r0 + 1;
    const length = target.vertical ? r.r1 - r.r0 + 1 : r.c1 - r.c0 + 1;
    for (let line = 0; line < lines; line++) {
      const sources = Array.from({ length }, (_, k) => (target.vertical ? source(r.r0 + k, r.c0 + line) : source(r.r0 + line, r.c0 + k)));
      const values = fillSeries(sources, target.count, target.vertical ? 1 : 0, target.vertical ? 0 : 1, target.backwards);
      values.forEach((v, k) => {
        // Nearest first: down/right count from the target's start, up/left from its end.
        const offset = target.backwards ? target.count - 1 - k : k;
        const row = target.vertical ? offset : line;
        const col = target.vertical ? line : offset;
        block[row]![col] = v === '' ? null : v;
        const ordered = target.backwards ? [...sources].reverse() : sources;
        const format = ordered[k % ordered.length]!.format;
        if (format !== undefined) formats.push({ row: t.r0 + row, col: t.c0 + col, format });
      });
    }
    this.run(() =>
      wb.doc.transact(() => {
        wb.setCells(name, formatAddress(t.r0, t.c0), block);
        for (const f of formats) wb.setFormat(name, formatAddress(f.row, f.col), f.format);
      }, wb),
    );
    const b = this.bounds();
    const all = { r0: Math.min(r.r0, t.r0), c0: Math.min(r.c0, t.c0), r1: Math.max(r.r1, t.r1), c1: Math.max(r.c1, t.c1) };
    this.setSelection(extendTo(cellSelection({ row: all.r0, col: all.c0 }, b), { row: all.r1, col: all.c1 }, b), { row: all.r0, col: all.c0 });
  }

  private previewSize: number | null = null;

  private previewResize(size: number): void {
    const r = this.resize!;
    const axes = this.getAxes();
    const custom = new Map<number, number>();
    const axis = r.kind === 'col' ? axes.cols : axes.rows;
    for (let i = 0; i < axis.count && custom.size < 100_000; i++) if (axis.size(i) !== axis.defaultSize) custom.set(i, axis.size(i));
    custom.set(r.index, size);
    const next = new Axis(axis.count, axis.defaultSize, custom);
    this.axes = r.kind === 'col' ? { rows: axes.rows, cols: next } : { rows: next, cols: axes.cols };
    this.previewSize = size;
    this.paint();
  }

  private onPointerUp(_event: PointerEvent): void {
    const r = this.resize;
    if (this.drag && this.drag.kind !== 'ref' && this.drag.kind !== 'fill' && this._painter) this.applyPainter();
    if (this.drag?.kind === 'fill') this.applyFill();
    this.resize = null;
    this.drag = null;
    if (r && this.previewSize !== null && this.wb && this.editable) {
      const size = this.previewSize;
      this.previewSize = null;
      if (r.kind === 'col') this.wb.setColumnWidth(this.sheetName, r.index, size);
      else this.wb.setRowHeight(this.sheetName, r.index, size);
      this.invalidate();
    }
    if (this._editing) this.currentInput().focus();
  }

  private readonly onDoubleClick = (event: MouseEvent): void => {
    const h = this.hit(event);
    if (h?.kind === 'cell' && !this._editing) this.startEdit(null);
  };

  /** Whether a click now inserts a reference into the formula being typed. */
  private acceptsReferenceNow(): boolean {
    if (this.insertedRef) return true;
    const el = this.currentInput();
    return acceptsReference(this._draft, el.selectionStart ?? this._draft.length);
  }

  /** Inserts (or replaces the last inserted) reference at the caret of the formula being typed. */
  private insertReference(from: CellPos, to: CellPos | null): void {
    const input = this.currentInput();
    const a = formatAddress(from.row, from.col);
    const text = to && (to.row !== from.row || to.col !== from.col)
      ? `${formatAddress(Math.min(from.row, to.row), Math.min(from.col, to.col))}:${formatAddress(Math.max(from.row, to.row), Math.max(from.col, to.col))}`
      : a;
    const start = this.insertedRef ? this.insertedRef.start : input.selectionStart ?? input.value.length;
    const end = this.insertedRef ? this.insertedRef.end : input.selectionEnd ?? input.value.length;
    input.value = this._draft;
    input.setRangeText(text, start, end, 'end');
    this._draft = input.value;
    this.insertedRef = { start, end: start + text.length, anchor: from };
    input.focus();
    this.paint();
  }

  // ---- actions ----

  private run(action: () => void): void {
    if (!this.wb) return;
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

  private rangeText(r: CellRange): string {
    const a = formatAddress(r.r0, r.c0);
    return r.r0 === r.r1 && r.c0 === r.c1 ? a : `${a}:${formatAddress(r.r1, r.c1)}`;
  }

  /** Clears the values of the selected cells, in every selected range (one undo step). */
  clearContents(): void {
    this.eachRange((_range, r) => {
      const rows = Array.from({ length: r.r1 - r.r0 + 1 }, () => Array.from({ length: r.c1 - r.c0 + 1 }, () => null as CellInput));
      this.wb!.setCells(this.sheetName, formatAddress(r.r0, r.c0), rows);
    });
  }

  /** Clears number formats and styles of the selected cells, in every selected range (one undo step). */
  clearFormats(): void {
    const none = Object.fromEntries(STYLE_KEYS.map((k) => [k, null])) as { [K in keyof CellStyle]?: null };
    this.eachRange((range) => {
      this.wb!.setFormat(this.sheetName, range, null);
      this.wb!.setStyle(this.sheetName, range, none);
    });
  }

  /** The range cut down to where cells exist, so clearing a whole column does not walk a million empty rows. */
  private usedPart(r: CellRange): CellRange {
    const end = this.dataEnd(null);
    return { r0: r.r0, c0: r.c0, r1: Math.max(r.r0, Math.min(r.r1, end.row)), c1: Math.max(r.c0, Math.min(r.c1, end.col)) };
  }

  private structural(kind: 'rowsAbove' | 'rowsBelow' | 'deleteRows' | 'colsLeft' | 'colsRight' | 'deleteCols'): void {
    const r = selectionRange(this.selection());
    const nRows = r.r1 - r.r0 + 1;
    const nCols = r.c1 - r.c0 + 1;
    const wb = this.wb!;
    const name = this.sheetName;
    this.run(() => {
      if (kind === 'rowsAbove') wb.insertRows(name, r.r0, nRows);
      else if (kind === 'rowsBelow') wb.insertRows(name, r.r1 + 1, nRows);
      else if (kind === 'deleteRows') wb.deleteRows(name, r.r0, nRows);
      else if (kind === 'colsLeft') wb.insertColumns(name, r.c0, nCols);
      else if (kind === 'colsRight') wb.insertColumns(name, r.c1 + 1, nCols);
      else wb.deleteColumns(name, r.c0, nCols);
    });
    const b = this.bounds();
    if (kind === 'deleteRows' || kind === 'deleteCols') this.setSelection(cellSelection({ row: r.r0, col: r.c0 }, b));
    else this.setSelection(this.selection());
  }

  private sort(descending: boolean): void {
    const sel = this.selection();
    let r = selectionRange(sel);
    const b = this.bounds();
    if (isWholeCols(r, b) || isWholeRows(r, b)) r = this.usedPart(r);
    if (r.r0 === r.r1 && r.c0 === r.c1) {
      // One cell: sort the used rows by its column.
      const end = this.dataEnd(null);
      r = { r0: 0, c0: 0, r1: end.row, c1: end.col };
    }
    this.run(() => this.wb!.sortRange(this.sheetName, this.rangeText(r), [{ column: sel.active.col, descending }]));
  }

  private undoRedo(redo: boolean): void {
    this.run(() => (redo ? this.wb!.redo() : this.wb!.undo()));
  }

  // ---- sheet tabs ----

  /** Shows another sheet. */
  private showSheet(id: string): void {
    if (this._editing && !this.commitEdit()) return;
    this.sheetId = id;
    this.active = this.anchor = this.focusPos = null;
    this.invalidate();
    this.publishSelection();
  }

  private tabsHost(): SheetTabsHost {
    const wb = this.wb!;
    return {
      sheets: wb.sheets().map(({ id, name }) => ({ id, name, color: wb.getSheetColor(name) })),
      colorMenu: this._colorMenu,
      openColorMenu: (id) => {
        this._colorMenu = id ?? '';
        if (id) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLButtonElement>('.tab-colors button[aria-checked="true"]')?.focus());
      },
      setColor: (id, color) => {
        this._colorMenu = '';
        const name = wb.sheetNameById(id);
        if (name !== undefined) this.run(() => wb.setSheetColor(name, color));
        this.renderRoot.querySelector<HTMLElement>(`[role="tab"][data-sheet="${id}"]`)?.focus();
      },
      activeId: this.sheetId,
      enabled: this.editable,
      renaming: this._renaming,
      confirmingDelete: this._confirmDelete,
      select: (id) => this.showSheet(id),
      add: () => {
        const taken = new Set(wb.sheetNames().map((n) => n.toLowerCase()));
        let n = wb.sheetNames().length + 1;
        while (taken.has(this.t('newSheetName', n).toLowerCase())) n++;
        const name = this.t('newSheetName', n);
        this.run(() => wb.addSheet(name));
        const id = wb.sheets().find((sheet) => sheet.name === name)?.id;
        if (id) this.showSheet(id);
      },
      startRename: (id) => {
        this._renaming = id;
        void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('.tab-rename')?.select());
      },
      rename: (id, name) => {
        if (this._renaming !== id) return;
        this._renaming = '';
        const current = wb.sheetNameById(id);
        if (name !== null && current !== undefined && name.trim() && name.trim() !== current) this.run(() => wb.renameSheet(current, name.trim()));
        this.view.scroller.focus({ preventScroll: true });
      },
      askDelete: (id) => {
        this._confirmDelete = id ?? '';
      },
      confirmDelete: (id) => {
        this._confirmDelete = '';
        const name = wb.sheetNameById(id);
        if (name === undefined) return;
        this.run(() => wb.deleteSheet(name));
        this.showSheet(wb.sheets()[0]?.id ?? '');
      },
      move: (id, index) => {
        const name = wb.sheetNameById(id);
        if (name !== undefined) this.run(() => wb.moveSheet(name, index));
      },
    };
  }

  // ---- formatting ----

  /** The earlier ranges of a multi-range selection, as indexes. */
  private otherRanges(): CellRange[] {
    return this.extraRanges.map((x) => {
      const a = this.resolve(x.a, { row: x.a.row, col: x.a.col });
      const f = this.resolve(x.f, { row: x.f.row, col: x.f.col });
      return normalRange({ r0: a.row, c0: a.col, r1: f.row, c1: f.col });
    });
  }

  /** Every selected range (one, or several after Ctrl+click), cut to the used part when whole rows or columns are selected. */
  private targetRanges(): CellRange[] {
    const b = this.bounds();
    return selectedRanges(this.otherRanges(), selectionRange(this.selection())).map((r) => (isWholeCols(r, b) || isWholeRows(r, b) ? this.usedPart(r) : r));
  }

  /** Applies an edit to each selected range in one transaction (one undo step). */
  private eachRange(edit: (range: string, r: CellRange) => void): void {
    const wb = this.wb;
    if (!wb) return;
    const ranges = this.targetRanges();
    this.run(() => wb.batch(() => ranges.forEach((r) => edit(this.rangeText(r), r))));
  }

  private setStyle(style: { [K in keyof CellStyle]?: CellStyle[K] | null }): void {
    this.eachRange((range) => this.wb!.setStyle(this.sheetName, range, style));
  }

  /** Applies a border preset to every selected range. */
  private setBorders(preset: BorderPreset, line: BorderLine): void {
    this.eachRange((_range, r) => {
      for (const edit of borderEdits(r, preset, line)) this.wb!.setStyle(this.sheetName, this.rangeText(edit.range), edit.style);
    });
  }

  private toggleStyle(property: 'bold' | 'italic' | 'underline' | 'strike'): void {
    const current = this.wb!.getStyle(this.sheetName, this.activeAddress)[property];
    this.setStyle({ [property]: current ? null : true });
  }

  private formatHost(address: string): FormatToolbarHost {
    const wb = this.wb!;
    return {
      style: wb.getStyle(this.sheetName, address),
      format: wb.getFormat(this.sheetName, address) ?? '',
      enabled: this.editable,
      painting: this._painter !== null,
      toggle: (property) => this.toggleStyle(property),
      set: (style) => this.setStyle(style as { [K in keyof CellStyle]?: CellStyle[K] | null }),
      setFormat: (format) => this.eachRange((range) => wb.setFormat(this.sheetName, range, format)),
      border: (preset, line) => this.setBorders(preset, line),
      fileMenu: html`<allmende-sheet-file-menu
        .workbook=${wb}
        sheet=${this.sheetName}
        document-name=${this.document || 'workbook'}
        ?disabled=${!this.editable}
        @allmende-sheet-file-imported=${this.onFileImported}
      ></allmende-sheet-file-menu>`,
      paint: () => {
        this._painter = this._painter
          ? null
          : { style: wb.getStyle(this.sheetName, this.activeAddress), format: wb.getFormat(this.sheetName, this.activeAddress) ?? null };
      },
    };
  }

  /** Applies the format painter's format to the selection and puts the painter down. */
  private applyPainter(): void {
    const p = this._painter;
    if (!p || !this.wb) return;
    this._painter = null;
    const wb = this.wb;
    const style: { [K in keyof CellStyle]?: CellStyle[K] | null } = {};
    for (const key of STYLE_KEYS) (style as Record<string, unknown>)[key] = p.style[key] ?? null;
    this.eachRange((range) => {
      wb.setStyle(this.sheetName, range, style);
      wb.setFormat(this.sheetName, range, p.format);
    });
  }

  // ---- context menu ----

  private readonly onContextMenu = (event: MouseEvent): void => {
    event.preventDefault();
    this.openMenu(event.clientX, event.clientY);
  };

  private openMenu(x: number, y: number): void {
    this._menu = { x, y };
    void this.updateComplete.then(() => {
      const menu = this.renderRoot.querySelector<HTMLElement>('.context-menu');
      if (!menu) return;
      // Keep it inside the viewport.
      const w = menu.offsetWidth;
      const h = menu.offsetHeight;
      const vw = this.ownerDocument.documentElement.clientWidth;
      const vh = this.ownerDocument.documentElement.clientHeight;
      menu.style.left = `${Math.max(4, Math.min(x, vw - w - 4))}px`;
      menu.style.top = `${Math.max(4, Math.min(y, vh - h - 4))}px`;
      menu.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus();
    });
  }

  private closeMenu(): void {
    this._menu = null;
    this.view.scroller.focus({ preventScroll: true });
  }

  private renderMenu(t: SheetTranslate): TemplateResult {
    const r = selectionRange(this.selection());
    const nRows = r.r1 - r.r0 + 1;
    const nCols = r.c1 - r.c0 + 1;
    const off = !this.editable;
    const item = (label: string, action: () => void, disabled = off): TemplateResult =>
      html`<button type="button" role="menuitem" tabindex="-1" ?disabled=${disabled} @click=${() => {
        this.closeMenu();
        action();
      }}>${label}</button>`;
    const wholeCols = isWholeCols(r, this.bounds());
    const wholeRows = isWholeRows(r, this.bounds());
    const keys = (event: KeyboardEvent): void => {
      const items = [...(event.currentTarget as HTMLElement).querySelectorAll<HTMLButtonElement>('button:not(:disabled)')];
      const i = items.indexOf(this.shadowRoot?.activeElement as HTMLButtonElement);
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const n = items.length;
        items[(i + (event.key === 'ArrowDown' ? 1 : n - 1)) % n]?.focus();
      } else if (event.key === 'Home' || event.key === 'End') {
        event.preventDefault();
        items[event.key === 'Home' ? 0 : items.length - 1]?.focus();
      } else if (event.key === 'Escape' || event.key === 'Tab') {
        event.preventDefault();
        this.closeMenu();
      }
    };
    return html`<div
      class="context-menu"
      role="menu"
      aria-label=${t('contextMenu')}
      style="left:${this._menu!.x}px;top:${this._menu!.y}px"
      @keydown=${keys}
      @focusout=${(event: FocusEvent) => {
        if (!(event.currentTarget as HTMLElement).contains(event.relatedTarget as Node | null)) this._menu = null;
      }}
    >
      ${item(t('undo'), () => this.undoRedo(false), off || !this.wb?.undoManager.canUndo())}
      ${item(t('redo'), () => this.undoRedo(true), off || !this.wb?.undoManager.canRedo())}
      <hr />
      ${wholeCols ? nothing : item(t('insertRowsAbove', nRows), () => this.structural('rowsAbove'))}
      ${wholeCols ? nothing : item(t('insertRowsBelow', nRows), () => this.structural('rowsBelow'))}
      ${wholeCols ? nothing : item(t('deleteRows', nRows), () => this.structural('deleteRows'))}
      ${wholeRows ? nothing : item(t('insertColsLeft', nCols), () => this.structural('colsLeft'))}
      ${wholeRows ? nothing : item(t('insertColsRight', nCols), () => this.structural('colsRight'))}
      ${wholeRows ? nothing : item(t('deleteCols', nCols), () => this.structural('deleteCols'))}
      <hr />
      ${item(t('sortAscending'), () => this.sort(false))} ${item(t('sortDescending'), () => this.sort(true))}
      <hr />
      ${item(t('clearContents'), () => this.clearContents())} ${item(t('clearFormats'), () => this.clearFormats())}
      <hr />
      ${this.filterHeader() < 0
        ? item(t('filterOn'), () => this.setFilterHeader(true))
        : html`${item(t('filterColumn'), () => this.openFilter(this.selection().active.col), false)}
          ${item(t('filterOff'), () => this.setFilterHeader(false))}`}
    </div>`;
  }

  // ---- filter ----

  private setFilterHeader(on: boolean): void {
    const row = this.active?.r ?? null;
    this.run(() => this.filters!.setHeaderRow(this.sheetId, on ? row : null, this.wb!.editOrigin));
  }

  /** Opens the value list of a column's filter below its header cell. */
  private openFilter(col: number): void {
    const wb = this.wb;
    const header = this.filterHeader();
    if (!wb || !this.filters || header < 0) return;
    const colId = wb.colIds(this.sheetName)[col];
    if (!colId) return;
    const values = new Set<string>();
    const last = this.dataEnd(null).row;
    for (let r = header + 1; r <= last && values.size < 1000; r++) values.add(wb.getDisplay(this.sheetName, formatAddress(r, col)));
    const hidden = new Set(this.filters.hidden(this.sheetId, colId));
    for (const v of hidden) values.add(v);
    const rect = this.view.cellRect(header, col);
    const box = this.view.scroller.getBoundingClientRect();
    this._filterMenu = {
      col,
      x: box.left + (rect ? rect.x : HEADER_WIDTH),
      y: box.top + (rect ? rect.y + rect.h : HEADER_HEIGHT),
      hidden,
      values: [...values].sort((a, b) => a.localeCompare(b, this.i18n.locale, { numeric: true })),
    };
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('.filter-menu input')?.focus());
  }

  private applyFilter(apply: boolean): void {
    const menu = this._filterMenu;
    this._filterMenu = null;
    this.view.scroller.focus({ preventScroll: true });
    const wb = this.wb;
    if (!apply || !menu || !wb || !this.filters) return;
    const colId = wb.colIds(this.sheetName)[menu.col];
    if (!colId) return;
    if (!this.editable) {
      this._notice = this.t('readOnlyNotice');
      return;
    }
    this.filters.setHidden(this.sheetId, colId, menu.hidden, wb.editOrigin);
    this.invalidate();
  }

  private renderFilterMenu(t: SheetTranslate): TemplateResult {
    const menu = this._filterMenu!;
    const toggle = (value: string, shown: boolean): void => {
      const hidden = new Set(menu.hidden);
      if (shown) hidden.delete(value);
      else hidden.add(value);
      this._filterMenu = { ...menu, hidden };
    };
    return html`<div
      class="context-menu filter-menu"
      role="dialog"
      aria-label=${t('filterColumn')}
      style="left:${menu.x}px;top:${menu.y}px"
      @keydown=${(e: KeyboardEvent) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          this.applyFilter(false);
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
        <button type="button" @click=${() => this.applyFilter(true)}>${t('apply')}</button>
        <button type="button" @click=${() => this.applyFilter(false)}>${t('cancel')}</button>
      </div>
    </div>`;
  }

  // ---- clipboard ----

  private readonly onCopy = (event: ClipboardEvent): void => {
    if (this._editing || !this.wb) return;
    event.preventDefault();
    if (this.refuseMultiRange()) return;
    this.copyTo(event.clipboardData);
  };

  /** Copying several ranges is refused with a message, as Excel does (their cells would not form one table). */
  private refuseMultiRange(): boolean {
    if (this.extraRanges.length === 0) return false;
    this._notice = this.t('multiRangeCopy');
    return true;
  }

  private copyTo(data: DataTransfer | null): CellRange {
    const wb = this.wb!;
    const r = this.usedPart(selectionRange(this.selection()));
    const shown: string[][] = [];
    const formulas: string[][] = [];
    for (let row = r.r0; row <= r.r1; row++) {
      const s: string[] = [];
      const f: string[] = [];
      for (let col = r.c0; col <= r.c1; col++) {
        const address = formatAddress(row, col);
        s.push(wb.getDisplay(this.sheetName, address));
        f.push(wb.getFormula(this.sheetName, address));
      }
      shown.push(s);
      formulas.push(f);
    }
    const text = toTsv(shown);
    data?.setData('text/plain', text);
    data?.setData('text/html', toHtmlTable(shown));
    this.clip = { text, origin: { row: r.r0, col: r.c0 }, formulas };
    return r;
  }

  private readonly onCut = (event: ClipboardEvent): void => {
    if (this._editing || !this.wb) return;
    event.preventDefault();
    if (!this.editable) {
      this._notice = this.t('readOnlyNotice');
      return;
    }
    if (this.refuseMultiRange()) return;
    this.copyTo(event.clipboardData);
    this.clearContents();
  };

  private readonly onPaste = (event: ClipboardEvent): void => {
    if (this._editing || !this.wb) return;
    event.preventDefault();
    const data = event.clipboardData;
    if (!data) return;
    this.pasteData(data.getData('text/plain'), data.getData('text/html'));
  };

  /**
   * Pastes clipboard content at the active cell: this element's own copy
   * with formulas moved by the distance, else an HTML table, else TSV.
   */
  pasteData(text: string, htmlText: string): void {
    const wb = this.wb;
    if (!wb) return;
    const at = this.selection().active;
    let rows: ClipCell[][] | null = null;
    if (this.clip && this.clip.text === text) {
      const dr = at.row - this.clip.origin.row;
      const dc = at.col - this.clip.origin.col;
      rows = this.clip.formulas.map((row) => row.map((f) => shiftFormula(f, dr, dc)));
    } else if (htmlText) rows = parseHtmlTable(htmlText);
    if (!rows) rows = parseTsv(text);
    if (rows.length === 0) return;
    const width = Math.max(...rows.map((r) => r.length));
    if (rows.length * width > MAX_PASTE_CELLS) {
      this._notice = this.t('pasteTooLarge', rows.length, width);
      return;
    }
    const inputs: CellInput[][] = rows.map((r) => r.map((v) => (v === '' ? null : v)));
    this.run(() => wb.setCells(this.sheetName, formatAddress(at.row, at.col), inputs));
    const b = this.bounds();
    this.setSelection(extendTo(cellSelection(at, b), { row: at.row + rows.length - 1, col: at.col + width - 1 }, b), at);
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

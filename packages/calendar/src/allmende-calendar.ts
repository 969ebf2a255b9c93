import { exportICS, listCalendars } from '@allmende/calendar-model';
import type { CalendarInfo, Occurrence } from '@allmende/calendar-model';
import type { User } from '@allmende/core';
import { AllmendeChangeEvent, AllmendeElement, CollabBinding, formStyles, LocaleController } from '@allmende/ui';
import type { CollabConnection } from '@allmende/ui';
import { css, html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { CalendarAdmin } from './calendar-admin.js';
import type { CalendarAdminHost } from './calendar-admin.js';
import { bindCalendar } from './calendar-api.js';
import type { CalendarApi } from './calendar-api.js';
import type { CalendarHost, CreatePreview, Grab } from './calendar-host.js';
import { CalendarKeyboard } from './calendar-keyboard.js';
import { calendarMessages } from './calendar-messages.js';
import type { CalendarTranslate } from './calendar-messages.js';
import { CalendarPointer } from './calendar-pointer.js';
import { CalendarUndo } from './calendar-undo.js';
import { EditorsWatch, localUser, publishEditing } from './calendar-presence.js';
import { renderSidebar } from './calendar-sidebar.js';
import { calendarStyles } from './calendar-styles.js';
import { periodTitle, renderNotice, renderToolbar, statusText } from './calendar-toolbar.js';
import { stepDate, viewRange, VIEWS, weekStart } from './date-math.js';
import type { CalendarView } from './date-math.js';
import { downloadCalendarFile } from './download-file.js';
import { EventEditor } from './event-editor.js';
import type { EventEditorHost } from './event-editor.js';
import { Formats } from './formats.js';
import { occurrenceKey } from './occurrence-layout.js';
import { DEFAULT_MONTH_LANES, monthLanesIn } from './month-view.js';
import type { MonthRoom } from './month-view.js';
import { monthLayoutOf } from './month-layout.js';
import { OccurrenceQuery, withPreview } from './occurrence-query.js';
import type { OccurrenceWindow } from './occurrence-query.js';
import { PagePrefetch } from './page-prefetch.js';
import { renderView } from './render-view.js';
import { layerSlot } from './time-grid-layer.js';
import type { ViewContext, ViewContextInput } from './view-context.js';
import { viewContext } from './view-context.js';
import { ViewPlacement } from './view-placement.js';
import { browserTimeZone, timeZoneNames, wallInZone } from './zone-time.js';

/** The connection state `<allmende-calendar>` shows; see `<allmende-doc>`'s status for the meaning. */
export type AllmendeCalendarStatus = 'connecting' | 'connected' | 'offline' | 'error' | null;

const BINDING_PROPERTIES = ['relay', 'document', 'token', 'ydoc', 'awareness'] as const;
/** The views drawn as a time grid, which render the next page ahead. */
const TIME_GRID_VIEWS: ReadonlySet<CalendarView> = new Set<CalendarView>(['week', 'workweek', 'day']);

/**
 * `<allmende-calendar>`: a shared calendar. Calendars and events live in a
 * Y.Doc (see `@allmende/calendar-model`), kept in sync with everyone else
 * through an Allmende relay; while someone drags or edits an event, the others
 * see their name on it.
 *
 * ```html
 * <allmende-calendar relay="wss://office.example.org" document="team/calendar"
 *                    user-name="Ada"></allmende-calendar>
 * ```
 *
 * or give it a Y.Doc (and an Awareness) that the host manages:
 * `el.ydoc = doc; el.awareness = awareness;`. The engine, bound to the
 * calendar's Y.Doc, is `el.calendar` (`el.calendar.createEvent({…})`,
 * `el.calendar.occurrences({…})`); the Y.Doc itself is `el.doc`.
 *
 * Views: `view="month" | "week" | "workweek" | "day" | "agenda" | "year"`,
 * showing `date` (ISO, default today). Keyboard: arrows move between days and
 * times; Enter opens an event, or creates one on an empty time (also N);
 * Shift+arrows on days select several for an all-day event (as dragging
 * across days does); Space picks an event up, then arrows move it (15 minutes, a day), Shift+arrows
 * resize it, Enter or Space drops it and Escape cancels; Delete deletes;
 * Page Up/Down go to the previous/next page, T to today.
 *
 * @fires {AllmendeChangeEvent} allmende-change - After each change made in this page (creating, moving, editing or deleting events, calendars, imports, undo and redo); never for changes from others.
 * @csspart calendars - The list of calendars.
 * @csspart presence - Who is in the calendar.
 * @csspart access - "Read only" when the calendar cannot be edited by this user.
 * @csspart status - The connection status.
 * @csspart notice - Messages such as a refused change (`role="alert"`).
 * @csspart view - The current view.
 * @cssprop --allmende-calendar-height - Height of the element (44rem).
 */
export class AllmendeCalendar extends AllmendeElement implements CalendarHost, EventEditorHost, CalendarAdminHost {
  static override properties = {
    relay: { type: String },
    document: { type: String },
    token: { type: String },
    userName: { type: String, attribute: 'user-name' },
    userColor: { type: String, attribute: 'user-color' },
    readOnly: { type: Boolean, attribute: 'readonly', reflect: true },
    ydoc: { attribute: false },
    awareness: { attribute: false },
    view: { type: String, reflect: true },
    date: { type: String, reflect: true },
    timeZone: { type: String, attribute: 'time-zone' },
    _revision: { state: true },
    _focus: { state: true },
    _grab: { state: true },
    hiddenCalendars: { state: true },
    _notice: { state: true },
    _announce: { state: true },
    _now: { state: true },
    _monthRoom: { state: true },
    _create: { state: true },
    _ahead: { state: true },
  };

  static override styles = [
    AllmendeElement.styles,
    formStyles,
    calendarStyles,
    css`
      allmende-dialog.wide::part(dialog) {
        width: min(40rem, calc(100vw - 2rem));
      }
    `,
  ];

  /** WebSocket URL of the relay. */
  declare relay: string;
  /** Name of the document on the relay. */
  declare document: string;
  /** Bearer token (JWT) for the relay. */
  declare token: string;
  /** Name shown to others on the event this user edits (attribute `user-name`). */
  declare userName: string;
  /** This user's colour as `#rrggbb` (attribute `user-color`). */
  declare userColor: string;
  /** Whether the calendar is read-only for this user (attribute `readonly`); also while the relay grants less than write. */
  declare readOnly: boolean;
  /** A Y.Doc the host manages; the element never destroys it. */
  declare ydoc: Y.Doc | undefined;
  /** The Awareness belonging to `ydoc`, for presence. */
  declare awareness: Awareness | undefined;
  /** The view shown: month, week, workweek, day, agenda or year. */
  declare view: CalendarView;
  /** The date shown, ISO `YYYY-MM-DD`; empty for today. */
  declare date: string;
  /** The IANA zone events are shown in (attribute `time-zone`); empty for the browser's. */
  declare timeZone: string;

  private declare _revision: number;
  /** @internal (for the keyboard and pointer controllers) */
  declare _focus: string;
  /** @internal (for the keyboard and pointer controllers) */
  declare _grab: Grab | null;
  /** @internal The calendars this user has hidden (for the calendar dialogs). */
  declare hiddenCalendars: ReadonlySet<string>;
  private declare _notice: string;
  /** @internal (for the keyboard and pointer controllers) */
  declare _announce: string;
  private declare _now: number;
  /** @internal (for the placement controller) */
  declare _monthRoom: MonthRoom | null;
  /** @internal (for the keyboard and pointer controllers) */
  declare _create: CreatePreview | null;
  /** The date of the page rendered ahead (hidden) in the week, work-week and day views; empty for none. */
  private declare _ahead: string;
  /** @internal (for the prefetch controller) The direction of the last page step. */
  lastStep: 1 | -1 = 1;
  /** The first days of the pages the time grid's two event layers hold (see time-grid-layer.ts), and their view. */
  private layerPages: { view: CalendarView; from: [string | null, string | null] } | null = null;
  /** The context the hidden layer was last rendered with (kept while the document changes, see `aheadContext`). */
  private hiddenLayer: ViewContext | null = null;

  /** The page's language for labels and date formats. */
  readonly i18n = new LocaleController(this);
  private readonly binding = new CollabBinding(this, {
    tag: 'allmende-calendar',
    presenceLabels: () => ({ you: (name: string) => this.t('you', name), anonymous: this.t('anonymous') }),
  });
  private boundDoc: Y.Doc | null = null;
  private boundAwareness: Awareness | null = null;
  private readonly keyboard = new CalendarKeyboard(this);
  private readonly pointer = new CalendarPointer(this);
  /** @internal The event dialog and edits (for the keyboard and pointer controllers). */
  readonly editor = new EventEditor(this);
  private readonly admin = new CalendarAdmin(this);
  private readonly undoHistory = new CalendarUndo(this);
  private readonly placement = new ViewPlacement(this);
  private readonly editorsWatch = new EditorsWatch(this, () => this.t('anonymous'));
  private readonly query = new OccurrenceQuery();
  /** @internal (for the keyboard and pointer controllers) */
  wantFocus = false;
  private clock = 0;
  private formats: Formats | null = null;
  private zones: string[] | null = null;
  /** @internal (for the keyboard and pointer controllers) */
  lastOccs: readonly Occurrence[] = [];
  private api: CalendarApi | null = null;

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
    this.view = 'week';
    this.date = '';
    this.timeZone = '';
    this._revision = 0;
    // Fetches the next and previous pages at idle (its hooks are all it needs: the element keeps no reference).
    new PagePrefetch(this, this.query);
    this._focus = '';
    this._grab = null;
    this.hiddenCalendars = new Set();
    this._notice = '';
    this._announce = '';
    this._now = Date.now();
    this._monthRoom = null;
    this._create = null;
    this._ahead = '';
  }

  // ---- public API ----

  /** The Y.Doc the calendar shows (the engine's functions take it), or null before it is bound. */
  get doc(): Y.Doc | null {
    return this.binding.connection?.doc ?? null;
  }

  /** The calendar engine bound to {@link doc} (see `CalendarApi`), or null before a document is bound. */
  get calendar(): CalendarApi | null {
    const doc = this.doc;
    if (!doc) return null;
    if (this.api?.doc !== doc) this.api = bindCalendar(doc);
    return this.api;
  }

  /** The connection state shown in the status part. */
  get status(): AllmendeCalendarStatus {
    return this.binding.status;
  }

  /**
   * The open document: its Y.Doc, its presence (Awareness, or null) and the relay session this
   * element opened (null for a host's Y.Doc); null before it is bound. For host apps that show who
   * is in the file or watch the connection next to the element.
   */
  get connection(): CollabConnection | null {
    return this.binding.connection;
  }

  /** Whether events can be changed now. */
  get editable(): boolean {
    return !this.readOnly && this.binding.writable;
  }

  /** The zone events are shown in. */
  get viewTimeZone(): string {
    return this.timeZone || browserTimeZone();
  }

  /** The date shown (today when `date` is not set). */
  get currentDate(): string {
    return /^\d{4}-\d{2}-\d{2}$/.test(this.date) ? this.date : this.today();
  }

  /** The occurrences the current view shows (after hiding calendars), as the engine returns them. */
  get visibleOccurrences(): readonly Occurrence[] {
    return this.lastOccs;
  }

  /** Undoes this user's last edit (several edits within half a second count as one); returns whether there was one. */
  undo(): boolean {
    return this.undoHistory.run('undo');
  }

  /** Redoes what `undo()` took back. */
  redo(): boolean {
    return this.undoHistory.run('redo');
  }

  /** Goes to today. */
  goToday(): void {
    this.date = this.today();
  }

  /** Goes to the next (`1`) or previous (`-1`) page of the view. */
  step(direction: 1 | -1): void {
    this.lastStep = direction;
    this.date = stepDate(this.view, this.currentDate, direction);
  }

  /** @internal (for the controllers) */
  get t(): CalendarTranslate {
    return this.i18n.translate(calendarMessages);
  }

  /** @internal (for the controllers) */
  get fmt(): Formats {
    if (!this.formats || this.formats.locale !== this.i18n.locale) this.formats = new Formats(this.i18n.locale);
    return this.formats;
  }

  /** @internal (for the keyboard and pointer controllers) */
  today(): string {
    return this.nowWall().slice(0, 10);
  }

  /** @internal (for the keyboard and pointer controllers) */
  nowWall(): string {
    return wallInZone(this._now, this.viewTimeZone);
  }

  /** @internal (for the keyboard and pointer controllers) */
  get firstDay(): number {
    return weekStart(this.i18n.locale);
  }

  // ---- lifecycle and binding ----

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated && !this.boundDoc) this.bind();
    this.clock = window.setInterval(() => (this._now = Date.now()), 30_000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.clearInterval(this.clock);
    this.unbind();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.isConnected) return;
    if (!this.boundDoc || BINDING_PROPERTIES.some((name) => changed.has(name))) this.bind();
    else if (changed.has('userName') || changed.has('userColor')) this.binding.publishUser(this.user);
    if (changed.has('view') && !VIEWS.includes(this.view)) this.view = 'week';
    if (changed.has('view')) this.placement.rescroll();
  }

  private get user(): User {
    return localUser(this.userName, this.userColor);
  }

  private bind(): void {
    this.unbind();
    const connection = this.binding.open({
      relay: this.relay,
      document: this.document,
      token: this.token,
      ydoc: this.ydoc,
      awareness: this.awareness,
      user: this.user,
      announceToHost: !!this.userName,
    });
    this.boundDoc = connection.doc;
    this.boundAwareness = connection.awareness;
    connection.doc.on('afterTransaction', this.onDocChange);
    this.undoHistory.attach(connection.doc);
    this.editorsWatch.watch(connection.awareness);
    this._revision++;
  }

  private unbind(): void {
    const doc = this.boundDoc;
    if (!doc) return;
    doc.off('afterTransaction', this.onDocChange);
    this.undoHistory.detach();
    this.editorsWatch.watch(null);
    if (this.boundAwareness && !this.binding.connection?.session) this.boundAwareness.setLocalStateField('calendar', null);
    this.boundDoc = null;
    this.boundAwareness = null;
    this.query.clear();
    this.binding.close();
  }

  private readonly onDocChange = (transaction: Y.Transaction): void => {
    this._revision++;
    // Local and not empty: an edit made here (the relay's and the offline cache's updates are applied as remote ones).
    if (transaction.local && (transaction.changed.size > 0 || transaction.deleteSet.clients.size > 0)) this.dispatchEvent(new AllmendeChangeEvent());
  };

  /** @internal Tells the others which event this user is editing (or none). */
  publishEditing(uid: string | null): void {
    publishEditing(this.boundAwareness, uid);
  }

  // ---- actions (the editing itself is in EventEditor and CalendarAdmin) ----

  /** @internal (for the controllers) */
  notify(message: string): void {
    this._notice = message;
  }

  /** @internal (for the controllers) */
  announce(message: string): void {
    this._announce = message;
  }

  /** @internal Runs an edit; a refused one (bad data, a deleted event) shows its reason and changes nothing. */
  attempt(action: () => void): boolean {
    if (!this.editable) {
      this.notify(this.t('readOnlyNotice'));
      return false;
    }
    try {
      // Each user action is its own undo step, however soon after the last one it comes.
      this.stopCapturing();
      action();
      return true;
    } catch (error) {
      this.notify(this.t('editFailed', error instanceof Error ? error.message : String(error)));
      return false;
    }
  }

  /** @internal (for the controllers) */
  stopCapturing(): void {
    this.undoHistory.stopCapturing();
  }

  /** @internal Whether the undo keys belong to an open dialog, question or pick-up. */
  get undoBlocked(): boolean {
    return this.editor.busy || this.admin.busy || this._grab !== null;
  }

  /** @internal (for the controllers) */
  refresh(): void {
    this._revision++;
  }

  /** @internal (for the controllers) */
  zoneList(): string[] {
    this.zones ??= timeZoneNames();
    return this.zones;
  }

  /** @internal (for the controllers) */
  download(text: string, name: string): void {
    downloadCalendarFile(this.renderRoot, this.ownerDocument, text, name);
  }

  /** @internal (for the keyboard and pointer controllers) */
  findOcc(key: string): Occurrence | undefined {
    return this.lastOccs.find((o) => occurrenceKey(o) === key);
  }

  /** @internal (for the keyboard and pointer controllers) */
  contextForLabels(): ViewContext {
    return viewContext({
      t: this.t, fmt: this.fmt, date: this.currentDate, firstDay: this.firstDay, days: [], occs: [], calendars: this.calendars(),
      nowWall: this.nowWall(), focusId: '', grabbedKey: null, editors: new Map(), monthLanes: 1,
    });
  }

  private calendars(): CalendarInfo[] {
    const doc = this.doc;
    return doc ? listCalendars(doc) : [];
  }

  /** @internal (for the prefetch controller) */
  layOutAhead(date: string): void {
    if (this.view !== 'month') return;
    const occs = this.keptOccurrences(date);
    if (!occs) return;
    const days = viewRange(this.view, date, this.firstDay).days;
    // The same lanes the render of that page will ask for, so that it finds this layout (see monthLayoutOf).
    monthLayoutOf(occs, days, monthLanesIn(this._monthRoom, days.length / 7));
  }

  /** @internal (for the prefetch controller) */
  renderAhead(date: string): void {
    if (!TIME_GRID_VIEWS.has(this.view)) return;
    // Already rendered ahead from the document as it is: nothing to do (after a document change it is rendered again).
    const occs = this.keptOccurrences(date);
    if (this._ahead === date && occs && this.hiddenLayer?.occs === occs) return;
    this._ahead = date;
    this.requestUpdate();
    void this.updateComplete.then(() => {
      // Style and layout of the page rendered ahead now, while the browser is idle, not in the switch that shows it.
      this.renderRoot.querySelector('.layer.ahead')?.getBoundingClientRect();
    });
  }

  /**
   * The page the time grid's hidden event layer holds: the page rendered ahead if it belongs in the layer the page
   * shown does not use, else the page that layer held before (so a switch back and forth finds it, and a layer's
   * elements are updated in place rather than made anew). When the document changed since, that page's
   * occurrences are no longer kept: the layer then stays as it was (hidden, keyless; the switch that shows the page
   * renders it from the document as it is) until the next idle period renders it again, so a burst of remote edits
   * does not remove and rebuild it each time.
   */
  private aheadContext(range: { from: string; days: readonly string[] }, base: ViewContextInput): ViewContext | null {
    if (!TIME_GRID_VIEWS.has(this.view)) {
      this.layerPages = null;
      this.hiddenLayer = null;
      return null;
    }
    const n = range.days.length;
    if (this.layerPages?.view !== this.view) {
      this.layerPages = { view: this.view, from: [null, null] };
      this.hiddenLayer = null;
    }
    const pages = this.layerPages.from;
    const slot = layerSlot(range.from, n);
    pages[slot] = range.from;
    const aheadFrom = this._ahead ? viewRange(this.view, this._ahead, this.firstDay).from : '';
    if (aheadFrom && layerSlot(aheadFrom, n) !== slot) pages[1 - slot] = aheadFrom;
    const other = pages[1 - slot];
    const occs = other ? this.keptOccurrences(other) : null;
    const kept = this.hiddenLayer;
    if (!other || (!occs && kept?.days[0] !== other)) {
      pages[1 - slot] = null;
      this.hiddenLayer = null;
      return null;
    }
    this.hiddenLayer = occs ? viewContext({ ...base, date: other, days: viewRange(this.view, other, this.firstDay).days, occs }) : kept;
    return this.hiddenLayer;
  }

  /** The occurrences of the page at `date` the query already holds (fetched ahead), or null; expands nothing. */
  private keptOccurrences(date: string): Occurrence[] | null {
    const page = this.pageWindow(date);
    return page ? this.query.peek(page.doc, page.window) : null;
  }

  /** @internal (for the prefetch controller) */
  pageWindow(date: string): { doc: Y.Doc; window: OccurrenceWindow } | null {
    const doc = this.doc;
    if (!doc) return null;
    const range = viewRange(this.view, date, this.firstDay);
    return { doc, window: { from: range.from, to: range.to, timeZone: this.viewTimeZone, hidden: this.hiddenCalendars, revision: this._revision } };
  }

  // ---- rendering ----

  protected override render(): TemplateResult {
    const t = this.t;
    const fmt = this.fmt;
    const date = this.currentDate;
    const range = viewRange(this.view, date, this.firstDay);
    const doc = this.doc;
    const page = this.pageWindow(date);
    const found = page ? this.query.get(page.doc, page.window) : [];
    const occs = withPreview(found, this._grab, this._create, t('newEvent'));
    this.lastOccs = occs;
    const calendars = this.calendars();
    const input: ViewContextInput = {
      t, fmt, date, firstDay: this.firstDay, days: range.days, occs, calendars, nowWall: this.nowWall(), focusId: this._focus,
      grabbedKey: this._grab ? occurrenceKey(this._grab.occ) : null, editors: this.editorsWatch.editors,
      monthLanes: this.view === 'month' ? monthLanesIn(this._monthRoom, range.days.length / 7) : DEFAULT_MONTH_LANES,
    };
    const ctx = viewContext(input);
    const ahead = this.aheadContext(range, input);
    return html`
      ${renderToolbar({
        t, editable: this.editable, date, view: this.view, period: periodTitle(fmt, this.view, date, range.from, range.to), presence: this.binding.presence,
        readOnlyBadge: this.readOnly || (this.binding.access !== null && this.binding.access !== 'write') || this.binding.failure !== null,
        create: () => this.keyboard.createAtFocus(),
        today: () => this.goToday(),
        step: (direction) => this.step(direction),
        goTo: (day) => (this.date = day),
        setView: (view) => (this.view = view),
      })}
      ${renderNotice(t, this._notice, () => (this._notice = ''))}
      <div class="body">
        ${renderSidebar({
          t, calendars, hidden: this.hiddenCalendars, editable: this.editable,
          toggle: (id, shown) => {
            const next = new Set(this.hiddenCalendars);
            if (shown) next.delete(id);
            else next.add(id);
            this.hiddenCalendars = next;
          },
          editCalendar: (id) => this.admin.openCalendar(id),
          exportCalendar: (id) => doc && this.download(exportICS(doc, { calendarId: id }), calendars.find((c) => c.id === id)?.name ?? 'calendar'),
          openImport: () => this.admin.openImport(),
        })}
        <main
          class=${this.editable ? 'view editable' : 'view'}
          part="view"
          data-view=${this.view}
          aria-describedby="kbd-help"
          @keydown=${this.keyboard.onKey}
          @pointerdown=${this.pointer.onPointerDown}
          @pointermove=${this.pointer.onPointerMove}
          @pointerup=${this.pointer.onPointerUp}
          @pointercancel=${this.pointer.onPointerCancel}
          @click=${this.pointer.onClick}
          @dblclick=${this.pointer.onDoubleClick}
          @focusin=${this.keyboard.onFocusIn}
        >
          ${renderView(this.view, ctx, ahead)}
        </main>
      </div>
      <p id="kbd-help" class="sr-only">${t('keyboardHelp')}</p>
      <div class="sr-only" aria-live="polite" data-testid="announcement">${this._announce}</div>
      <footer>
        <span part="status" role="status" data-status=${this.binding.status ?? nothing}>${statusText(t, this.binding.status, this.binding.failure)}</span>
      </footer>
      ${this.editor.render(calendars)}
      ${this.admin.render(calendars)}
    `;
  }
}

customElements.define('allmende-calendar', AllmendeCalendar);

declare global {
  interface HTMLElementTagNameMap {
    'allmende-calendar': AllmendeCalendar;
  }
}

import {
  createEvent, createUndoManager, deleteCalendar, exportICS, getEvent, importICS, listCalendars, listEvents, occurrences, setCalendar, updateEvent,
} from '@allmende/calendar-model';
import type { CalendarInfo, EditMode, Occurrence } from '@allmende/calendar-model';
import type { User } from '@allmende/core';
import { AllmendeElement, CollabBinding, formStyles, LocaleController, presenceColor } from '@allmende/ui';
import { css, html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { renderAgenda } from './agenda-view.js';
import { bindCalendar } from './calendar-api.js';
import type { CalendarApi } from './calendar-api.js';
import { calendarMessages } from './calendar-messages.js';
import type { CalendarTranslate } from './calendar-messages.js';
import { CALENDAR_COLORS, renderCalendarForm, renderImportForm, renderSidebar } from './calendar-sidebar.js';
import type { CalendarDraft, ImportDraft } from './calendar-sidebar.js';
import type { CalendarHost, CreatePreview, Grab } from './calendar-host.js';
import { CalendarKeyboard } from './calendar-keyboard.js';
import { CalendarPointer } from './calendar-pointer.js';
import { calendarStyles, HOUR_HEIGHT } from './calendar-styles.js';
import { addDays, minuteOfDay, stepDate, viewRange, VIEWS, wallAt, wallToMs, weekStart } from './date-math.js';
import type { CalendarView } from './date-math.js';
import { renderEventDialog } from './event-dialog.js';
import { eventForm, formPatch, formProblem, formTimes, newEventForm } from './event-form.js';
import type { EventForm } from './event-form.js';
import { Formats } from './formats.js';
import { monthLanesFor, renderMonth } from './month-view.js';
import { deleteOccurrence, isRecurring, moveOccurrence, shifted } from './move-event.js';
import { firstDay, occurrenceKey } from './occurrence-layout.js';
import { renderTimeGrid } from './time-grid-view.js';
import type { RemoteEditor, ViewContext } from './view-context.js';
import { eventLabel } from './view-context.js';
import { renderYear } from './year-view.js';
import { browserTimeZone, timeZoneNames, wallInZone } from './zone-time.js';

/** The connection state `<allmende-calendar>` shows; see `<allmende-doc>`'s status for the meaning. */
export type AllmendeCalendarStatus = 'connecting' | 'connected' | 'offline' | 'error' | null;

/** The awareness field this element publishes: the uid of the event this user is dragging or editing. */
export interface CalendarPresence {
  editing: string | null;
}

const BINDING_PROPERTIES = ['relay', 'document', 'token', 'ydoc', 'awareness'] as const;
const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;
const DEFAULT_CALENDAR_ID = 'default';

interface DialogState {
  form: EventForm;
  initial: EventForm | null;
  occ: Occurrence | null;
  error: string;
}

interface ModeQuestion {
  kind: 'edit' | 'delete';
  title: string;
  run: (mode: EditMode) => void;
}

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
 * Space picks an event up, then arrows move it (15 minutes, a day), Shift+arrows
 * resize it, Enter or Space drops it and Escape cancels; Delete deletes;
 * Page Up/Down go to the previous/next page, T to today.
 *
 * @csspart calendars - The list of calendars.
 * @csspart presence - Who is in the calendar.
 * @csspart access - "Read only" when the calendar cannot be edited by this user.
 * @csspart status - The connection status.
 * @csspart notice - Messages such as a refused change (`role="alert"`).
 * @csspart view - The current view.
 * @cssprop --allmende-calendar-height - Height of the element (44rem).
 */
export class AllmendeCalendar extends AllmendeElement implements CalendarHost {
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
    _dialog: { state: true },
    _ask: { state: true },
    _calendarDraft: { state: true },
    _importDraft: { state: true },
    _hidden: { state: true },
    _notice: { state: true },
    _announce: { state: true },
    _now: { state: true },
    _lanes: { state: true },
    _editors: { state: true },
    _create: { state: true },
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
  private declare _dialog: DialogState | null;
  private declare _ask: ModeQuestion | null;
  private declare _calendarDraft: CalendarDraft | null;
  private declare _importDraft: ImportDraft | null;
  private declare _hidden: ReadonlySet<string>;
  private declare _notice: string;
  /** @internal (for the keyboard and pointer controllers) */
  declare _announce: string;
  private declare _now: number;
  private declare _lanes: number;
  private declare _editors: ReadonlyMap<string, readonly RemoteEditor[]>;
  /** @internal (for the keyboard and pointer controllers) */
  declare _create: CreatePreview | null;

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
  /** @internal (for the keyboard and pointer controllers) */
  wantFocus = false;
  private scrollPending = true;
  private clock = 0;
  private resizeObserver: ResizeObserver | null = null;
  private formats: Formats | null = null;
  /** @internal (for the keyboard and pointer controllers) */
  lastOccs: readonly Occurrence[] = [];
  private api: CalendarApi | null = null;
  /** This user's undo history (their own edits only; others' changes are never undone). */
  private undoManager: Y.UndoManager | null = null;

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
    this._focus = '';
    this._grab = null;
    this._dialog = null;
    this._ask = null;
    this._calendarDraft = null;
    this._importDraft = null;
    this._hidden = new Set();
    this._notice = '';
    this._announce = '';
    this._now = Date.now();
    this._lanes = 3;
    this._editors = new Map();
    this._create = null;
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

  /** Goes to today. */
  /** Undoes this user's last edit (several edits within half a second count as one); returns whether there was one. */
  undo(): boolean {
    return this.history('undo');
  }

  /** Redoes what `undo()` took back. */
  redo(): boolean {
    return this.history('redo');
  }

  private history(which: 'undo' | 'redo'): boolean {
    const manager = this.undoManager;
    if (!manager) return false;
    const stack = which === 'undo' ? manager.undoStack : manager.redoStack;
    if (stack.length === 0) {
      this.announce(this.t(which === 'undo' ? 'nothingToUndo' : 'nothingToRedo'));
      return false;
    }
    let done = false;
    const ok = this.attempt(() => {
      done = (which === 'undo' ? manager.undo() : manager.redo()) !== null;
    });
    if (ok && done) this.announce(this.t(which === 'undo' ? 'undone' : 'redone'));
    return ok && done;
  }

  /** Ctrl+Z (⌘Z) undoes, Ctrl+Y and Ctrl+Shift+Z redo, except in text fields (their own undo) and while a dialog or a pick-up is open. */
  private readonly onUndoKey = (e: KeyboardEvent): void => {
    if (e.defaultPrevented || e.altKey || !(e.ctrlKey || e.metaKey)) return;
    const key = e.key.toLowerCase();
    if (key !== 'z' && key !== 'y') return;
    const origin = e.composedPath()[0] as HTMLElement | undefined;
    if (origin?.closest?.('input, select, textarea, [contenteditable]') || this._dialog || this._ask || this._grab || this._calendarDraft || this._importDraft) return;
    e.preventDefault();
    if (key === 'y' || e.shiftKey) this.redo();
    else this.undo();
  };

  goToday(): void {
    this.date = this.today();
  }

  /** Goes to the next (`1`) or previous (`-1`) page of the view. */
  step(direction: 1 | -1): void {
    this.date = stepDate(this.view, this.currentDate, direction);
  }

  /** @internal (for the keyboard and pointer controllers) */
  get t(): CalendarTranslate {
    return this.i18n.translate(calendarMessages);
  }

  private get fmt(): Formats {
    if (!this.formats || this.formats.locale !== this.i18n.locale) this.formats = new Formats(this.i18n.locale);
    return this.formats;
  }

  /** @internal (for the keyboard and pointer controllers) */
  today(): string {
    return wallInZone(this._now, this.viewTimeZone).slice(0, 10);
  }

  // ---- lifecycle and binding ----

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('keydown', this.onUndoKey);
    if (this.hasUpdated && !this.boundDoc) this.bind();
    this.clock = window.setInterval(() => (this._now = Date.now()), 30_000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('keydown', this.onUndoKey);
    window.clearInterval(this.clock);
    this.resizeObserver?.disconnect();
    this.resizeObserver = null;
    this.unbind();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.isConnected) return;
    if (!this.boundDoc || BINDING_PROPERTIES.some((name) => changed.has(name))) this.bind();
    else if (changed.has('userName') || changed.has('userColor')) this.binding.publishUser(this.user);
    if (changed.has('view') && !VIEWS.includes(this.view)) this.view = 'week';
    if (changed.has('view')) this.scrollPending = true;
  }

  protected override firstUpdated(): void {
    this.resizeObserver = new ResizeObserver(() => this.measure());
    const view = this.renderRoot.querySelector('main.view');
    if (view) this.resizeObserver.observe(view);
  }

  protected override updated(): void {
    const root = this.renderRoot as ShadowRoot;
    if (this.scrollPending) {
      const scroll = root.querySelector<HTMLElement>('[data-scroll]');
      if (scroll) {
        this.scrollPending = false;
        const days = viewRange(this.view, this.currentDate, this.firstDay).days;
        const minute = days.includes(this.today()) ? Math.max(0, minuteOfDay(wallInZone(this._now, this.viewTimeZone)) - 120) : 7 * 60;
        scroll.scrollTop = (minute / 60) * HOUR_HEIGHT;
      }
      if (this.view === 'month') this.measure();
    }
    // The roving tabindex: when the focused element is not in this view, the first cell takes the tab stop.
    const view = root.querySelector('main.view');
    if (view && !view.querySelector('[tabindex="0"]')) view.querySelector('[data-focus-id]')?.setAttribute('tabindex', '0');
    if (this.wantFocus) {
      this.wantFocus = false;
      const target = root.querySelector<HTMLElement>(`[data-focus-id="${CSS.escape(this._focus)}"]`);
      if (target) {
        target.focus({ preventScroll: true });
        target.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      }
    }
  }

  private measure(): void {
    const week = this.renderRoot.querySelector<HTMLElement>('.month .week');
    if (!week) return;
    const rem = parseFloat(getComputedStyle(week).fontSize) || 16;
    const lanes = monthLanesFor(week.getBoundingClientRect().height, rem);
    if (lanes !== this._lanes) this._lanes = lanes;
  }

  private get user(): User {
    const name = this.userName.trim() || 'Anonymous';
    let color = this.userColor.trim();
    if (color && !HEX_COLOR.test(color)) color = '';
    return { name, color: color || presenceColor(name) };
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
    this.undoManager = createUndoManager(connection.doc);
    connection.awareness?.on('change', this.onAwareness);
    this.readEditors();
    this._revision++;
  }

  private unbind(): void {
    const doc = this.boundDoc;
    if (!doc) return;
    doc.off('afterTransaction', this.onDocChange);
    this.undoManager?.destroy();
    this.undoManager = null;
    this.boundAwareness?.off('change', this.onAwareness);
    if (this.boundAwareness && !this.binding.connection?.session) this.boundAwareness.setLocalStateField('calendar', null);
    this.boundDoc = null;
    this.boundAwareness = null;
    this.binding.close();
  }

  private readonly onDocChange = (): void => {
    this._revision++;
  };

  private readonly onAwareness = (): void => {
    this.readEditors();
  };

  /** Reads who else is editing which event from the awareness states (untrusted: only strings, cut short, shown as text). */
  private readEditors(): void {
    const awareness = this.boundAwareness;
    const next = new Map<string, RemoteEditor[]>();
    if (awareness) {
      for (const [id, state] of awareness.getStates()) {
        if (id === awareness.clientID || !state) continue;
        const cal = (state as { calendar?: { editing?: unknown } }).calendar;
        const uid = cal && typeof cal.editing === 'string' ? cal.editing : null;
        if (!uid) continue;
        const user = (state as { user?: { name?: unknown; color?: unknown } }).user;
        const name = typeof user?.name === 'string' && user.name.trim() ? user.name.trim().slice(0, 64) : this.t('anonymous');
        const color = typeof user?.color === 'string' && HEX_COLOR.test(user.color) ? user.color : presenceColor(name);
        next.set(uid, [...(next.get(uid) ?? []), { name, color }]);
      }
    }
    const key = (m: ReadonlyMap<string, readonly RemoteEditor[]>): string => JSON.stringify([...m].sort());
    if (key(next) !== key(this._editors)) this._editors = next;
  }

  /** Tells the others which event this user is editing (or none). */
  /** @internal (for the keyboard and pointer controllers) */
  publishEditing(uid: string | null): void {
    const awareness = this.boundAwareness;
    if (!awareness) return;
    const current = (awareness.getLocalState() as { calendar?: CalendarPresence } | null)?.calendar?.editing ?? null;
    if (current !== uid) awareness.setLocalStateField('calendar', { editing: uid } satisfies CalendarPresence);
  }

  // ---- data ----

  private calendars(): CalendarInfo[] {
    const doc = this.doc;
    return doc ? listCalendars(doc) : [];
  }

  /** @internal (for the keyboard and pointer controllers) */
  get firstDay(): number {
    return weekStart(this.i18n.locale);
  }

  /** The last query's key and answer: renders for a drag preview, focus or presence reuse it until the page, zone, calendars shown or document change. */
  private occCache: { key: string; doc: Y.Doc; hidden: ReadonlySet<string>; occs: Occurrence[] } | null = null;

  private queryOccurrences(from: string, to: string): Occurrence[] {
    const doc = this.doc;
    if (!doc) return [];
    const key = `${from}|${to}|${this.viewTimeZone}|${this._revision}`;
    const cached = this.occCache;
    if (cached && cached.key === key && cached.doc === doc && cached.hidden === this._hidden) return cached.occs;
    const occs = this.queryUncached(doc, from, to);
    this.occCache = { key, doc, hidden: this._hidden, occs };
    return occs;
  }

  private queryUncached(doc: Y.Doc, from: string, to: string): Occurrence[] {
    const all = occurrences(doc, {
      from,
      to,
      timeZone: this.viewTimeZone,
      onInvalid: (uid, error) => console.warn(`<allmende-calendar>: event ${uid} cannot be read and is not shown:`, error.message),
    });
    const hidden = this._hidden;
    return hidden.size === 0 ? all : all.filter((o) => !hidden.has(o.calendarId ?? DEFAULT_CALENDAR_ID));
  }

  /** The calendar new events go into: the first shown one, else the default calendar (created when the event is saved). */
  private targetCalendar(): string {
    const list = this.calendars();
    return (list.find((c) => !this._hidden.has(c.id)) ?? list[0])?.id ?? DEFAULT_CALENDAR_ID;
  }

  /** Creates the default calendar if `id` names it and it does not exist yet (a fixed id, so two first events at once make one calendar). */
  private ensureCalendar(id: string): void {
    const doc = this.doc;
    if (!doc || id !== DEFAULT_CALENDAR_ID || listCalendars(doc).some((c) => c.id === id)) return;
    setCalendar(doc, { id: DEFAULT_CALENDAR_ID, name: this.t('defaultCalendarName'), color: CALENDAR_COLORS[0]! });
  }

  /** The calendars to choose from in dialogs: the document's, or the default one before any exists. */
  private calendarChoices(calendars: CalendarInfo[]): CalendarInfo[] {
    return calendars.length ? calendars : [{ id: DEFAULT_CALENDAR_ID, name: this.t('defaultCalendarName') }];
  }

  /** The occurrences shifted for a drag or keyboard move preview, and the preview of a new event being drawn. */
  private withPreview(occs: Occurrence[]): Occurrence[] {
    const grab = this._grab;
    let out = occs;
    if (grab) {
      const key = occurrenceKey(grab.occ);
      out = out.map((o) => (occurrenceKey(o) === key ? shifted(o, grab.start, grab.end) : o));
    }
    const c = this._create;
    if (c) {
      const offset = '';
      const start = wallAt(c.date, c.start);
      const end = wallAt(c.date, c.end);
      out = [...out, {
        uid: '\u0000new', start: start + offset, end: end + offset, allDay: false, summary: this.t('newEvent'), recurrenceId: undefined,
        overridden: undefined, location: undefined, status: undefined, calendarId: undefined, startMs: wallToMs(start), endMs: wallToMs(end),
      }];
    }
    return out;
  }

  // ---- rendering ----

  protected override render(): TemplateResult {
    const t = this.t;
    const fmt = this.fmt;
    void this._revision;
    const date = this.currentDate;
    const range = viewRange(this.view, date, this.firstDay);
    const occs = this.withPreview(this.queryOccurrences(range.from, range.to));
    this.lastOccs = occs;
    const calendars = this.calendars();
    const colors = new Map(calendars.map((c, i) => [c.id, c.color ?? CALENDAR_COLORS[i % CALENDAR_COLORS.length]!]));
    const names = new Map(calendars.map((c) => [c.id, c.name]));
    const nowWall = wallInZone(this._now, this.viewTimeZone);
    const ctx: ViewContext = {
      t, fmt, date, firstDay: this.firstDay, days: range.days, occs,
      today: nowWall.slice(0, 10),
      focusId: this._focus,
      grabbedKey: this._grab ? occurrenceKey(this._grab.occ) : null,
      editors: this._editors,
      monthLanes: this._lanes,
      nowMinute: minuteOfDay(nowWall),
      colorOf: (id) => colors.get(id ?? DEFAULT_CALENDAR_ID) ?? '#616161',
      calendarName: (id) => names.get(id ?? DEFAULT_CALENDAR_ID) ?? '',
    };
    const readOnlyBadge = this.readOnly || (this.binding.access !== null && this.binding.access !== 'write') || this.binding.failure !== null;
    return html`
      <header class="top">
        <button type="button" class="tb primary" ?disabled=${!this.editable} @click=${() => this.createAtCursor()}>+ ${t('newEvent')}</button>
        <button type="button" class="tb" data-action="today" @click=${() => this.goToday()}>${t('today')}</button>
        <button type="button" class="icon" aria-label=${t('previous')} title=${t('previous')} data-action="previous" @click=${() => this.step(-1)}>‹</button>
        <button type="button" class="icon" aria-label=${t('next')} title=${t('next')} data-action="next" @click=${() => this.step(1)}>›</button>
        <h2 class="period" aria-live="polite">${this.periodTitle(range.from, range.to)}</h2>
        <input type="date" aria-label=${t('goToDate')} .value=${date} @change=${(e: Event) => {
          const v = (e.target as HTMLInputElement).value;
          if (/^\d{4}-\d{2}-\d{2}$/.test(v)) this.date = v;
        }} />
        <span class="grow"></span>
        <label class="sr-only" for="view-select">${t('viewLabel')}</label>
        <select id="view-select" aria-label=${t('viewLabel')} .value=${this.view} @change=${(e: Event) => (this.view = (e.target as HTMLSelectElement).value as CalendarView)}>
          ${VIEWS.map((v) => html`<option value=${v} ?selected=${v === this.view}>${t(v)}</option>`)}
        </select>
        <div class="meta">
          ${this.binding.presence.length > 0
            ? html`<allmende-presence-list part="presence" label=${t('presenceLabel')} .users=${this.binding.presence}></allmende-presence-list>`
            : nothing}
          ${readOnlyBadge ? html`<span part="access">${t('readOnly')}</span>` : nothing}
        </div>
      </header>
      <div part="notice" class=${this._notice ? 'shown' : ''} role="alert">
        ${this._notice ? html`<span>${this._notice}</span><button type="button" class="tb" @click=${() => (this._notice = '')}>${t('dismiss')}</button>` : nothing}
      </div>
      <div class="body">
        ${renderSidebar({
          t, calendars, hidden: this._hidden, editable: this.editable,
          toggle: (id, shown) => {
            const next = new Set(this._hidden);
            if (shown) next.delete(id);
            else next.add(id);
            this._hidden = next;
          },
          editCalendar: (id) => this.openCalendarDialog(id),
          exportCalendar: (id) => this.download(exportICS(this.doc!, { calendarId: id }), names.get(id) ?? 'calendar'),
          openImport: () => (this._importDraft = { calendarId: this.importTarget(), busy: false, done: '', warnings: [], error: '' }),
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
          ${this.renderView(ctx)}
        </main>
      </div>
      <p id="kbd-help" class="sr-only">${t('keyboardHelp')}</p>
      <div class="sr-only" aria-live="polite" data-testid="announcement">${this._announce}</div>
      <footer>
        <span part="status" role="status" data-status=${this.binding.status ?? nothing}>${this.statusText(t)}</span>
      </footer>
      ${this.renderDialogs(t, calendars)}
    `;
  }

  private renderView(ctx: ViewContext): TemplateResult {
    switch (this.view) {
      case 'month':
        return renderMonth(ctx);
      case 'agenda':
        return renderAgenda(ctx);
      case 'year':
        return renderYear(ctx);
      default:
        return renderTimeGrid(ctx);
    }
  }

  private periodTitle(from: string, to: string): string {
    const fmt = this.fmt;
    switch (this.view) {
      case 'month':
        return fmt.monthYear(this.currentDate);
      case 'day':
        return fmt.fullDate(from);
      case 'year':
        return from.slice(0, 4);
      default:
        return fmt.dateRange(from, addDays(to, -1));
    }
  }

  private statusText(t: CalendarTranslate): string {
    const s = this.binding.status;
    if (!s) return '';
    if (s !== 'error') return t(s);
    const f = this.binding.failure;
    if (!f) return t('notConnected', '');
    return t('notConnected', f.reason === 'closedByRelay' ? t('closedByRelay', f.code) : t(f.reason));
  }

  private renderDialogs(t: CalendarTranslate, calendars: CalendarInfo[]): TemplateResult {
    const d = this._dialog;
    const ask = this._ask;
    const cal = this._calendarDraft;
    const imp = this._importDraft;
    return html`
      <allmende-dialog class="wide" label=${d && d.initial ? t('editEvent') : t('newEvent')} ?open=${!!d} @allmende-dialog-close=${() => this.closeDialog()}>
        ${d
          ? renderEventDialog({
              t, fmt: this.fmt, form: d.form, isNew: !d.initial, error: d.error, calendars: this.calendarChoices(calendars),
              zones: this.zoneList(), editable: this.editable,
              change: (patch) => (this._dialog = { ...d, form: { ...d.form, ...patch }, error: '' }),
              save: () => this.saveDialog(),
              cancel: () => this.closeDialog(),
              remove: () => d.occ && this.deleteWithQuestion(d.occ),
              exportEvent: () => d.occ && this.download(exportICS(this.doc!, { uid: d.occ.uid }), d.form.title || 'event'),
            })
          : nothing}
      </allmende-dialog>
      <allmende-dialog label=${ask ? (ask.kind === 'edit' ? t('recurringEdit') : t('recurringDelete')) : ''} ?open=${!!ask} @allmende-dialog-close=${() => (this._ask = null)}>
        ${ask
          ? html`<p>${ask.title}</p>
              <div class="modes">
                ${(['this', 'following', 'all'] as const).map(
                  (mode, i) => html`<button type="button" class=${i === 0 ? 'primary' : ''} ?autofocus=${i === 0} data-mode=${mode}
                    @click=${() => {
                      this._ask = null;
                      ask.run(mode);
                    }}>${t(mode === 'this' ? 'modeThis' : mode === 'following' ? 'modeFollowing' : 'modeAll')}</button>`,
                )}
                <button type="button" @click=${() => (this._ask = null)}>${t('cancel')}</button>
              </div>`
          : nothing}
      </allmende-dialog>
      <allmende-dialog label=${cal?.id ? t('editCalendar', cal.name) : t('newCalendar')} ?open=${!!cal} @allmende-dialog-close=${() => (this._calendarDraft = null)}>
        ${cal
          ? renderCalendarForm(t, cal, (p) => (this._calendarDraft = { ...cal, ...p }), () => this.saveCalendar(), () => (this._calendarDraft = null),
              () => this.askDeleteCalendar(), () => this.removeCalendar())
          : nothing}
      </allmende-dialog>
      <allmende-dialog label=${t('importIcs')} ?open=${!!imp} @allmende-dialog-close=${() => (this._importDraft = null)}>
        ${imp
          ? renderImportForm(t, imp, this.calendarChoices(calendars),
              (p) => (this._importDraft = { ...imp, ...p }), (file) => void this.importFile(file), () => (this._importDraft = null))
          : nothing}
      </allmende-dialog>
    `;
  }

  private zones: string[] | null = null;

  private zoneList(): string[] {
    this.zones ??= timeZoneNames();
    return this.zones;
  }

  // ---- actions ----

  /** @internal (for the keyboard and pointer controllers) */
  notify(message: string): void {
    this._notice = message;
  }

  /** @internal (for the keyboard and pointer controllers) */
  announce(message: string): void {
    this._announce = message;
  }

  /** Runs an edit; a refused one (bad data, a deleted event) shows its reason and changes nothing. */
  private attempt(action: () => void): boolean {
    if (!this.editable) {
      this.notify(this.t('readOnlyNotice'));
      return false;
    }
    try {
      // Each user action is its own undo step, however soon after the last one it comes.
      this.undoManager?.stopCapturing();
      action();
      return true;
    } catch (error) {
      this.notify(this.t('editFailed', error instanceof Error ? error.message : String(error)));
      return false;
    }
  }

  /** @internal (for the keyboard and pointer controllers) */
  findOcc(key: string): Occurrence | undefined {
    return this.lastOccs.find((o) => occurrenceKey(o) === key);
  }

  /** Opens the dialog for a new event from `start` to `end` (local wall times in the view's zone, or dates). */
  /** @internal (for the keyboard and pointer controllers) */
  openNew(start: string, end: string): void {
    if (!this.editable) {
      this.notify(this.t('readOnlyNotice'));
      return;
    }
    const calendarId = this.targetCalendar();
    this._dialog = { form: newEventForm(start, end, calendarId, this.viewTimeZone), initial: null, occ: null, error: '' };
  }

  /** @internal (for the keyboard and pointer controllers) */
  openEvent(occ: Occurrence): void {
    const event = this.doc && getEvent(this.doc, occ.uid);
    if (!event) return;
    const form = eventForm(event, occ, this.viewTimeZone);
    this._dialog = { form, initial: structuredClone(form), occ, error: '' };
    if (this.editable) this.publishEditing(occ.uid);
  }

  private closeDialog(): void {
    this._dialog = null;
    this.publishEditing(null);
    this.wantFocus = true;
  }

  private saveDialog(): void {
    const d = this._dialog;
    const doc = this.doc;
    if (!d || !doc) return;
    const t = this.t;
    const problem = formProblem(d.form);
    if (problem) {
      this._dialog = { ...d, error: t('invalid', problem.key === 'badEmail' ? t('badEmail', problem.email) : t('endBeforeStart')) };
      return;
    }
    const event = d.occ ? getEvent(doc, d.occ.uid) : undefined;
    const run = (mode: EditMode): void => {
      try {
        if (!this.editable) throw new RangeError(t('readOnlyNotice'));
        this.undoManager?.stopCapturing();
        if (!d.occ) {
          const patch = formPatch(d.form, null, undefined, this.viewTimeZone, 'all');
          const { start } = formTimes(d.form);
          doc.transact(() => {
            this.ensureCalendar(d.form.calendarId);
            createEvent(doc, { ...patch, start, summary: d.form.title.trim() });
          });
          this.announce(t('created', d.form.title.trim() || t('noTitle'), this.fmt.fullDate(start.slice(0, 10))));
        } else {
          if (!event) throw new RangeError(`the event was deleted meanwhile.`);
          const patch = formPatch(d.form, d.initial, event, this.viewTimeZone, mode);
          if (Object.keys(patch).length > 0) {
            updateEvent(doc, d.occ.uid, patch, mode === 'all' ? {} : { mode, recurrenceId: d.occ.recurrenceId! });
          }
        }
        this.closeDialog();
      } catch (error) {
        this._dialog = { ...d, error: t('invalid', error instanceof Error ? error.message : String(error)) };
      }
    };
    if (d.occ && isRecurring(event) && d.occ.recurrenceId !== undefined) {
      this._ask = { kind: 'edit', title: d.form.title || t('noTitle'), run };
    } else run('all');
  }

  /** @internal (for the keyboard and pointer controllers) */
  deleteWithQuestion(occ: Occurrence): void {
    const doc = this.doc;
    if (!doc) return;
    const t = this.t;
    const title = occ.summary || t('noTitle');
    const run = (mode: EditMode): void => {
      if (this.attempt(() => deleteOccurrence(doc, occ, mode))) {
        this.announce(t('deleted', title));
        if (this._dialog) this.closeDialog();
        this._focus = `c:${firstDay(occ)}`;
        this.wantFocus = true;
      }
    };
    const event = getEvent(doc, occ.uid);
    if (isRecurring(event) && occ.recurrenceId !== undefined) this._ask = { kind: 'delete', title: t('confirmDelete', title), run };
    else run('all');
  }

  /** Commits a move or resize; for an occurrence of a series it asks which occurrences first. */
  /** @internal (for the keyboard and pointer controllers) */
  commitGrab(): void {
    const grab = this._grab;
    const doc = this.doc;
    if (!grab || !doc) return;
    const finish = (): void => {
      this._grab = null;
      this.publishEditing(null);
    };
    if (grab.start === 0 && grab.end === 0) {
      finish();
      return;
    }
    const t = this.t;
    const run = (mode: EditMode): void => {
      let uid = grab.occ.uid;
      const ok = this.attempt(() => (uid = moveOccurrence(doc, grab.occ, { start: grab.start, end: grab.end }, mode)));
      finish();
      if (ok) {
        const moved = shifted(grab.occ, grab.start, grab.end);
        // Keep the focus on the moved event; its recurrence id stays, except for a split series, which starts anew.
        const next = uid === grab.occ.uid ? moved : { ...moved, uid, recurrenceId: mode === 'following' ? moved.start.slice(0, 19) : undefined };
        const key = occurrenceKey(next);
        this._revision++;
        this.updateComplete.then(() => {
          const found = this.lastOccs.find((o) => occurrenceKey(o) === key) ?? this.lastOccs.find((o) => o.uid === uid && o.startMs === moved.startMs);
          this._focus = found ? `e:${occurrenceKey(found)}` : `c:${firstDay(moved)}`;
          this.wantFocus = true;
        }, () => {});
        this.announce(t('moved', grab.occ.summary || t('noTitle'), eventLabel(this.contextForLabels(), moved)));
      }
    };
    const event = getEvent(doc, grab.occ.uid);
    if (isRecurring(event) && grab.occ.recurrenceId !== undefined) {
      // The preview stays while the question is open; cancelling it leaves the event picked up (Escape puts it back).
      this._ask = { kind: 'edit', title: grab.occ.summary || t('noTitle'), run };
      this._grab = { ...grab, by: 'keyboard' };
      return;
    }
    run('all');
  }

  /** @internal (for the keyboard and pointer controllers) */
  contextForLabels(): ViewContext {
    const names = new Map(this.calendars().map((c) => [c.id, c.name]));
    return {
      t: this.t, fmt: this.fmt, today: this.today(), date: this.currentDate, firstDay: this.firstDay, days: [], occs: [], focusId: '',
      grabbedKey: null, editors: new Map(), monthLanes: 1, nowMinute: 0, colorOf: () => '', calendarName: (id) => names.get(id ?? DEFAULT_CALENDAR_ID) ?? '',
    };
  }

  private createAtCursor(): void {
    const f = this._focus;
    const date = /^[cas]:(\d{4}-\d{2}-\d{2})/.exec(f)?.[1] ?? this.currentDate;
    if (f.startsWith('s:')) {
      const minute = Number(f.split(':')[2]);
      this.openNew(wallAt(date, minute), wallAt(date, minute + 60));
    } else if (this.view === 'month' || f.startsWith('a:') || this.view === 'year' || this.view === 'agenda') {
      if (this.view === 'month' || f.startsWith('a:')) this.openNew(date, addDays(date, 1));
      else this.openNew(wallAt(date, 9 * 60), wallAt(date, 10 * 60));
    } else {
      const minute = Math.min(23 * 60, Math.ceil(minuteOfDay(wallInZone(this._now, this.viewTimeZone)) / 60) * 60);
      this.openNew(wallAt(date, minute), wallAt(date, minute + 60));
    }
  }

  private openCalendarDialog(id: string | null): void {
    const existing = id ? this.calendars().find((c) => c.id === id) : undefined;
    const used = new Set(this.calendars().map((c) => c.color));
    this._calendarDraft = {
      id,
      name: existing?.name ?? '',
      color: existing?.color ?? CALENDAR_COLORS.find((c) => !used.has(c)) ?? CALENDAR_COLORS[0]!,
      error: '',
    };
  }

  private saveCalendar(): void {
    const draft = this._calendarDraft;
    const doc = this.doc;
    if (!draft || !doc) return;
    const name = draft.name.trim();
    if (!name) {
      this._calendarDraft = { ...draft, error: this.t('invalid', this.t('calendarName')) };
      return;
    }
    if (this.attempt(() => setCalendar(doc, { ...(draft.id ? { id: draft.id } : {}), name, color: draft.color }))) this._calendarDraft = null;
  }

  /** Asks before deleting the calendar being edited, naming how many events go with it. */
  private askDeleteCalendar(): void {
    const draft = this._calendarDraft;
    const doc = this.doc;
    if (!draft?.id || !doc) return;
    const id = draft.id;
    const events = listEvents(doc).filter((e) => e.calendarId === id).length;
    const name = this.calendars().find((c) => c.id === id)?.name ?? draft.name;
    this._calendarDraft = { ...draft, name, confirmDelete: events };
  }

  /**
   * Deletes the calendar and its events, for everyone (events without their calendar would be orphans no one can
   * hide or export); this user's Ctrl+Z brings both back.
   */
  private removeCalendar(): void {
    const draft = this._calendarDraft;
    const doc = this.doc;
    if (!draft?.id || !doc) return;
    const id = draft.id;
    if (this.attempt(() => deleteCalendar(doc, id, { deleteEvents: true }))) {
      this._calendarDraft = null;
      if (this._hidden.has(id)) {
        const next = new Set(this._hidden);
        next.delete(id);
        this._hidden = next;
      }
      this.announce(this.t('deleted', draft.name));
    }
  }

  private importTarget(): string {
    return this.targetCalendar();
  }

  private async importFile(file: File): Promise<void> {
    const draft = this._importDraft;
    const doc = this.doc;
    if (!draft || !doc) return;
    const t = this.t;
    if (!this.editable) {
      this._importDraft = { ...draft, error: t('readOnlyNotice') };
      return;
    }
    this._importDraft = { ...draft, busy: true, error: '', done: '', warnings: [] };
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      this._importDraft = { ...draft, busy: false, error: t('importFailed', error instanceof Error ? error.message : String(error)) };
      return;
    }
    try {
      const result = importICS(doc, text, { calendarId: draft.calendarId });
      // Only after a successful import: a refused file leaves the document untouched.
      this.ensureCalendar(draft.calendarId);
      this._importDraft = { ...draft, busy: false, done: t('importDone', result.uids.length), warnings: result.warnings, error: '' };
    } catch (error) {
      this._importDraft = { ...draft, busy: false, error: t('importFailed', error instanceof Error ? error.message : String(error)) };
    }
  }

  private download(text: string, name: string): void {
    const blob = new Blob([text], { type: 'text/calendar;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const a = this.ownerDocument.createElement('a');
    a.href = url;
    a.download = `${name.replace(/[^\p{L}\p{N}._ -]+/gu, '_').trim() || 'calendar'}.ics`;
    a.style.display = 'none';
    this.renderRoot.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

customElements.define('allmende-calendar', AllmendeCalendar);

declare global {
  interface HTMLElementTagNameMap {
    'allmende-calendar': AllmendeCalendar;
  }
}


import {
  createEvent, exportICS, getEvent, importICS, listCalendars, occurrences, setCalendar, updateEvent,
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
import { calendarStyles, HOUR_HEIGHT } from './calendar-styles.js';
import { addDays, DAY_MS, minuteOfDay, msToWall, stepDate, viewRange, VIEWS, wallAt, wallToMs, weekStart } from './date-math.js';
import type { CalendarView } from './date-math.js';
import { renderEventDialog } from './event-dialog.js';
import { eventForm, formPatch, formProblem, formTimes, newEventForm } from './event-form.js';
import type { EventForm } from './event-form.js';
import { Formats } from './formats.js';
import { monthLanesFor, renderMonth } from './month-view.js';
import { deleteOccurrence, isRecurring, moveOccurrence } from './move-event.js';
import { firstDay, occurrenceKey } from './occurrence-layout.js';
import { createRange, minuteAt, moveDelta, resizeEnd, SNAP_MINUTES } from './snap.js';
import { renderTimeGrid, SLOT_MINUTES } from './time-grid-view.js';
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

/** An occurrence being moved or resized, by keyboard or pointer: the preview shows it shifted by `delta`. */
interface Grab {
  occ: Occurrence;
  start: number;
  end: number;
  by: 'keyboard' | 'pointer';
}

interface PointerDrag {
  kind: 'move' | 'resize' | 'create';
  pointerId: number;
  x: number;
  y: number;
  occ: Occurrence | null;
  date: string;
  minute: number;
  moved: boolean;
}

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
export class AllmendeCalendar extends AllmendeElement {
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
  private declare _focus: string;
  private declare _grab: Grab | null;
  private declare _dialog: DialogState | null;
  private declare _ask: ModeQuestion | null;
  private declare _calendarDraft: CalendarDraft | null;
  private declare _importDraft: ImportDraft | null;
  private declare _hidden: ReadonlySet<string>;
  private declare _notice: string;
  private declare _announce: string;
  private declare _now: number;
  private declare _lanes: number;
  private declare _editors: ReadonlyMap<string, readonly RemoteEditor[]>;
  private declare _create: { date: string; start: number; end: number } | null;

  /** The page's language for labels and date formats. */
  readonly i18n = new LocaleController(this);
  private readonly binding = new CollabBinding(this, {
    tag: 'allmende-calendar',
    presenceLabels: () => ({ you: (name: string) => this.t('you', name), anonymous: this.t('anonymous') }),
  });
  private boundDoc: Y.Doc | null = null;
  private boundAwareness: Awareness | null = null;
  private drag: PointerDrag | null = null;
  private wantFocus = false;
  private scrollPending = true;
  private clock = 0;
  private resizeObserver: ResizeObserver | null = null;
  private formats: Formats | null = null;
  private lastOccs: readonly Occurrence[] = [];
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
  goToday(): void {
    this.date = this.today();
  }

  /** Goes to the next (`1`) or previous (`-1`) page of the view. */
  step(direction: 1 | -1): void {
    this.date = stepDate(this.view, this.currentDate, direction);
  }

  private get t(): CalendarTranslate {
    return this.i18n.translate(calendarMessages);
  }

  private get fmt(): Formats {
    if (!this.formats || this.formats.locale !== this.i18n.locale) this.formats = new Formats(this.i18n.locale);
    return this.formats;
  }

  private today(): string {
    return wallInZone(this._now, this.viewTimeZone).slice(0, 10);
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
    connection.awareness?.on('change', this.onAwareness);
    this.readEditors();
    this._revision++;
  }

  private unbind(): void {
    const doc = this.boundDoc;
    if (!doc) return;
    doc.off('afterTransaction', this.onDocChange);
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
  private publishEditing(uid: string | null): void {
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

  private get firstDay(): number {
    return weekStart(this.i18n.locale);
  }

  private queryOccurrences(from: string, to: string): Occurrence[] {
    const doc = this.doc;
    if (!doc) return [];
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
          class="view"
          part="view"
          data-view=${this.view}
          aria-describedby="kbd-help"
          @keydown=${this.onKey}
          @pointerdown=${this.onPointerDown}
          @pointermove=${this.onPointerMove}
          @pointerup=${this.onPointerUp}
          @pointercancel=${this.onPointerCancel}
          @click=${this.onClick}
          @dblclick=${this.onDoubleClick}
          @focusin=${this.onFocusIn}
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
          ? renderCalendarForm(t, cal, (p) => (this._calendarDraft = { ...cal, ...p }), () => this.saveCalendar(), () => (this._calendarDraft = null))
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

  private notify(message: string): void {
    this._notice = message;
  }

  private announce(message: string): void {
    this._announce = message;
  }

  /** Runs an edit; a refused one (bad data, a deleted event) shows its reason and changes nothing. */
  private attempt(action: () => void): boolean {
    if (!this.editable) {
      this.notify(this.t('readOnlyNotice'));
      return false;
    }
    try {
      action();
      return true;
    } catch (error) {
      this.notify(this.t('editFailed', error instanceof Error ? error.message : String(error)));
      return false;
    }
  }

  private findOcc(key: string): Occurrence | undefined {
    return this.lastOccs.find((o) => occurrenceKey(o) === key);
  }

  /** Opens the dialog for a new event from `start` to `end` (local wall times in the view's zone, or dates). */
  private openNew(start: string, end: string): void {
    if (!this.editable) {
      this.notify(this.t('readOnlyNotice'));
      return;
    }
    const calendarId = this.targetCalendar();
    this._dialog = { form: newEventForm(start, end, calendarId, this.viewTimeZone), initial: null, occ: null, error: '' };
  }

  private openEvent(occ: Occurrence): void {
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

  private deleteWithQuestion(occ: Occurrence): void {
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
  private commitGrab(): void {
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

  private contextForLabels(): ViewContext {
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

  // ---- keyboard ----

  private moveFocus(id: string): void {
    const date = /^[cas]:(\d{4}-\d{2}-\d{2})/.exec(id)?.[1];
    if (date) {
      const range = viewRange(this.view, this.currentDate, this.firstDay);
      if (date < range.from || date >= range.to) this.date = date;
    }
    this._focus = id;
    this.wantFocus = true;
  }

  private readonly onFocusIn = (e: FocusEvent): void => {
    const target = (e.composedPath()[0] as HTMLElement | undefined)?.closest?.('[data-focus-id]');
    const id = target?.getAttribute('data-focus-id');
    if (id && id !== this._focus) this._focus = id;
  };

  private readonly onKey = (e: KeyboardEvent): void => {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
    const origin = e.composedPath()[0] as HTMLElement;
    if (origin.closest('input, select, textarea')) return;
    const handled = this._grab ? this.grabKey(e) : this.navKey(e, origin);
    if (handled) {
      e.preventDefault();
      e.stopPropagation();
    }
  };

  private grabKey(e: KeyboardEvent): boolean {
    const grab = this._grab!;
    if (grab.by !== 'keyboard') return false;
    const timed = !grab.occ.allDay && this.view !== 'month';
    const vertical = this.view === 'month' ? 7 * 1440 : SNAP_MINUTES;
    const dayStep = 1440;
    let { start, end } = grab;
    switch (e.key) {
      case 'ArrowUp':
      case 'ArrowDown': {
        const d = (e.key === 'ArrowUp' ? -1 : 1) * (timed ? vertical : this.view === 'month' ? vertical : dayStep);
        if (e.shiftKey) end = Math.max(end + d, start - (grab.occ.endMs - grab.occ.startMs) / 60_000 + (timed ? SNAP_MINUTES : dayStep));
        else {
          start += d;
          end += d;
        }
        break;
      }
      case 'ArrowLeft':
      case 'ArrowRight': {
        const d = e.key === 'ArrowLeft' ? -dayStep : dayStep;
        if (e.shiftKey) end = Math.max(end + d, start - (grab.occ.endMs - grab.occ.startMs) / 60_000 + (timed ? SNAP_MINUTES : dayStep));
        else {
          start += d;
          end += d;
        }
        break;
      }
      case 'Enter':
      case ' ':
        this.commitGrab();
        return true;
      case 'Escape':
        this._grab = null;
        this.publishEditing(null);
        this.wantFocus = true;
        return true;
      default:
        return false;
    }
    this._grab = { ...grab, start, end };
    const moved = shifted(grab.occ, start, end);
    const date = firstDay(moved);
    const range = viewRange(this.view, this.currentDate, this.firstDay);
    if (date < range.from || date >= range.to) this.date = date;
    this._announce = eventLabel(this.contextForLabels(), moved);
    this.wantFocus = true;
    return true;
  }

  private navKey(e: KeyboardEvent, origin: HTMLElement): boolean {
    const id = origin.closest('[data-focus-id]')?.getAttribute('data-focus-id') ?? this._focus;
    const key = e.key;
    if (key === 'PageUp' || key === 'PageDown') {
      this.step(key === 'PageUp' ? -1 : 1);
      return true;
    }
    if (key === 't' || key === 'T') {
      this.goToday();
      this.moveFocus(this.view === 'month' || this.view === 'year' ? `c:${this.today()}` : `s:${this.today()}:${9 * 60}`);
      return true;
    }
    const [kind] = id.split(':');
    if (kind === 'e') return this.eventKey(e, id.slice(2));
    if (kind === 'm') return this.moreKey(e, id.slice(2));
    const date = id.slice(2, 12);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
    const minute = kind === 's' ? Number(id.split(':')[2]) : 0;
    const cellEvents = (): HTMLElement[] => this.eventsAt(kind!, date, minute);
    switch (key) {
      case 'ArrowLeft':
      case 'ArrowRight': {
        const d = addDays(date, key === 'ArrowLeft' ? -1 : 1);
        this.moveFocus(kind === 's' ? `s:${d}:${minute}` : `${kind}:${d}`);
        return true;
      }
      case 'ArrowUp':
      case 'ArrowDown': {
        const up = key === 'ArrowUp';
        if (kind === 'c') this.moveFocus(`c:${addDays(date, up ? -7 : 7)}`);
        else if (kind === 'a') {
          if (!up) this.moveFocus(`s:${date}:${8 * 60}`);
        } else if (up && minute === 0) this.moveFocus(`a:${date}`);
        else this.moveFocus(`s:${date}:${Math.min(1440 - SLOT_MINUTES, Math.max(0, minute + (up ? -SLOT_MINUTES : SLOT_MINUTES)))}`);
        return true;
      }
      case 'Enter': {
        if (this.view === 'year') {
          this.date = date;
          this.view = 'day';
          this.moveFocus(`s:${date}:${8 * 60}`);
          return true;
        }
        const events = cellEvents();
        const first = events[0]?.getAttribute('data-focus-id');
        if (first) {
          this.moveFocus(first);
          return true;
        }
        this.createAt(kind!, date, minute);
        return true;
      }
      case 'n':
      case 'N':
        this.createAt(kind!, date, minute);
        return true;
      default:
        return false;
    }
  }

  /** Keys on a month cell's "+N more": Enter or Space opens the day, Up/Down walk on, Escape goes back to the cell. */
  private moreKey(e: KeyboardEvent, date: string): boolean {
    switch (e.key) {
      case 'Enter':
      case ' ':
        this.date = date;
        this.view = 'day';
        this.moveFocus(`a:${date}`);
        return true;
      case 'ArrowUp':
      case 'ArrowDown':
        this.walk(`m:${date}`, e.key === 'ArrowUp' ? -1 : 1, `c:${date}`);
        return true;
      case 'Escape':
      case 'ArrowLeft':
      case 'ArrowRight':
        this.moveFocus(`c:${e.key === 'Escape' ? date : addDays(date, e.key === 'ArrowLeft' ? -1 : 1)}`);
        return true;
      default:
        return false;
    }
  }

  /** Moves the focus to the previous or next event (or "+N more") in the view, or to `fallback` past either end. */
  private walk(from: string, step: -1 | 1, fallback: string | null): void {
    const all = [...(this.renderRoot as ShadowRoot).querySelectorAll<HTMLElement>('main.view [data-key], main.view [data-more]')];
    const index = all.findIndex((el) => el.getAttribute('data-focus-id') === from);
    const next = all[index + step];
    if (next) this.moveFocus(next.getAttribute('data-focus-id')!);
    else if (fallback) this.moveFocus(fallback);
  }

  private createAt(kind: string, date: string, minute: number): void {
    if (kind === 's') this.openNew(wallAt(date, minute), wallAt(date, minute + 60));
    else this.openNew(date, addDays(date, 1));
  }

  /** The event elements in a cell: a month day, the all-day cell, or those overlapping a slot. */
  private eventsAt(kind: string, date: string, minute: number): HTMLElement[] {
    const root = this.renderRoot as ShadowRoot;
    if (kind === 'c' || kind === 'a') {
      const cell = root.querySelector(`[data-focus-id="${kind}:${date}"]`);
      return cell ? [...cell.querySelectorAll<HTMLElement>('[data-key]')] : [];
    }
    const keys = new Set(
      this.lastOccs
        .filter((o) => !o.allDay && firstDay(o) <= date && o.end.slice(0, 10) >= date)
        .filter((o) => {
          const s = o.start.slice(0, 10) < date ? 0 : minuteOfDay(o.start);
          const en = o.end.slice(0, 10) > date ? 1440 : minuteOfDay(o.end);
          return s < minute + SLOT_MINUTES && Math.max(en, s + 1) > minute;
        })
        .map(occurrenceKey),
    );
    const col = root.querySelector(`[data-col="${date}"]`);
    return col ? [...col.querySelectorAll<HTMLElement>('[data-key]')].filter((el) => keys.has(el.dataset['key']!)) : [];
  }

  private eventKey(e: KeyboardEvent, key: string): boolean {
    const occ = this.findOcc(key);
    if (!occ) return false;
    const date = firstDay(occ);
    const cellOf = (d: string): string =>
      this.view === 'month' || this.view === 'year' || this.view === 'agenda'
        ? `c:${d}`
        : occ.allDay ? `a:${d}` : `s:${d}:${Math.floor(minuteOfDay(occ.start) / SLOT_MINUTES) * SLOT_MINUTES}`;
    switch (e.key) {
      case 'Enter':
        this.openEvent(occ);
        return true;
      case ' ':
        if (!this.editable) {
          this.notify(this.t('readOnlyNotice'));
          return true;
        }
        this._grab = { occ, start: 0, end: 0, by: 'keyboard' };
        this.publishEditing(occ.uid);
        this.announce(this.t('grabbed', occ.summary || this.t('noTitle')));
        return true;
      case 'Delete':
      case 'Backspace':
        if (!this.editable) {
          this.notify(this.t('readOnlyNotice'));
          return true;
        }
        this.deleteWithQuestion(occ);
        return true;
      case 'Escape':
        if (this.view === 'agenda') return false;
        this.moveFocus(cellOf(date));
        return true;
      case 'ArrowUp':
      case 'ArrowDown':
        this.walk(`e:${key}`, e.key === 'ArrowUp' ? -1 : 1, this.view === 'agenda' ? null : cellOf(date));
        return true;
      case 'ArrowLeft':
      case 'ArrowRight': {
        if (this.view === 'agenda') return false;
        this.moveFocus(cellOf(addDays(date, e.key === 'ArrowLeft' ? -1 : 1)));
        return true;
      }
      default:
        return false;
    }
  }

  // ---- pointer ----

  /** The day and minute under a pointer in the week/day views, snapped to 15 minutes. */
  private slotAt(x: number, y: number): { date: string; minute: number } | null {
    const root = this.renderRoot as ShadowRoot;
    const cols = [...root.querySelectorAll<HTMLElement>('.layer .daycol')];
    for (const col of cols) {
      const r = col.getBoundingClientRect();
      if (x >= r.left && x < r.right) return { date: col.dataset['col']!, minute: minuteAt(y - r.top, HOUR_HEIGHT) };
    }
    if (cols.length === 0) return null;
    const first = cols[0]!.getBoundingClientRect();
    const last = cols[cols.length - 1]!;
    const col = x < first.left ? cols[0]! : last;
    return { date: col.dataset['col']!, minute: minuteAt(y - col.getBoundingClientRect().top, HOUR_HEIGHT) };
  }

  /** The month day under a pointer. */
  private dayAt(x: number, y: number): string | null {
    const root = this.renderRoot as ShadowRoot;
    for (const el of root.elementsFromPoint(x, y)) {
      const d = (el as HTMLElement).dataset?.['date'];
      if (d) return d;
    }
    return null;
  }

  private readonly onPointerDown = (e: PointerEvent): void => {
    if (e.button !== 0 || !this.editable) return;
    const target = e.composedPath()[0] as HTMLElement;
    const chip = target.closest<HTMLElement>('[data-key]');
    const slot = this.view === 'month' || this.view === 'agenda' || this.view === 'year' ? null : this.slotAt(e.clientX, e.clientY);
    if (chip) {
      const occ = this.findOcc(chip.dataset['key']!);
      if (!occ || occ.uid === '\u0000new') return;
      const resize = !!target.closest('[data-grip]');
      const at = this.view === 'month' ? { date: this.dayAt(e.clientX, e.clientY) ?? firstDay(occ), minute: 0 } : slot;
      if (!at) return;
      this.drag = { kind: resize ? 'resize' : 'move', pointerId: e.pointerId, x: e.clientX, y: e.clientY, occ, date: at.date, minute: at.minute, moved: false };
    } else if (slot && target.closest('.slot')) {
      this.drag = { kind: 'create', pointerId: e.pointerId, x: e.clientX, y: e.clientY, occ: null, date: slot.date, minute: minuteAt(e.clientY - (target.closest('.scroll')!.querySelector('.layer')!.getBoundingClientRect().top), HOUR_HEIGHT, 1), moved: false };
    } else return;
    (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
  };

  private readonly onPointerMove = (e: PointerEvent): void => {
    const drag = this.drag;
    if (!drag || drag.pointerId !== e.pointerId) return;
    if (!drag.moved && Math.hypot(e.clientX - drag.x, e.clientY - drag.y) < 4) return;
    if (!drag.moved) {
      drag.moved = true;
      if (drag.occ) this.publishEditing(drag.occ.uid);
    }
    if (drag.kind === 'create') {
      const slot = this.slotAt(drag.x, e.clientY);
      if (!slot) return;
      const range = createRange(drag.minute, slot.minute);
      this._create = { date: drag.date, ...range };
      return;
    }
    const occ = drag.occ!;
    if (this.view === 'month') {
      const day = this.dayAt(e.clientX, e.clientY);
      if (!day) return;
      const days = (wallToMs(day) - wallToMs(drag.date)) / DAY_MS;
      this._grab = { occ, start: days * 1440, end: days * 1440, by: 'pointer' };
      return;
    }
    const slot = this.slotAt(e.clientX, e.clientY);
    if (!slot) return;
    if (drag.kind === 'resize') {
      const startMin = minuteOfDay(occ.start);
      const endMin = resizeEnd(startMin, slot.minute + (occ.end.slice(0, 10) > occ.start.slice(0, 10) ? 1440 : 0));
      const base = occ.end.slice(0, 10) > firstDay(occ) ? 1440 : 0;
      this._grab = { occ, start: 0, end: endMin - (minuteOfDay(occ.end) + base), by: 'pointer' };
      return;
    }
    const days = (wallToMs(slot.date) - wallToMs(drag.date)) / DAY_MS;
    const minutes = occ.allDay ? 0 : moveDelta(slot.minute - drag.minute);
    const d = days * 1440 + minutes;
    this._grab = { occ, start: d, end: d, by: 'pointer' };
  };

  private readonly onPointerUp = (e: PointerEvent): void => {
    const drag = this.drag;
    if (!drag || drag.pointerId !== e.pointerId) return;
    this.drag = null;
    if (drag.kind === 'create') {
      const c = this._create;
      this._create = null;
      if (drag.moved && c) this.openNew(wallAt(c.date, c.start), wallAt(c.date, c.end));
      else if (!drag.moved) {
        const start = Math.floor(drag.minute / SLOT_MINUTES) * SLOT_MINUTES;
        this._focus = `s:${drag.date}:${start}`;
        this.openNew(wallAt(drag.date, start), wallAt(drag.date, start + 60));
      }
      return;
    }
    if (drag.moved && this._grab) this.commitGrab();
    else if (!drag.moved && drag.occ) {
      this._focus = `e:${occurrenceKey(drag.occ)}`;
      this.openEvent(drag.occ);
    }
  };

  private readonly onPointerCancel = (): void => {
    if (!this.drag) return;
    this.drag = null;
    this._create = null;
    if (this._grab?.by === 'pointer') {
      this._grab = null;
      this.publishEditing(null);
    }
  };

  private readonly onClick = (e: MouseEvent): void => {
    const target = e.composedPath()[0] as HTMLElement;
    const more = target.closest<HTMLElement>('[data-more]');
    if (more) {
      this.date = more.dataset['more']!;
      this.view = 'day';
      this._focus = `a:${this.date}`;
      this.wantFocus = true;
      return;
    }
    const open = target.closest<HTMLElement>('[data-open-day]');
    if (open) {
      this.date = open.dataset['openDay']!;
      this.view = 'day';
      return;
    }
    // Read-only users and the agenda open events by click (editors' clicks arrive through the pointer handlers).
    const chip = target.closest<HTMLElement>('[data-key]');
    if (chip && (!this.editable || this.view === 'agenda')) {
      const occ = this.findOcc(chip.dataset['key']!);
      if (occ) this.openEvent(occ);
    }
  };

  private readonly onDoubleClick = (e: MouseEvent): void => {
    const target = e.composedPath()[0] as HTMLElement;
    if (target.closest('[data-key]')) return;
    const cell = target.closest<HTMLElement>('[data-date]');
    if (!cell || cell.dataset['minute'] !== undefined) return;
    this.openNew(cell.dataset['date']!, addDays(cell.dataset['date']!, 1));
  };
}

/** An occurrence shown moved by `start` minutes and with its end moved by `end` minutes (in the viewer's wall time). */
function shifted(occ: Occurrence, start: number, end: number): Occurrence {
  if (start === 0 && end === 0) return occ;
  const move = (text: string, minutes: number): string => {
    if (text.length === 10) return msToWall(wallToMs(text) + minutes * 60_000).slice(0, 10);
    return msToWall(wallToMs(text.slice(0, 19)) + minutes * 60_000) + text.slice(19);
  };
  return { ...occ, start: move(occ.start, start), end: move(occ.end, end), startMs: occ.startMs + start * 60_000, endMs: occ.endMs + end * 60_000 };
}

customElements.define('allmende-calendar', AllmendeCalendar);

declare global {
  interface HTMLElementTagNameMap {
    'allmende-calendar': AllmendeCalendar;
  }
}


import type { CalendarInfo, Occurrence } from '@allmende/calendar-model';
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { CalendarTranslate } from './calendar-messages.js';
import type { Formats } from './formats.js';
import { calendarColors, DEFAULT_CALENDAR_ID } from './calendar-choices.js';
import { minuteOfDay } from './date-math.js';
import { occurrenceKey } from './occurrence-layout.js';

/** Someone else who is editing an event right now. */
export interface RemoteEditor {
  name: string;
  color: string;
}

/** What the view templates read; the element builds one per render. */
export interface ViewContext {
  readonly t: CalendarTranslate;
  readonly fmt: Formats;
  /** Today in the viewer's zone. */
  readonly today: string;
  /** The date the view is on. */
  readonly date: string;
  readonly firstDay: number;
  /** The days of the grid (empty for year and agenda). */
  readonly days: readonly string[];
  readonly occs: readonly Occurrence[];
  /** Which element holds the roving tabindex: "c:<date>", "s:<date>:<minute>", "a:<date>" or "e:<key>". */
  readonly focusId: string;
  /** Key of the event picked up by keyboard or pointer, drawn lifted. */
  readonly grabbedKey: string | null;
  /** Remote editors by event uid. */
  readonly editors: ReadonlyMap<string, readonly RemoteEditor[]>;
  /** Visible lanes in a month cell, measured. */
  readonly monthLanes: number;
  /** The minute of the day now, for the current-time line. */
  readonly nowMinute: number;
  colorOf(calendarId: string | undefined): string;
  calendarName(calendarId: string | undefined): string;
}

/** What {@link viewContext} builds a context from. */
export interface ViewContextInput extends Omit<ViewContext, 'today' | 'nowMinute' | 'colorOf' | 'calendarName'> {
  readonly calendars: readonly CalendarInfo[];
  /** The local date and time now in the viewer's zone. */
  readonly nowWall: string;
}

/** The context of one render: today and now from `nowWall`, and each calendar's colour and name (unknown ones grey, unnamed). */
export function viewContext(input: ViewContextInput): ViewContext {
  const colors = calendarColors(input.calendars);
  const names = new Map(input.calendars.map((c) => [c.id, c.name]));
  const { calendars: _calendars, nowWall, ...rest } = input;
  return {
    ...rest,
    today: nowWall.slice(0, 10),
    nowMinute: minuteOfDay(nowWall),
    colorOf: (id) => colors.get(id ?? DEFAULT_CALENDAR_ID) ?? '#616161',
    calendarName: (id) => names.get(id ?? DEFAULT_CALENDAR_ID) ?? '',
  };
}

/** The full label of an occurrence for screen readers: title, full date(s) and times, calendar. */
export function eventLabel(ctx: ViewContext, occ: Occurrence): string {
  const title = occ.summary || ctx.t('noTitle');
  const startDate = occ.start.slice(0, 10);
  let when: string;
  if (occ.allDay) {
    const last = occ.end.slice(0, 10);
    const lastDay = last > startDate ? new Date(Date.parse(`${last}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10) : startDate;
    when = lastDay === startDate ? `${ctx.fmt.fullDate(startDate)}, ${ctx.t('allDay')}` : ctx.t('timeRange', ctx.fmt.fullDate(startDate), ctx.fmt.fullDate(lastDay));
  } else {
    const endDate = occ.end.slice(0, 10);
    const s = ctx.fmt.time(Number(occ.start.slice(11, 13)) * 60 + Number(occ.start.slice(14, 16)));
    const e = ctx.fmt.time(Number(occ.end.slice(11, 13)) * 60 + Number(occ.end.slice(14, 16)));
    // The time before the date: a box in the week grid shows the title and then the start time, and its
    // accessible name must contain that visible text in the same order (WCAG 2.5.3, "label in name").
    when = endDate === startDate
      ? `${ctx.t('timeRange', s, e)}, ${ctx.fmt.fullDate(startDate)}`
      : ctx.t('timeRange', `${s}, ${ctx.fmt.fullDate(startDate)}`, `${e}, ${ctx.fmt.fullDate(endDate)}`);
  }
  const editors = ctx.editors.get(occ.uid);
  const editing = editors?.length ? `, ${editors.map((e) => ctx.t('editingBy', e.name)).join(', ')}` : '';
  return ctx.t('eventLabel', title, when, ctx.calendarName(occ.calendarId)) + editing;
}

/** The start time text of a timed occurrence ("09:30"). */
export function startTime(ctx: ViewContext, occ: Occurrence): string {
  return ctx.fmt.time(Number(occ.start.slice(11, 13)) * 60 + Number(occ.start.slice(14, 16)));
}

/**
 * One event chip: a focusable button-like element with the title as DOM
 * text, its full label for screen readers, the calendar's colour, and who
 * else is editing it. Its focus id is "e:" and its `data-key` (see focus-target.ts).
 * `content` may be a plain string: Lit then updates one text node, without a nested template instance per chip.
 * `style` is the chip's placement: properties (checked by {@link styleText}), or a ready string the caller built from
 * numbers alone. `live` is false for a chip of the page the week view renders ahead, hidden (see time-grid-layer.ts).
 */
export function renderChip(
  ctx: ViewContext,
  occ: Occurrence,
  kind: 'bar' | 'dot' | 'box',
  style: Record<string, string> | string,
  content: TemplateResult | string,
  classes = '',
  live = true,
): TemplateResult {
  const key = occurrenceKey(occ);
  const focusId = `e:${key}`;
  const editors = ctx.editors.get(occ.uid);
  const remote = editors && editors.length > 0 ? editors[0] : undefined;
  const focused = live && ctx.focusId === focusId;
  const cls = `ev ${kind} ${classes}${live && ctx.grabbedKey === key ? ' grabbed' : ''}${focused ? ' selected' : ''}${remote ? ' remote' : ''}`;
  // A chip of a page rendered ahead (`live` false, hidden) has no key and no label until its page is shown.
  return html`<div
    class=${cls}
    role="button"
    tabindex=${focused ? 0 : -1}
    data-key=${live ? key : nothing}
    aria-label=${live ? eventLabel(ctx, occ) : nothing}
    style=${`${colorStyle(ctx.colorOf(occ.calendarId), remote?.color)}${typeof style === 'string' ? style : styleText(style)}`}
  >${content}${remote ? html`<span class="who" aria-hidden="true">${remote.name}</span>` : nothing}</div>`;
}

const SAFE_STYLE_VALUE = /^[-\w#%.,()+*/ ]*$/;

/** Whether a style value from others (a colour) may be written: nothing that could end the declaration or load something. */
function safeStyleValue(value: string): boolean {
  return SAFE_STYLE_VALUE.test(value) && !/url\s*\(|image-set|expression/i.test(value);
}

const colorStyles = new Map<string, string>();

/**
 * The custom properties of a chip's colours (`--_cal`, and `--_remote` while someone else edits it): checked like
 * {@link styleText}'s values, once per colour (a page has a few calendars' colours on hundreds of chips).
 */
export function colorStyle(calendar: string, remote?: string): string {
  const key = remote === undefined ? calendar : `${calendar}\n${remote}`;
  let out = colorStyles.get(key);
  if (out === undefined) {
    out = `${safeStyleValue(calendar) ? `--_cal:${calendar};` : ''}${remote !== undefined && safeStyleValue(remote) ? `--_remote:${remote};` : ''}`;
    if (colorStyles.size > 256) colorStyles.clear();
    colorStyles.set(key, out);
  }
  return out;
}

/**
 * An inline style as one attribute string (`zIndex` becomes `z-index`). One attribute write per changed chip is much
 * cheaper than `styleMap`'s `setProperty` per property when a page switch updates hundreds of chips. Values come
 * partly from others (calendar colours, presence colours), so a value that could end the declaration or load
 * something (`;`, braces, quotes, backslashes, `url(`) is left out instead of written.
 */
export function styleText(style: Record<string, string>): string {
  let out = '';
  for (const [name, value] of Object.entries(style)) {
    if (!safeStyleValue(value)) continue;
    out += `${name.startsWith('--') ? name : name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}:${value};`;
  }
  return out;
}

import type { ReactiveController } from 'lit';
import type { CalendarHost } from './calendar-host.js';
import { addDays, minuteOfDay, viewRange, wallAt } from './date-math.js';
import { shifted } from './move-event.js';
import { firstDay, occurrenceKey } from './occurrence-layout.js';
import { dayRange, SNAP_MINUTES } from './snap.js';
import { SLOT_MINUTES } from './time-grid-view.js';
import { eventLabel } from './view-context.js';
import { FOCUSABLE, focusIdOf } from './focus-target.js';

/**
 * Keyboard handling of `<allmende-calendar>`'s view: a roving tab stop over
 * cells, events and "+N more"; arrows move between days and half hours, Enter
 * opens or creates, Shift+arrows on days select several for a new all-day
 * event, Space picks an event up (then arrows move it, Shift+arrows
 * resize it, Enter/Space drop it, Escape puts it back), Delete deletes, Page
 * Up/Down and T navigate. It changes the element's state (`_focus`, `_grab`,
 * `date`, `view`) and calls its editing actions.
 */
export class CalendarKeyboard implements ReactiveController {
  /** The day a Shift+arrow selection of days began on. */
  private anchor: string | null = null;

  constructor(private readonly host: CalendarHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  moveFocus(id: string): void {
    const date = /^[cas]:(\d{4}-\d{2}-\d{2})/.exec(id)?.[1];
    if (date) {
      const range = viewRange(this.host.view, this.host.currentDate, this.host.firstDay);
      if (date < range.from || date >= range.to) this.host.date = date;
    }
    this.host._focus = id;
    this.host.wantFocus = true;
  }

  readonly onFocusIn = (e: FocusEvent): void => {
    const id = focusIdOf((e.composedPath()[0] as HTMLElement | undefined)?.closest?.(FOCUSABLE));
    if (id && id !== this.host._focus) this.host._focus = id;
  };

  readonly onKey = (e: KeyboardEvent): void => {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
    const origin = e.composedPath()[0] as HTMLElement;
    if (origin.closest('input, select, textarea')) return;
    const handled = this.host._grab ? this.grabKey(e) : this.navKey(e, origin);
    if (handled) {
      e.preventDefault();
      e.stopPropagation();
    }
  };

  private grabKey(e: KeyboardEvent): boolean {
    const grab = this.host._grab!;
    if (grab.by !== 'keyboard') return false;
    const timed = !grab.occ.allDay && this.host.view !== 'month';
    const vertical = this.host.view === 'month' ? 7 * 1440 : SNAP_MINUTES;
    const dayStep = 1440;
    let { start, end } = grab;
    switch (e.key) {
      case 'ArrowUp':
      case 'ArrowDown': {
        const d = (e.key === 'ArrowUp' ? -1 : 1) * (timed ? vertical : this.host.view === 'month' ? vertical : dayStep);
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
        this.host.editor.commitGrab();
        return true;
      case 'Escape':
        this.host._grab = null;
        this.host.publishEditing(null);
        this.host.wantFocus = true;
        return true;
      default:
        return false;
    }
    this.host._grab = { ...grab, start, end };
    const moved = shifted(grab.occ, start, end);
    const date = firstDay(moved);
    const range = viewRange(this.host.view, this.host.currentDate, this.host.firstDay);
    if (date < range.from || date >= range.to) this.host.date = date;
    this.host._announce = eventLabel(this.host.contextForLabels(), moved);
    this.host.wantFocus = true;
    return true;
  }

  private navKey(e: KeyboardEvent, origin: HTMLElement): boolean {
    const id = focusIdOf(origin.closest(FOCUSABLE)) ?? this.host._focus;
    const key = e.key;
    if (key === 'PageUp' || key === 'PageDown') {
      this.host.step(key === 'PageUp' ? -1 : 1);
      return true;
    }
    if (key === 't' || key === 'T') {
      this.host.goToday();
      this.moveFocus(this.host.view === 'month' || this.host.view === 'year' ? `c:${this.host.today()}` : `s:${this.host.today()}:${9 * 60}`);
      return true;
    }
    const [kind] = id.split(':');
    if (kind === 'e') return this.eventKey(e, id.slice(2));
    if (kind === 'm') return this.moreKey(e, id.slice(2));
    const date = id.slice(2, 12);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
    const minute = kind === 's' ? Number(id.split(':')[2]) : 0;
    const cellEvents = (): HTMLElement[] => this.eventsAt(kind!, date, minute);
    if ((kind === 'c' || kind === 'a') && this.host.view !== 'year' && this.selectDays(e, kind, date)) return true;
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
        if (this.host.view === 'year') {
          this.host.date = date;
          this.host.view = 'day';
          this.moveFocus(`s:${date}:${8 * 60}`);
          return true;
        }
        const events = cellEvents();
        const first = focusIdOf(events[0]);
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

  /**
   * Shift+arrows on a month day or an all-day cell select whole days from
   * where the selection began (drawn as a new all-day event); Enter or N then
   * opens the dialog for those days, Escape drops the selection. The keyboard
   * twin of drawing across days with the pointer. Returns whether it took the key.
   */
  private selectDays(e: KeyboardEvent, kind: 'c' | 'a', date: string): boolean {
    const host = this.host;
    const selection = host._create?.allDay ? host._create : null;
    const arrows: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: kind === 'c' ? -7 : 0, ArrowDown: kind === 'c' ? 7 : 0 };
    const step = arrows[e.key];
    if (e.shiftKey && step) {
      if (!host.editable) {
        host.notify(host.t('readOnlyNotice'));
        return true;
      }
      const anchor = selection && this.anchor ? this.anchor : date;
      this.anchor = anchor;
      const to = addDays(date, step);
      const range = dayRange(anchor, to);
      host._create = { date: range.start, endDate: range.end, start: 0, end: 0, allDay: true };
      this.moveFocus(`${kind}:${to}`);
      const { fmt } = host.contextForLabels();
      host.announce(host.t('timeRange', fmt.fullDate(range.start), fmt.fullDate(addDays(range.end, -1))));
      return true;
    }
    if (!selection || ['Shift', 'Control', 'Alt', 'Meta', 'CapsLock'].includes(e.key)) return false;
    if (e.key === 'Enter' || e.key === 'n' || e.key === 'N') {
      host._create = null;
      this.anchor = null;
      host.editor.openNew(selection.date, selection.endDate);
      return true;
    }
    // Any other key ends the selection; Escape only that.
    host._create = null;
    this.anchor = null;
    return e.key === 'Escape';
  }

  /** Keys on a month cell's "+N more": Enter or Space opens the day, Up/Down walk on, Escape goes back to the cell. */
  private moreKey(e: KeyboardEvent, date: string): boolean {
    switch (e.key) {
      case 'Enter':
      case ' ':
        this.host.date = date;
        this.host.view = 'day';
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
    const all = [...(this.host.renderRoot as ShadowRoot).querySelectorAll<HTMLElement>('main.view [data-key], main.view [data-more]')];
    const index = all.findIndex((el) => focusIdOf(el) === from);
    const next = focusIdOf(all[index + step]);
    if (next) this.moveFocus(next);
    else if (fallback) this.moveFocus(fallback);
  }

  /** The "+ New event" button: an event at the focused cell (a slot, a day, the all-day lane), or at the next full hour today. */
  createAtFocus(): void {
    const host = this.host;
    const f = host._focus;
    const date = /^[cas]:(\d{4}-\d{2}-\d{2})/.exec(f)?.[1] ?? host.currentDate;
    if (f.startsWith('s:')) {
      const minute = Number(f.split(':')[2]);
      host.editor.openNew(wallAt(date, minute), wallAt(date, minute + 60));
    } else if (host.view === 'month' || f.startsWith('a:')) host.editor.openNew(date, addDays(date, 1));
    else if (host.view === 'year' || host.view === 'agenda') host.editor.openNew(wallAt(date, 9 * 60), wallAt(date, 10 * 60));
    else {
      const minute = Math.min(23 * 60, Math.ceil(minuteOfDay(host.nowWall()) / 60) * 60);
      host.editor.openNew(wallAt(date, minute), wallAt(date, minute + 60));
    }
  }

  private createAt(kind: string, date: string, minute: number): void {
    if (kind === 's') this.host.editor.openNew(wallAt(date, minute), wallAt(date, minute + 60));
    else this.host.editor.openNew(date, addDays(date, 1));
  }

  /** The event elements in a cell: a month day, the all-day cell, or those overlapping a slot. */
  private eventsAt(kind: string, date: string, minute: number): HTMLElement[] {
    const root = this.host.renderRoot as ShadowRoot;
    if (kind === 'c' || kind === 'a') {
      const cell = root.querySelector(`[data-focus-id="${kind}:${date}"]`);
      return cell ? [...cell.querySelectorAll<HTMLElement>('[data-key]')] : [];
    }
    const keys = new Set(
      this.host.lastOccs
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
    const occ = this.host.findOcc(key);
    if (!occ) return false;
    const date = firstDay(occ);
    const cellOf = (d: string): string =>
      this.host.view === 'month' || this.host.view === 'year' || this.host.view === 'agenda'
        ? `c:${d}`
        : occ.allDay ? `a:${d}` : `s:${d}:${Math.floor(minuteOfDay(occ.start) / SLOT_MINUTES) * SLOT_MINUTES}`;
    switch (e.key) {
      case 'Enter':
        this.host.editor.openEvent(occ);
        return true;
      case ' ':
        if (!this.host.editable) {
          this.host.notify(this.host.t('readOnlyNotice'));
          return true;
        }
        this.host._grab = { occ, start: 0, end: 0, by: 'keyboard' };
        this.host.publishEditing(occ.uid);
        this.host.announce(this.host.t('grabbed', occ.summary || this.host.t('noTitle')));
        return true;
      case 'Delete':
      case 'Backspace':
        if (!this.host.editable) {
          this.host.notify(this.host.t('readOnlyNotice'));
          return true;
        }
        this.host.editor.deleteWithQuestion(occ);
        return true;
      case 'Escape':
        if (this.host.view === 'agenda') return false;
        this.moveFocus(cellOf(date));
        return true;
      case 'ArrowUp':
      case 'ArrowDown':
        this.walk(`e:${key}`, e.key === 'ArrowUp' ? -1 : 1, this.host.view === 'agenda' ? null : cellOf(date));
        return true;
      case 'ArrowLeft':
      case 'ArrowRight': {
        if (this.host.view === 'agenda') return false;
        this.moveFocus(cellOf(addDays(date, e.key === 'ArrowLeft' ? -1 : 1)));
        return true;
      }
      default:
        return false;
    }
  }

}

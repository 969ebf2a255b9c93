import type { Occurrence } from '@allmende/calendar-model';
import type { ReactiveController } from 'lit';
import type { CalendarHost } from './calendar-host.js';
import { HOUR_HEIGHT } from './calendar-styles.js';
import { addDays, DAY_MS, minuteOfDay, wallAt, wallToMs } from './date-math.js';
import { firstDay, occurrenceKey } from './occurrence-layout.js';
import { createRange, dayRange, minuteAt, moveDelta, resizeEnd, resizeStart } from './snap.js';
import { SLOT_MINUTES } from './time-grid-view.js';

interface PointerDrag {
  /** `create` draws a timed event in the week and day views, `create-days` whole days in the month view or the all-day lane. */
  kind: 'move' | 'resize' | 'resize-start' | 'create' | 'create-days';
  pointerId: number;
  x: number;
  y: number;
  occ: Occurrence | null;
  date: string;
  minute: number;
  moved: boolean;
}

/**
 * Pointer handling of `<allmende-calendar>`'s view: drag on empty time to
 * create (across days in the month view and the all-day lane for an all-day
 * event), drag an event to move it or its top or bottom edge to resize it (snapped
 * to 15 minutes; by days in the month view), click to open, double-click a
 * day to create an all-day event, "+N more" to open the day.
 */
export class CalendarPointer implements ReactiveController {
  private drag: PointerDrag | null = null;
  private hovered: HTMLElement | null = null;

  constructor(private readonly host: CalendarHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** The day and minute under a pointer in the week/day views, snapped to 15 minutes. */
  private slotAt(x: number, y: number): { date: string; minute: number } | null {
    const root = this.host.renderRoot as ShadowRoot;
    const cols = [...root.querySelectorAll<HTMLElement>('.layer:not(.ahead) .daycol')];
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
    const root = this.host.renderRoot as ShadowRoot;
    for (const el of root.elementsFromPoint(x, y)) {
      const d = (el as HTMLElement).dataset?.['date'];
      if (d) return d;
    }
    return null;
  }

  /** The day under a pointer drawing days: the month cell under it, or in the week view the all-day cell of its column (at any height). */
  private drawDayAt(x: number, y: number): string | null {
    if (this.host.view === 'month') return this.dayAt(x, y);
    const cells = [...(this.host.renderRoot as ShadowRoot).querySelectorAll<HTMLElement>('.alldaycell')];
    if (cells.length === 0) return null;
    const cell = cells.find((c) => {
      const r = c.getBoundingClientRect();
      return x >= r.left && x < r.right;
    }) ?? (x < cells[0]!.getBoundingClientRect().left ? cells[0]! : cells[cells.length - 1]!);
    return cell.dataset['date'] ?? null;
  }

  readonly onPointerDown = (e: PointerEvent): void => {
    if (e.button !== 0 || !this.host.editable) return;
    const target = e.composedPath()[0] as HTMLElement;
    const chip = target.closest<HTMLElement>('[data-key]');
    const slot = this.host.view === 'month' || this.host.view === 'agenda' || this.host.view === 'year' ? null : this.slotAt(e.clientX, e.clientY);
    if (chip) {
      const occ = this.host.findOcc(chip.dataset['key']!);
      if (!occ || occ.uid === '\u0000new') return;
      // The resize grips: the bottom 6 px of a box that ends on this day (its ::before), the top 6 px of one that starts on it.
      const rect = chip.getBoundingClientRect();
      const kind = chip.classList.contains('grip') && e.clientY >= rect.bottom - 6 ? 'resize'
        : chip.classList.contains('grip-top') && e.clientY <= rect.top + 6 ? 'resize-start' : 'move';
      const at = this.host.view === 'month' ? { date: this.dayAt(e.clientX, e.clientY) ?? firstDay(occ), minute: 0 } : slot;
      if (!at) return;
      this.drag = { kind, pointerId: e.pointerId, x: e.clientX, y: e.clientY, occ, date: at.date, minute: at.minute, moved: false };
    } else if (slot && target.closest('.slot')) {
      this.drag = { kind: 'create', pointerId: e.pointerId, x: e.clientX, y: e.clientY, occ: null, date: slot.date, minute: minuteAt(e.clientY - (target.closest('.scroll')!.querySelector('.layer:not(.ahead)')!.getBoundingClientRect().top), HOUR_HEIGHT, 1), moved: false };
    } else {
      const cell = target.closest<HTMLElement>('.month .cell, .alldaycell');
      if (!cell || target.closest('[data-more]') || !cell.dataset['date']) return;
      // No pointer capture yet: a click or double-click on the day stays a click on it (focus, all-day event).
      this.drag = { kind: 'create-days', pointerId: e.pointerId, x: e.clientX, y: e.clientY, occ: null, date: cell.dataset['date'], minute: 0, moved: false };
      return;
    }
    (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
  };

  readonly onPointerMove = (e: PointerEvent): void => {
    const drag = this.drag;
    if (!drag) this.hoverTopEdge(e);
    if (!drag || drag.pointerId !== e.pointerId) return;
    if (!drag.moved && Math.hypot(e.clientX - drag.x, e.clientY - drag.y) < 4) return;
    if (!drag.moved) {
      drag.moved = true;
      if (drag.occ) this.host.publishEditing(drag.occ.uid);
      if (drag.kind === 'create-days') (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
    }
    if (drag.kind === 'create-days') {
      const day = this.drawDayAt(e.clientX, e.clientY);
      if (!day) return;
      const range = dayRange(drag.date, day);
      this.host._create = { date: range.start, endDate: range.end, start: 0, end: 0, allDay: true };
      return;
    }
    if (drag.kind === 'create') {
      const slot = this.slotAt(drag.x, e.clientY);
      if (!slot) return;
      const range = createRange(drag.minute, slot.minute);
      this.host._create = { date: drag.date, ...range, allDay: false, endDate: drag.date };
      return;
    }
    const occ = drag.occ!;
    if (this.host.view === 'month') {
      const day = this.dayAt(e.clientX, e.clientY);
      if (!day) return;
      const days = (wallToMs(day) - wallToMs(drag.date)) / DAY_MS;
      this.host._grab = { occ, start: days * 1440, end: days * 1440, by: 'pointer' };
      return;
    }
    const slot = this.slotAt(e.clientX, e.clientY);
    if (!slot) return;
    if (drag.kind === 'resize-start') {
      // Minutes from the first day's midnight, in the column the drag began in.
      const at = this.slotAt(drag.x, e.clientY);
      if (!at) return;
      const startMin = minuteOfDay(occ.start);
      const endMin = (wallToMs(occ.end.slice(0, 10)) - wallToMs(firstDay(occ))) / 60_000 + minuteOfDay(occ.end);
      this.host._grab = { occ, start: resizeStart(endMin, at.minute) - startMin, end: 0, by: 'pointer' };
      return;
    }
    if (drag.kind === 'resize') {
      const startMin = minuteOfDay(occ.start);
      const endMin = resizeEnd(startMin, slot.minute + (occ.end.slice(0, 10) > occ.start.slice(0, 10) ? 1440 : 0));
      const base = occ.end.slice(0, 10) > firstDay(occ) ? 1440 : 0;
      this.host._grab = { occ, start: 0, end: endMin - (minuteOfDay(occ.end) + base), by: 'pointer' };
      return;
    }
    const days = (wallToMs(slot.date) - wallToMs(drag.date)) / DAY_MS;
    const minutes = occ.allDay ? 0 : moveDelta(slot.minute - drag.minute);
    const d = days * 1440 + minutes;
    this.host._grab = { occ, start: d, end: d, by: 'pointer' };
  };

  /** Shows the resize cursor over the top edge of a box (the bottom edge has its own ::before). */
  private hoverTopEdge(e: PointerEvent): void {
    if (e.pointerType !== 'mouse' || !this.host.editable) return;
    const chip = (e.composedPath()[0] as HTMLElement).closest?.<HTMLElement>('.grip-top');
    const last = this.hovered;
    if (last && last !== chip) last.classList.remove('at-top');
    this.hovered = chip ?? null;
    chip?.classList.toggle('at-top', e.clientY <= chip.getBoundingClientRect().top + 6);
  }

  readonly onPointerUp = (e: PointerEvent): void => {
    const drag = this.drag;
    if (!drag || drag.pointerId !== e.pointerId) return;
    this.drag = null;
    if (drag.kind === 'create-days') {
      const c = this.host._create;
      this.host._create = null;
      if (drag.moved && c) this.host.editor.openNew(c.date, c.endDate);
      return;
    }
    if (drag.kind === 'create') {
      const c = this.host._create;
      this.host._create = null;
      if (drag.moved && c) this.host.editor.openNew(wallAt(c.date, c.start), wallAt(c.date, c.end));
      else if (!drag.moved) {
        const start = Math.floor(drag.minute / SLOT_MINUTES) * SLOT_MINUTES;
        this.host._focus = `s:${drag.date}:${start}`;
        this.host.editor.openNew(wallAt(drag.date, start), wallAt(drag.date, start + 60));
      }
      return;
    }
    if (drag.moved && this.host._grab) this.host.editor.commitGrab();
    else if (!drag.moved && drag.occ) {
      this.host._focus = `e:${occurrenceKey(drag.occ)}`;
      this.host.editor.openEvent(drag.occ);
    }
  };

  readonly onPointerCancel = (): void => {
    if (!this.drag) return;
    this.drag = null;
    this.host._create = null;
    if (this.host._grab?.by === 'pointer') {
      this.host._grab = null;
      this.host.publishEditing(null);
    }
  };

  readonly onClick = (e: MouseEvent): void => {
    const target = e.composedPath()[0] as HTMLElement;
    const more = target.closest<HTMLElement>('[data-more]');
    if (more) {
      this.host.date = more.dataset['more']!;
      this.host.view = 'day';
      this.host._focus = `a:${this.host.date}`;
      this.host.wantFocus = true;
      return;
    }
    const open = target.closest<HTMLElement>('[data-open-day]');
    if (open) {
      this.host.date = open.dataset['openDay']!;
      this.host.view = 'day';
      return;
    }
    // Read-only users and the agenda open events by click (editors' clicks arrive through the pointer handlers).
    const chip = target.closest<HTMLElement>('[data-key]');
    if (chip && (!this.host.editable || this.host.view === 'agenda')) {
      const occ = this.host.findOcc(chip.dataset['key']!);
      if (occ) this.host.editor.openEvent(occ);
    }
  };

  readonly onDoubleClick = (e: MouseEvent): void => {
    const target = e.composedPath()[0] as HTMLElement;
    if (target.closest('[data-key]')) return;
    const cell = target.closest<HTMLElement>('[data-date]');
    if (!cell || cell.dataset['minute'] !== undefined) return;
    this.host.editor.openNew(cell.dataset['date']!, addDays(cell.dataset['date']!, 1));
  };
}

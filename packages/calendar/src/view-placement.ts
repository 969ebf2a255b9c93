import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { HOUR_HEIGHT } from './calendar-styles.js';
import { minuteOfDay, viewRange } from './date-math.js';
import type { CalendarView } from './date-math.js';
import { FOCUSABLE, focusSelector } from './focus-target.js';
import type { MonthRoom } from './month-view.js';

/** What the placement controller reads and sets on `<allmende-calendar>`. */
export interface ViewPlacementHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly view: CalendarView;
  readonly currentDate: string;
  readonly firstDay: number;
  readonly _focus: string;
  /** Set by the keyboard and pointer controllers: focus the element of `_focus` after this update. */
  wantFocus: boolean;
  /** The month grid's height and the pixels per rem (measured here; the month view computes its lanes from them). */
  _monthRoom: MonthRoom | null;
  today(): string;
  nowWall(): string;
}

/**
 * What `<allmende-calendar>` does with the DOM after an update: scrolls the
 * week and day views to the working day (or to now, two hours back) when the
 * view changes, measures the month grid's height (when the month view opens
 * and when the element is resized: not in each page switch, as a page's lanes
 * are computed from it), keeps one tab stop in the view (the
 * roving tabindex), and moves the focus where the keyboard or pointer asked.
 */
export class ViewPlacement implements ReactiveController {
  private scrollPending = true;
  private resizeObserver: ResizeObserver | null = null;

  constructor(private readonly host: ViewPlacementHost) {
    host.addController(this);
  }

  /** Scrolls to the working day again after the next update (when the view changes). */
  rescroll(): void {
    this.scrollPending = true;
  }

  hostDisconnected(): void {
    this.resizeObserver?.disconnect();
    this.resizeObserver = null;
  }

  hostUpdated(): void {
    const host = this.host;
    const root = host.renderRoot as ShadowRoot;
    const view = root.querySelector('main.view');
    if (!this.resizeObserver && view) {
      this.resizeObserver = new ResizeObserver(() => this.measure());
      this.resizeObserver.observe(view);
    }
    if (this.scrollPending) {
      const scroll = root.querySelector<HTMLElement>('[data-scroll]');
      if (scroll) {
        this.scrollPending = false;
        const days = viewRange(host.view, host.currentDate, host.firstDay).days;
        const minute = days.includes(host.today()) ? Math.max(0, minuteOfDay(host.nowWall()) - 120) : 7 * 60;
        scroll.scrollTop = (minute / 60) * HOUR_HEIGHT;
      }
      // The month view has nothing to scroll: it measures once when it opens (this forces a layout), then on resize only.
      if (host.view === 'month' && this.measure()) this.scrollPending = false;
    }
    // The roving tabindex: when the focused element is not in this view, the first cell takes the tab stop.
    if (view && !view.querySelector('[tabindex="0"]')) view.querySelector(FOCUSABLE)?.setAttribute('tabindex', '0');
    if (host.wantFocus) {
      host.wantFocus = false;
      const target = host._focus ? root.querySelector<HTMLElement>(focusSelector(host._focus)) : null;
      if (target) {
        target.focus({ preventScroll: true });
        target.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      }
    }
  }

  /** Measures the month grid; false when no month grid is rendered. */
  private measure(): boolean {
    const grid = this.host.renderRoot.querySelector<HTMLElement>('.month .weeks');
    if (!grid) return false;
    const remPx = parseFloat(getComputedStyle(grid).fontSize) || 16;
    const gridPx = grid.getBoundingClientRect().height;
    const old = this.host._monthRoom;
    if (!old || old.gridPx !== gridPx || old.remPx !== remPx) this.host._monthRoom = { gridPx, remPx };
    return true;
  }
}

import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type * as Y from 'yjs';
import { stepDate } from './date-math.js';
import type { CalendarView } from './date-math.js';
import type { OccurrenceQuery, OccurrenceWindow } from './occurrence-query.js';

/** What the prefetch controller reads on `<allmende-calendar>`. */
export interface PagePrefetchHost extends ReactiveControllerHost {
  readonly view: CalendarView;
  readonly currentDate: string;
  /** The direction of the last page step (1: next, -1: previous); the page that way is fetched and rendered first. */
  readonly lastStep: 1 | -1;
  /** The document and query window of the page of the current view that starts at `date`; null without a document. */
  pageWindow(date: string): { doc: Y.Doc; window: OccurrenceWindow } | null;
  /** Renders the page of the current view at `date` ahead, hidden (the week, work-week and day views; others ignore it). */
  renderAhead(date: string): void;
  /** Lays out the page of the current view at `date` from its fetched occurrences, without DOM (the month view; others ignore it). */
  layOutAhead(date: string): void;
}

/** One piece of idle work: fetch the page `step` pages away, and render it ahead (`render`). */
type IdleStep = { step: 1 | -1; render: boolean };

/** Views whose next and previous pages are fetched ahead (a year page expands a whole year: not worth it). */
const PREFETCHED: ReadonlySet<CalendarView> = new Set<CalendarView>(['week', 'workweek', 'day', 'month']);

/**
 * Fetches the occurrences of the next and then the previous page when the
 * browser is idle after an update, so that "next" and "previous" find their
 * recurring series expanded already; the month view also lays both pages out
 * then (lanes, chips, "+N more", see month-layout.ts), so that a press only
 * renders. In the time grid views the page in the direction of the last step
 * is also rendered ahead, in the same idle period (hidden, see
 * time-grid-layer.ts), so that the press that shows it only has to paint it.
 * People page through a calendar a press at a time, with idle time between
 * presses; a press that comes first finds the page not fetched, laid out or
 * rendered and does that work then, as before.
 */
export class PagePrefetch implements ReactiveController {
  private pending: (() => void) | null = null;
  /** The view and date the pending work is for: a switch before it is done starts it over for the new page. */
  private pendingFor = '';

  constructor(
    private readonly host: PagePrefetchHost,
    private readonly query: OccurrenceQuery,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const host = this.host;
    const page = `${host.view}|${host.currentDate}`;
    if (this.pending && this.pendingFor === page) return;
    this.pending?.();
    this.pending = null;
    if (!PREFETCHED.has(host.view)) return;
    this.pendingFor = page;
    this.schedule([{ step: host.lastStep, render: true }, { step: host.lastStep === 1 ? -1 : 1, render: false }]);
  }

  hostDisconnected(): void {
    this.pending?.();
    this.pending = null;
  }

  /** Does `steps` (fetch, and maybe render, the page that many pages away from the one shown), one per idle period. */
  private schedule(steps: readonly IdleStep[]): void {
    const [next, ...rest] = steps;
    if (!next) return;
    this.pending = whenIdle(() => {
      this.pending = null;
      const host = this.host;
      if (!PREFETCHED.has(host.view)) return;
      const date = stepDate(host.view, host.currentDate, next.step);
      const page = host.pageWindow(date);
      if (page) {
        this.query.prefetch(page.doc, page.window);
        host.layOutAhead(date);
      }
      if (!next.render) {
        this.schedule(rest);
        return;
      }
      // The update this asks for runs right after this callback (the same task); its hostUpdated must not start over.
      this.pending = () => undefined;
      host.renderAhead(date);
      void host.updateComplete.then(() => {
        this.pending = null;
        this.schedule(rest);
      });
    });
  }
}

/**
 * Runs `task` when the browser is idle after its next frame (a short timeout where there is no
 * `requestIdleCallback`); returns a cancel. Not simply the next idle period: an update made in an idle callback (a
 * host's, or a press handled there) would otherwise be followed by this work, in the same idle period, before the
 * frame that shows the update is painted (traced: a week switch then took the 50 ms render of the next page besides
 * its own 30 ms). An idle callback asked for in a frame callback runs after that frame.
 */
function whenIdle(task: () => void): () => void {
  if (typeof requestIdleCallback === 'function' && typeof requestAnimationFrame === 'function') {
    let idle = 0;
    const frame = requestAnimationFrame(() => {
      idle = requestIdleCallback(task, { timeout: 2000 });
    });
    return () => {
      cancelAnimationFrame(frame);
      if (idle) cancelIdleCallback(idle);
    };
  }
  const id = setTimeout(task, 200);
  return () => clearTimeout(id);
}

import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type * as Y from 'yjs';
import { stepDate } from './date-math.js';
import type { CalendarView } from './date-math.js';
import type { OccurrenceQuery, OccurrenceWindow } from './occurrence-query.js';

/** What the prefetch controller reads on `<allmende-calendar>`. */
export interface PagePrefetchHost extends ReactiveControllerHost {
  readonly view: CalendarView;
  readonly currentDate: string;
  /** The document and query window of the page of the current view that starts at `date`; null without a document. */
  pageWindow(date: string): { doc: Y.Doc; window: OccurrenceWindow } | null;
}

/** Views whose next and previous pages are fetched ahead (a year page expands a whole year: not worth it). */
const PREFETCHED: ReadonlySet<CalendarView> = new Set<CalendarView>(['week', 'workweek', 'day', 'month']);

/**
 * Fetches the occurrences of the next and then the previous page when the
 * browser is idle after an update, so that "next" and "previous" find their
 * recurring series expanded already and only lay out and render. People page
 * through a calendar a press at a time, with idle time between presses; a
 * press that comes first finds the page not fetched and expands it then, as
 * before.
 */
export class PagePrefetch implements ReactiveController {
  private pending: (() => void) | null = null;

  constructor(
    private readonly host: PagePrefetchHost,
    private readonly query: OccurrenceQuery,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    if (!this.pending && PREFETCHED.has(this.host.view)) this.schedule([1, -1]);
  }

  hostDisconnected(): void {
    this.pending?.();
    this.pending = null;
  }

  /** Fetches the pages `steps` away from the one shown, one per idle period. */
  private schedule(steps: readonly number[]): void {
    if (steps.length === 0) return;
    this.pending = whenIdle(() => {
      this.pending = null;
      const host = this.host;
      if (!PREFETCHED.has(host.view)) return;
      const page = host.pageWindow(stepDate(host.view, host.currentDate, steps[0]!));
      if (page) this.query.prefetch(page.doc, page.window);
      this.schedule(steps.slice(1));
    });
  }
}

/** Runs `task` when the browser is idle (a short timeout where there is no `requestIdleCallback`); returns a cancel. */
function whenIdle(task: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(task, { timeout: 2000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(task, 200);
  return () => clearTimeout(id);
}

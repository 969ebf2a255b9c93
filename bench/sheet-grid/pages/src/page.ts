// Bench page for <allmende-sheet>: opens the sheet named in the query from the relay that serves
// this page, as a host app would embed the element, and measures the first paint of cells and the
// frame times while the driver scrolls with the mouse wheel.
import '@allmende/sheet';
import type { BenchPageApi, BenchWindow, OpenTimes, ScrollReport } from '../../shared.js';

const params = new URLSearchParams(location.search);
const element = document.createElement('allmende-sheet');
element.setAttribute('relay', params.get('relay') ?? `ws://${location.host}`);
element.setAttribute('document', params.get('document') ?? '');
element.setAttribute('user-name', 'Bench user');
document.querySelector('#stage')!.append(element);
const elementAdded = performance.now();

/** Resolves after the frame following now has been rendered (a task posted from its animation frame callback). */
function afterNextPaint(): Promise<number> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const stamp = (): void => resolve(performance.now());
      const scheduler = (globalThis as { scheduler?: { postTask(f: () => void, o: { priority: string }): void } }).scheduler;
      if (scheduler) scheduler.postTask(stamp, { priority: 'user-blocking' });
      else setTimeout(stamp, 0);
    });
  });
}

function gridCells(): HTMLElement[] {
  return [...(element.shadowRoot?.querySelectorAll<HTMLElement>('[role="gridcell"]') ?? [])].filter((el) => !el.hidden);
}

/** Whether A1's header text and H2's running total (a formula, so computed) are in the DOM. */
function cellsShown(): boolean {
  const root = element.shadowRoot;
  if (!root) return false;
  const a1 = root.querySelector('#cell-0-0');
  const s2 = root.querySelector('#cell-1-7');
  return a1?.textContent === 'Column 1' && !!s2?.textContent && s2.textContent !== '';
}

const opened = new Promise<OpenTimes>((resolve) => {
  const check = (): void => {
    if (!cellsShown()) {
      requestAnimationFrame(check);
      return;
    }
    const cellCount = gridCells().length;
    void afterNextPaint().then((cellsPainted) => resolve({ elementAdded, cellsPainted, cellCount }));
  };
  requestAnimationFrame(check);
});

let recording: { frames: number[]; last: number; raf: number; scrolls: number; long: PerformanceEntry[]; observer: PerformanceObserver } | null = null;

const onScroll = (): void => {
  if (recording) recording.scrolls++;
};

const api: BenchPageApi = {
  opened,
  startScroll() {
    const scroller = element.shadowRoot!.querySelector('[part~="grid"]')!;
    scroller.addEventListener('scroll', onScroll, { passive: true });
    const long: PerformanceEntry[] = [];
    const observer = new PerformanceObserver((list) => long.push(...list.getEntries()));
    observer.observe({ type: 'longtask', buffered: false });
    const rec = { frames: [] as number[], last: 0, raf: 0, scrolls: 0, long, observer };
    const tick = (now: number): void => {
      if (rec.last) rec.frames.push(now - rec.last);
      rec.last = now;
      rec.raf = requestAnimationFrame(tick);
    };
    rec.raf = requestAnimationFrame(tick);
    recording = rec;
  },
  async finishScroll(): Promise<ScrollReport> {
    const rec = recording!;
    cancelAnimationFrame(rec.raf);
    await afterNextPaint();
    rec.observer.disconnect();
    recording = null;
    const durations = rec.long.map((e) => e.duration);
    // Reused labels are not in row order in the DOM, and rows past the view's edges are drawn too (a band the
    // compositor scrolls over): the smallest number of a label below the column letters is the first row shown.
    const root = element.shadowRoot;
    const headerBottom = root?.querySelector('.col-headers:not(.frozen)')?.getBoundingClientRect().bottom ?? 0;
    const shownRows = [...(root?.querySelectorAll<HTMLElement>('.row-headers:not(.frozen) .hdr') ?? [])]
      .filter((el) => !el.hidden && el.getBoundingClientRect().bottom > headerBottom + 1)
      .map((el) => Number(el.textContent));
    return {
      frames: rec.frames,
      longTasks: { count: durations.length, maxMs: Math.max(0, ...durations), totalMs: durations.reduce((a, b) => a + b, 0) },
      scrollEvents: rec.scrolls,
      firstRow: shownRows.length ? Math.min(...shownRows) : 0,
    };
  },
};
(window as unknown as BenchWindow).sheetBench = api;

// What the Node side of the sheet-grid benchmark and its bench page agree on.

/** The document name on the relay. */
export const DOCUMENT_NAME = 'bench/sheet-grid-100k';

/** Rows of the benchmark sheet (the 100,000; `SHEET_GRID_ROWS` sets fewer for a quick trial run). */
export const DEFAULT_ROWS = 100_000;
/** Columns of the benchmark sheet. */
export const COLS = 20;

/** Timings of opening the sheet, in ms since the page's navigation started. */
export interface OpenTimes {
  /** The element was created and put on the page (the module had loaded). */
  elementAdded: number;
  /** The frame that first showed cell content (A1's text and a computed formula in row 2) was painted. */
  cellsPainted: number;
  /** Gridcells in the DOM when the first cells showed. */
  cellCount: number;
}

/** What the page measured while the driver scrolled with the wheel. */
export interface ScrollReport {
  /** Deltas between consecutive `requestAnimationFrame` callbacks, in ms. */
  frames: number[];
  /** Long tasks (over 50 ms) the page ran meanwhile. */
  longTasks: { count: number; maxMs: number; totalMs: number };
  /** `scroll` events the grid received. */
  scrollEvents: number;
  /** The first visible row number after scrolling (the row header's text), to check the wheel moved the sheet. */
  firstRow: number;
}

/** The API the bench page puts on `window.bench` for the driver. */
export interface BenchPageApi {
  /** Resolves once the first cells have been painted. */
  opened: Promise<OpenTimes>;
  /** Starts recording frame times and long tasks. */
  startScroll(): void;
  /** Stops recording after the next frames settle and reports. */
  finishScroll(): Promise<ScrollReport>;
}

/** The page's API as the driver reaches it (`window.bench` is typed by the doc-editor benchmark already). */
export interface BenchWindow {
  sheetBench: BenchPageApi;
}

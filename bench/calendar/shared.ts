/** What the benchmark page reports for one view. */
export interface PageReport {
  view: 'month' | 'week';
  /** Events stored in the Y.Doc. */
  events: number;
  seedMs: number;
  /** From attaching the element to the first paint of the view. */
  renderMs: number;
  /** Each switch to the next page: from the call to the paint of the new page. */
  switchMs: number[];
  /** The script part of each switch: until the element's update completed (query, layout maths, Lit render), before style, layout and paint. */
  scriptMs: number[];
  /** Occurrences on each page shown (the first render, then each switch). */
  shown: number[];
  /** Event elements in the DOM on each page (month cells show a few and "+N more"). */
  chips: number[];
  /** The switches (1-based) whose idle wait ended by its one-second timeout: nothing could be done ahead for them. */
  noIdle: number[];
}

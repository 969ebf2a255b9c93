import type { GridView } from './grid-view.js';
import type { SheetCore } from './sheet-core.js';
import type { SheetTranslate } from './sheet-messages.js';
import type { CellPos, Selection } from './selection.js';

/**
 * What `<allmende-sheet>` gives its controllers (keyboard, pointer, editing, clipboard, menus,
 * actions): the shared sheet state, the grid view, and the element's own few services. The element
 * builds one of these; controllers never reach into the element otherwise.
 */
export interface SheetHost {
  readonly core: SheetCore;
  readonly view: GridView;
  /** Labels in the page's language. */
  readonly t: SheetTranslate;
  /** The page's locale (for sorting texts). */
  readonly locale: string;
  /** Whether cells can be changed now. */
  readonly editable: boolean;
  /** The element's shadow root, to find rendered parts. */
  readonly renderRoot: ShadowRoot;
  /** Resolves after the element's next render. */
  readonly updateComplete: Promise<boolean>;
  readonly ownerDocument: Document;
  /** Re-renders the element (toolbar, bars, menus). */
  requestUpdate(): void;
  /** Shows a message to the user (`role="alert"`). */
  notify(message: string): void;
  /** Forgets cached looks and geometry after a change, re-renders and redraws. */
  invalidate(): void;
  /** Draws the grid now. */
  paint(): void;
  /** Selects, scrolls `scrollTo` into view, publishes the selection and announces a new active cell. */
  setSelection(sel: Selection, scrollTo?: CellPos, keepRanges?: boolean): void;
  /** Runs a change to the workbook, refusing it when read-only and showing why it failed. */
  run(action: () => void): void;
  /** Says something to screen readers (the polite live region). */
  say(message: string): void;
  /** Announces the active cell, its value and formula to screen readers. */
  announce(): void;
  /** Shows another sheet. */
  showSheet(id: string): void;
}

// What the Node side of the doc-editor benchmark and its bench pages agree on.

/** The text the target paragraph starts with: the pages find where to type by it. */
export const TARGET_MARKER = 'Benchmark target paragraph.';

/** The text the remote typists' paragraphs start with, followed by their number. */
export const TYPIST_MARKER = 'Remote typist paragraph';

/** The document name on the relay. */
export const DOCUMENT_NAME = 'bench/doc-editor-200-pages';

/** The file next to the plain page that holds the document as ProseMirror JSON. */
export const DOCUMENT_JSON = 'document.json';

/** Timings of opening a document, in ms since the page's navigation started. */
export interface OpenTimes {
  /** The frame that first showed the document's content was painted. */
  contentPaint: number;
  /** The caret was placed in the target paragraph and the editor focused. */
  caretPlaced: number;
}

/** One keystroke, timed in the page; all fields in ms since navigation start. */
export interface KeystrokeSample {
  /** The keydown event's timestamp: when the browser received the key, even if the page was busy then. */
  keydown: number;
  /** The page's keydown listener ran (a capture listener on window, before the editor's). */
  handler: number;
  /** A mutation observer saw the character in the target paragraph's DOM. */
  dom: number;
  /** The first animation frame callback after `dom` ran (so `frame - dom` is the wait for the next frame). */
  frame: number;
  /** The task after the first animation frame that followed `dom`: the frame showing it was painted. */
  paint: number;
}

/** What a page reports when a typing phase ends. */
export interface TypingReport {
  samples: KeystrokeSample[];
  /** Keystrokes whose character never showed within the wait. */
  missing: number;
  /** Long tasks (over 50 ms) the page ran during the phase. */
  longTasks: { count: number; maxMs: number; totalMs: number };
  /** How far apart animation frames came while typing, when the phase ran a frame loop ({@link TypingOptions}). */
  frames?: FrameCadence;
}

/** Intervals between consecutive animation frames' timestamps (the `requestAnimationFrame` argument), in ms. */
export interface FrameCadence {
  frames: number;
  p5: number;
  p50: number;
  p95: number;
  max: number;
}

/** How a typing phase runs in the page. */
export interface TypingOptions {
  /**
   * Keep a `requestAnimationFrame` loop running while typing and report the frames' intervals:
   * shows how the browser paces frames. It changes what is measured (a frame is always on its
   * way), so it is its own phase.
   */
  frameLoop?: boolean;
}

/** The API each bench page puts on `window.bench` for the driver. */
export interface BenchPageApi {
  /** Resolves once the content has been painted and the caret placed at the end of the target paragraph. */
  opened: Promise<OpenTimes>;
  /** Starts recording keystrokes typed into the target paragraph. */
  startTyping(options?: TypingOptions): void;
  /** Waits (up to `timeoutMs`) for every recorded keystroke to be painted, then stops and reports. */
  finishTyping(timeoutMs: number): Promise<TypingReport>;
  /** The target paragraph's text, to check after the run that every keystroke landed. */
  targetText(): string;
  /** The text of the first top-level paragraph that starts with `prefix`, or null: to check that remote edits arrived. */
  paragraphText(prefix: string): string | null;
}

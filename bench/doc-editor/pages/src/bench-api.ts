// The page half of the doc-editor benchmark: detects the first paint of the document, places the
// caret, and times keystrokes from keydown to the frame that shows the character. The same timing
// serves every bench page: the ProseMirror pages through `installBenchApi(view)`, the bare
// contenteditable floor page through `installBenchApiFor(editable)`.
import { TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { TARGET_MARKER } from '../../shared.js';
import type { BenchPageApi, FrameCadence, KeystrokeSample, OpenTimes, TypingOptions, TypingReport } from '../../shared.js';

declare global {
  interface Window {
    bench: BenchPageApi;
  }
}

/** What the harness needs from a bench page's editor, whatever it is built with. */
export interface BenchEditable {
  /** The editable root (mutations under it are watched). */
  readonly root: HTMLElement;
  /** True once the document's content is in the DOM (checked in animation frame callbacks). */
  contentShown(): boolean;
  /** The target paragraph's element. */
  target(): HTMLElement;
  /** Puts the caret at the end of the target paragraph, focuses and scrolls it into view. */
  placeCaret(): void;
  /** The text of the first top-level paragraph starting with `prefix`, or null. */
  paragraphText(prefix: string): string | null;
}

type PostTask = (callback: () => void, options: { priority: 'user-blocking' }) => Promise<void>;
const postTask = (globalThis as { scheduler?: { postTask?: PostTask } }).scheduler?.postTask?.bind((globalThis as { scheduler?: object }).scheduler);

/**
 * Runs `callback` right after the current animation frame has been rendered: called from a
 * requestAnimationFrame callback, a task posted now runs once the frame's style, layout and paint
 * are done. It is posted with user-blocking priority so that it runs ahead of queued network
 * messages (remote edits), which would otherwise delay the timestamp, not the paint.
 */
function afterThisFrame(callback: (time: number) => void): void {
  if (postTask) {
    void postTask(() => callback(performance.now()), { priority: 'user-blocking' });
    return;
  }
  const channel = new MessageChannel();
  channel.port1.onmessage = () => callback(performance.now());
  channel.port2.postMessage(null);
}

/** Calls `painted` with the time after the next frame has been painted. */
function afterNextPaint(painted: (time: number) => void): void {
  requestAnimationFrame(() => afterThisFrame(painted));
}

/** The position of the first top-level paragraph that starts with `prefix` (the target paragraph by default), or -1. */
function targetPos(view: EditorView, prefix = TARGET_MARKER): number {
  let pos = -1;
  view.state.doc.forEach((node, offset) => {
    const first = node.firstChild;
    if (pos < 0 && node.type.name === 'paragraph' && first?.isText && first.text!.startsWith(prefix)) pos = offset;
  });
  return pos;
}

/** A ProseMirror view as a {@link BenchEditable}. */
function viewEditable(view: EditorView): BenchEditable {
  return {
    root: view.dom,
    contentShown: () => view.dom.firstElementChild?.tagName === 'H1',
    target() {
      const pos = targetPos(view);
      const dom = pos < 0 ? null : view.nodeDOM(pos);
      if (!(dom instanceof HTMLElement)) throw new Error('the target paragraph is not in the editor');
      return dom;
    },
    placeCaret() {
      const pos = targetPos(view);
      const end = pos + view.state.doc.child(view.state.doc.resolve(pos).index()).nodeSize - 1;
      view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, end)).scrollIntoView());
      view.focus();
    },
    paragraphText(prefix) {
      const pos = targetPos(view, prefix);
      return pos < 0 ? null : view.state.doc.nodeAt(pos)!.textContent;
    },
  };
}

/** Puts `window.bench` on the page for a ProseMirror view that `getView` returns once it exists. */
export function installBenchApi(getView: () => EditorView | null): void {
  let made: BenchEditable | null = null;
  installBenchApiFor(() => {
    const view = getView();
    if (view && !made) made = viewEditable(view);
    return made;
  });
}

/** Intervals between consecutive animation frames' timestamps, summarized. */
function cadence(timestamps: readonly number[]): FrameCadence {
  const intervals = timestamps.slice(1).map((t, n) => t - timestamps[n]!).sort((a, b) => a - b);
  const at = (q: number): number => intervals[Math.min(intervals.length - 1, Math.floor(q * intervals.length))] ?? Number.NaN;
  return { frames: timestamps.length, p5: at(0.05), p50: at(0.5), p95: at(0.95), max: intervals.at(-1) ?? Number.NaN };
}

/**
 * Puts `window.bench` on the page for an editable that `getEditable` returns once it exists. The
 * content counts as shown when its `contentShown()` says so in an animation frame callback.
 */
export function installBenchApiFor(getEditable: () => BenchEditable | null): void {
  let editable: BenchEditable | null = null;

  const opened = new Promise<OpenTimes>((resolve) => {
    const poll = (): void => {
      editable = getEditable();
      // Checked in an animation frame callback: content in the DOM now is painted in this frame.
      if (!editable || !editable.contentShown()) {
        requestAnimationFrame(poll);
        return;
      }
      afterThisFrame((contentPaint) => {
        editable!.placeCaret();
        afterNextPaint((caretPlaced) => resolve({ contentPaint, caretPlaced }));
      });
    };
    requestAnimationFrame(poll);
  });

  // Typing state.
  let measuring = false;
  let typedKeys = 0;
  let target: HTMLElement | null = null;
  let baseLength = 0;
  let frameRequested = false;
  const pending: Array<{ n: number; keydown: number; handler: number }> = [];
  const shown: Array<{ keydown: number; handler: number; dom: number }> = [];
  const samples: KeystrokeSample[] = [];
  const longTasks = { count: 0, maxMs: 0, totalMs: 0 };
  // Frame cadence: the timestamps of a continuous frame loop, when a typing phase asks for one.
  const loopFrames: number[] = [];
  let frameLoop = false;
  const loop = (time: number): void => {
    if (!frameLoop) return;
    loopFrames.push(time);
    requestAnimationFrame(loop);
  };

  window.addEventListener('keydown', (event) => {
    if (!measuring || event.key.length !== 1) return;
    // event.timeStamp: when the browser received the key, so time the page was too busy to take it counts.
    pending.push({ n: ++typedKeys, keydown: event.timeStamp, handler: performance.now() });
  }, { capture: true });

  const onFramePainted = (batch: typeof shown, frame: number) => (paint: number): void => {
    for (const item of batch) samples.push({ ...item, frame, paint });
  };

  const check = (): void => {
    if (!editable || pending.length === 0) return;
    if (!target?.isConnected) target = editable.target();
    const typed = (target.textContent ?? '').length - baseLength;
    const now = performance.now();
    while (pending.length > 0 && pending[0]!.n <= typed) {
      const { keydown, handler } = pending.shift()!;
      shown.push({ keydown, handler, dom: now });
    }
    if (shown.length === 0 || frameRequested) return;
    frameRequested = true;
    requestAnimationFrame(() => {
      frameRequested = false;
      afterThisFrame(onFramePainted(shown.splice(0), performance.now()));
    });
  };
  const observer = new MutationObserver(check);
  const longTaskObserver = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      longTasks.count++;
      longTasks.totalMs += entry.duration;
      longTasks.maxMs = Math.max(longTasks.maxMs, entry.duration);
    }
  });

  window.bench = {
    opened,
    startTyping(options?: TypingOptions) {
      if (!editable) throw new Error('startTyping(): the document is not open yet');
      target = editable.target();
      baseLength = (target.textContent ?? '').length;
      typedKeys = 0;
      samples.length = 0;
      loopFrames.length = 0;
      Object.assign(longTasks, { count: 0, maxMs: 0, totalMs: 0 });
      observer.observe(editable.root, { subtree: true, childList: true, characterData: true });
      longTaskObserver.observe({ type: 'longtask' });
      measuring = true;
      if (options?.frameLoop) {
        frameLoop = true;
        requestAnimationFrame(loop);
      }
    },
    async finishTyping(timeoutMs) {
      const deadline = performance.now() + timeoutMs;
      while ((pending.length > 0 || shown.length > 0 || frameRequested) && performance.now() < deadline) {
        await new Promise((r) => setTimeout(r, 20));
      }
      // One more frame, for the last batch's paint message.
      await new Promise<void>((r) => afterNextPaint(() => r()));
      measuring = false;
      frameLoop = false;
      observer.disconnect();
      longTaskObserver.disconnect();
      const report: TypingReport = {
        samples: samples.splice(0),
        missing: pending.length + shown.length,
        longTasks: { ...longTasks },
        ...(loopFrames.length > 1 ? { frames: cadence(loopFrames) } : {}),
      };
      pending.length = 0;
      shown.length = 0;
      return report;
    },
    targetText() {
      return editable ? editable.target().textContent ?? '' : '';
    },
    paragraphText(prefix) {
      return editable ? editable.paragraphText(prefix) : null;
    },
  };
}

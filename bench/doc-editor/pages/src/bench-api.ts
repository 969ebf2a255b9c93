// The page half of the doc-editor benchmark: detects the first paint of the document, places the
// caret, and times keystrokes from keydown to the frame that shows the character.
import { TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { TARGET_MARKER } from '../../shared.js';
import type { BenchPageApi, KeystrokeSample, OpenTimes, TypingReport } from '../../shared.js';

declare global {
  interface Window {
    bench: BenchPageApi;
  }
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

function targetElement(view: EditorView): HTMLElement {
  const pos = targetPos(view);
  const dom = pos < 0 ? null : view.nodeDOM(pos);
  if (!(dom instanceof HTMLElement)) throw new Error('the target paragraph is not in the editor');
  return dom;
}

/**
 * Puts `window.bench` on the page for an editor that `getView` returns once it exists. The
 * content counts as shown when the editor's first block is the document's opening heading.
 */
export function installBenchApi(getView: () => EditorView | null): void {
  let view: EditorView | null = null;

  const opened = new Promise<OpenTimes>((resolve) => {
    const poll = (): void => {
      view = getView();
      // Checked in an animation frame callback: content in the DOM now is painted in this frame.
      if (!view || view.dom.firstElementChild?.tagName !== 'H1') {
        requestAnimationFrame(poll);
        return;
      }
      afterThisFrame((contentPaint) => {
        const v = view!;
        const pos = targetPos(v);
        const end = pos + v.state.doc.child(v.state.doc.resolve(pos).index()).nodeSize - 1;
        v.dispatch(v.state.tr.setSelection(TextSelection.create(v.state.doc, end)).scrollIntoView());
        v.focus();
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

  window.addEventListener('keydown', (event) => {
    if (!measuring || event.key.length !== 1) return;
    // event.timeStamp: when the browser received the key, so time the page was too busy to take it counts.
    pending.push({ n: ++typedKeys, keydown: event.timeStamp, handler: performance.now() });
  }, { capture: true });

  const onFramePainted = (batch: typeof shown) => (paint: number): void => {
    for (const item of batch) samples.push({ ...item, paint });
  };

  const check = (): void => {
    if (!view || pending.length === 0) return;
    if (!target?.isConnected) target = targetElement(view);
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
      afterThisFrame(onFramePainted(shown.splice(0)));
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
    startTyping() {
      if (!view) throw new Error('startTyping(): the document is not open yet');
      target = targetElement(view);
      baseLength = (target.textContent ?? '').length;
      typedKeys = 0;
      samples.length = 0;
      Object.assign(longTasks, { count: 0, maxMs: 0, totalMs: 0 });
      observer.observe(view.dom, { subtree: true, childList: true, characterData: true });
      longTaskObserver.observe({ type: 'longtask' });
      measuring = true;
    },
    async finishTyping(timeoutMs) {
      const deadline = performance.now() + timeoutMs;
      while ((pending.length > 0 || shown.length > 0 || frameRequested) && performance.now() < deadline) {
        await new Promise((r) => setTimeout(r, 20));
      }
      // One more frame, for the last batch's paint message.
      await new Promise<void>((r) => afterNextPaint(() => r()));
      measuring = false;
      observer.disconnect();
      longTaskObserver.disconnect();
      const report: TypingReport = { samples: samples.splice(0), missing: pending.length + shown.length, longTasks: { ...longTasks } };
      pending.length = 0;
      shown.length = 0;
      return report;
    },
    targetText() {
      return view ? targetElement(view).textContent ?? '' : '';
    },
    paragraphText(prefix) {
      const pos = view ? targetPos(view, prefix) : -1;
      return pos < 0 ? null : view!.state.doc.nodeAt(pos)!.textContent;
    },
  };
}

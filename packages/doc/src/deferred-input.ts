import { afterPaint } from '@allmende/core';
import type { IncomingHold } from '@allmende/core';
import type { EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import type * as Y from 'yjs';

/** The parts of prosemirror-view's DOM observer used here (not in its types; checked against prosemirror-view 1.42). */
interface DomObserverInternals {
  observer: MutationObserver | null;
  queue: MutationRecord[];
  /** A timeout id while a flush is put off; `flush()` does nothing then, `forceFlush()` runs it. */
  flushingSoon: number;
  flush(): void;
  forceFlush(): void;
}

/** How long typed text may wait for a frame before it is read anyway (hidden tabs get no frames). */
const FALLBACK_MS = 100;

/**
 * How long after a key others' changes wait for the next key's paint: while someone types at
 * least every this many milliseconds, others' changes are drawn right after each of their
 * keystrokes has been painted, not in between, where drawing them would make the next keystroke
 * wait for the frame after.
 */
export const TYPING_HOLD_MS = 200;

/** The events that read waiting text first (besides keydown), caught before prosemirror-view's handlers. */
const OTHER_INPUT = ['compositionstart', 'beforeinput', 'mousedown', 'touchstart', 'focusout'] as const;

/** What {@link deferTypedText} returns. */
export interface DeferredInput {
  /** Reads typed text that is still waiting into the editor (and so into the Y.Doc) now. */
  flush(): void;
  /** For `Session.holdIncoming`: holds the relay's messages while typed text waits, and while someone types. */
  readonly hold: IncomingHold;
  /** Reads waiting text, lets held messages in, stops deferring and removes the listeners. Call before the view is destroyed. */
  destroy(): void;
}

/** Whether a keydown types one character with the keyboard (not a shortcut, not an IME or virtual keyboard). */
function typesCharacter(event: KeyboardEvent): boolean {
  return event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey && !event.isComposing && event.keyCode !== 229;
}

/** Whether Yjs is inside a transaction or calling its observers: writing the editor's change then would nest in it. */
function yjsBusy(doc: Y.Doc): boolean {
  return doc._transaction !== null || doc._transactionCleanups.length > 0;
}

/**
 * Lets a typed character be painted before ProseMirror reads it. When a key
 * types a character, the browser inserts it into the text node itself;
 * prosemirror-view then reads that change back in the same task (its mutation
 * observer), applies the transaction, runs every plugin and writes to Yjs, and
 * only then can the frame showing the character start. In a long document
 * that reading is about 3 ms of a keystroke's 12. Here a change that only
 * edited text (`characterData` mutations right after such a key) is read
 * after the next frame instead, with prosemirror-view's own "flush soon"
 * state, so its other ways in still work: the next keydown, a click, a
 * composition or a paste read it first.
 *
 * The state stays right for everyone who asks: reading `view.state` reads
 * waiting text first, so commands, toolbar buttons and plugins never work on
 * a state without it. Inside a Yjs transaction or its observers it is not
 * read (the write would nest into someone else's change); the state is
 * returned as it is there. Remote edits must not land while text waits (one
 * of the same paragraph would be drawn over it): the returned `hold` is for
 * `Session.holdIncoming`, which then applies the relay's messages after the
 * text has been read, in the order they came. The hold also keeps others'
 * changes for the moment after each keystroke's paint while someone types
 * ({@link TYPING_HOLD_MS}), so drawing them never makes a keystroke wait for
 * a frame. Without a session (a host's Y.Doc, updated by the host whenever),
 * do not defer.
 */
export function deferTypedText(view: EditorView, doc: Y.Doc): DeferredInput {
  const observer = (view as unknown as { domObserver?: DomObserverInternals }).domObserver;
  const original = observer?.observer;
  if (!observer || !original || typeof requestAnimationFrame !== 'function') {
    return { flush() {}, destroy() {}, hold: { active: () => false, whenReleased: (release) => release() } };
  }

  /** The fallback timeout of the flush put off now (also `observer.flushingSoon` then), or null. */
  let fallback: number | null = null;
  let cancelFrame: (() => void) | null = null;
  let typedKey = false;
  let reading = false;
  /** True while prosemirror-view handles a keyup: it reads `view.state` for its plugins' handlers only. */
  let keyUp = false;
  let lastKey = Number.NEGATIVE_INFINITY;
  /** What the held messages run once they may go in. */
  let releases: Array<() => void> = [];
  let cancelRelease: (() => void) | null = null;
  let releaseTimer: ReturnType<typeof setTimeout> | null = null;

  const waiting = (): boolean => fallback !== null && observer.flushingSoon === fallback;
  const typing = (): boolean => performance.now() - lastKey < TYPING_HOLD_MS;

  /** Lets held messages in, unless typed text waits (the flush lets them in then). */
  const release = (): void => {
    if (waiting() || releases.length === 0) return;
    cancelRelease?.();
    cancelRelease = null;
    if (releaseTimer !== null) clearTimeout(releaseTimer);
    releaseTimer = null;
    const runs = releases;
    releases = [];
    for (const run of runs) run();
  };

  /** Reads waiting text now, unless Yjs is busy or this is already reading it. */
  const flush = (): void => {
    if (!waiting() || reading || view.isDestroyed || yjsBusy(doc)) return;
    reading = true;
    try {
      cancelFrame?.();
      cancelFrame = null;
      fallback = null;
      observer.forceFlush();
    } finally {
      reading = false;
    }
    release();
  };

  const putOff = (): void => {
    fallback = window.setTimeout(flush, FALLBACK_MS);
    observer.flushingSoon = fallback;
    cancelFrame = afterPaint(flush);
  };

  const deferring = new MutationObserver((mutations) => {
    observer.queue.push(...mutations);
    const onlyText = typedKey && !view.composing && mutations.every((mutation) => mutation.type === 'characterData');
    typedKey = false;
    if (onlyText && (waiting() || observer.flushingSoon < 0)) {
      if (!waiting()) putOff();
      return;
    }
    if (waiting()) flush();
    else observer.flush();
  });
  // prosemirror-view starts, stops and reads its observer through this property.
  original.disconnect();
  observer.observer = deferring;
  deferring.observe(view.dom, { childList: true, characterData: true, characterDataOldValue: true, attributes: true, attributeOldValue: true, subtree: true });

  // Capturing listeners on the editable run before prosemirror-view's own: the next key, a composition or
  // any other input reads waiting text before prosemirror-view notes the key or the browser changes the DOM.
  const onKeydown = (event: Event): void => {
    keyUp = false;
    flush();
    typedKey = typesCharacter(event as KeyboardEvent);
    lastKey = performance.now();
    // Others' changes held until now go in once this key's frame has been painted.
    cancelRelease ??= afterPaint(() => {
      cancelRelease = null;
      release();
    });
  };
  const onOtherInput = (): void => flush();
  // A key let go right after it typed (as key repeat and scripted typing do) waits for the frame too: prosemirror-view
  // only asks its plugins whether they handle the keyup (none of ours changes anything on one). The listener without
  // capture is added after prosemirror-view's, so it runs after it.
  const onKeyupStart = (): void => void (keyUp = true);
  const onKeyupEnd = (): void => void (keyUp = false);
  view.dom.addEventListener('keydown', onKeydown, true);
  view.dom.addEventListener('keyup', onKeyupStart, true);
  view.dom.addEventListener('keyup', onKeyupEnd);
  for (const type of OTHER_INPUT) view.dom.addEventListener(type, onOtherInput, true);
  // Leaving or hiding the page: the text goes into the Y.Doc before the offline cache stores it (capturing
  // listeners at the window and the document run before the cache's).
  const onLeaving = (): void => {
    if (document.visibilityState === 'hidden') flush();
  };
  window.addEventListener('pagehide', flush, true);
  document.addEventListener('visibilitychange', onLeaving, true);

  // The browser scrolled the caret into view when it inserted the character; by the time the text is read,
  // the person may have scrolled elsewhere or be clicking there, so reading it must not scroll back.
  const ownScroll = view.props.handleScrollToSelection;
  view.setProps({ handleScrollToSelection: (editor) => reading || (ownScroll?.call(editor.props, editor) ?? false) });

  let current = view.state;
  Object.defineProperty(view, 'state', {
    configurable: true,
    enumerable: true,
    get(): EditorState {
      if (!keyUp) flush();
      return current;
    },
    set(state: EditorState) {
      current = state;
    },
  });

  return {
    flush,
    hold: {
      active: () => waiting() || typing(),
      whenReleased(run) {
        if (!waiting() && !typing()) {
          run();
          return;
        }
        releases.push(run);
        // When no key comes, at the end of the typing pause (or after the flush, if text waits then).
        releaseTimer ??= setTimeout(() => {
          releaseTimer = null;
          release();
        }, Math.max(0, lastKey + TYPING_HOLD_MS - performance.now()));
      },
    },
    destroy() {
      flush();
      if (waiting()) {
        clearTimeout(fallback!);
        observer.flushingSoon = -1;
      }
      cancelFrame?.();
      fallback = null;
      release();
      cancelRelease?.();
      if (releaseTimer !== null) clearTimeout(releaseTimer);
      view.dom.removeEventListener('keydown', onKeydown, true);
      view.dom.removeEventListener('keyup', onKeyupStart, true);
      view.dom.removeEventListener('keyup', onKeyupEnd);
      for (const type of OTHER_INPUT) view.dom.removeEventListener(type, onOtherInput, true);
      window.removeEventListener('pagehide', flush, true);
      document.removeEventListener('visibilitychange', onLeaving, true);
      Object.defineProperty(view, 'state', { configurable: true, enumerable: true, writable: true, value: current });
      if (!view.isDestroyed) view.setProps({ handleScrollToSelection: ownScroll });
    },
  };
}

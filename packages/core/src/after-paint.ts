import { cancelTimer, later, type TimerHandle } from './timers.js';

/** The few browser timing functions used here, typed without the DOM lib (this package has none). */
interface PaintTiming {
  requestAnimationFrame?: (callback: () => void) => number;
  cancelAnimationFrame?: (handle: number) => void;
  document?: { visibilityState?: string };
}

/** How long to wait for an animation frame before running anyway (hidden tabs get none). */
const FRAME_FALLBACK_MS = 100;

/**
 * Runs `callback` once, in a task of its own after the next paint: in a browser showing the page,
 * a zero-delay timeout started from the next animation frame (the frame paints before that timeout
 * runs); where there are no frames (Node, workers, a hidden tab) a zero-delay timeout, with a
 * fallback timeout in case a frame never comes. Returns a function that cancels it.
 */
export function afterPaint(callback: () => void): () => void {
  const g = globalThis as PaintTiming;
  let done = false;
  let frame: number | null = null;
  let timer: TimerHandle | null = null;
  const run = () => {
    if (done) return;
    done = true;
    if (frame !== null) g.cancelAnimationFrame?.(frame);
    if (timer !== null) cancelTimer(timer);
    callback();
  };
  const visible = g.document?.visibilityState !== 'hidden';
  if (typeof g.requestAnimationFrame === 'function' && visible) {
    frame = g.requestAnimationFrame(() => {
      frame = null;
      if (timer !== null) cancelTimer(timer);
      timer = later(run, 0);
    });
    timer = later(run, FRAME_FALLBACK_MS);
  } else {
    timer = later(run, 0);
  }
  return () => {
    done = true;
    if (frame !== null) g.cancelAnimationFrame?.(frame);
    if (timer !== null) cancelTimer(timer);
  };
}

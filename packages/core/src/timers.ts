/** An opaque timer handle. */
export type TimerHandle = unknown;

interface Timers {
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/**
 * Calls `callback` after `ms` milliseconds. The global timer functions are typed here because this
 * package is compiled without the DOM and Node libs; they exist in browsers, workers and Node.
 */
export function later(callback: () => void, ms: number): TimerHandle {
  return (globalThis as unknown as Timers).setTimeout(callback, ms);
}

/** Cancels a timer started with {@link later}. */
export function cancelTimer(handle: TimerHandle): void {
  (globalThis as unknown as Timers).clearTimeout(handle);
}

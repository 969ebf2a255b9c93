// setTimeout fires at once for delays above 2^31 - 1 ms (about 24.8 days), so longer waits are chained.
const maxTimerDelayMs = 2 ** 31 - 1;

/**
 * Calls `onExpired` once the clock reaches `expiresAt` (ms since the epoch), or does nothing when
 * it is null. Returns a function that cancels the timer; call it when the connection closes.
 * The timer does not keep the process alive.
 */
export function scheduleTokenExpiry(expiresAt: number | null, onExpired: () => void): () => void {
  if (expiresAt === null) return () => {};
  let timer: NodeJS.Timeout;
  const arm = (): void => {
    const delay = expiresAt - Date.now();
    if (delay > maxTimerDelayMs) {
      timer = setTimeout(arm, maxTimerDelayMs);
    } else {
      timer = setTimeout(onExpired, Math.max(0, delay));
    }
    timer.unref();
  };
  arm();
  return () => clearTimeout(timer);
}

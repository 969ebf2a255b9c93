import { afterEach, describe, expect, it, vi } from 'vitest';
import { scheduleTokenExpiry } from './token-expiry.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('scheduleTokenExpiry', () => {
  it('fires once the expiry time is reached, not before', () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const onExpired = vi.fn();
    scheduleTokenExpiry(1_000_000 + 5_000, onExpired);
    vi.advanceTimersByTime(4_999);
    expect(onExpired).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onExpired).toHaveBeenCalledTimes(1);
  });

  it('fires at once for a time in the past, and never without an expiry', () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const past = vi.fn();
    scheduleTokenExpiry(10, past);
    vi.advanceTimersByTime(0);
    expect(past).toHaveBeenCalledTimes(1);
    const never = vi.fn();
    scheduleTokenExpiry(null, never);
    vi.advanceTimersByTime(10 ** 12);
    expect(never).not.toHaveBeenCalled();
  });

  it('waits out expiries beyond the 24.8-day timer limit instead of firing at once', () => {
    vi.useFakeTimers({ now: 0 });
    const onExpired = vi.fn();
    const ninetyDays = 90 * 24 * 3600 * 1000;
    scheduleTokenExpiry(ninetyDays, onExpired);
    vi.advanceTimersByTime(ninetyDays - 1);
    expect(onExpired).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onExpired).toHaveBeenCalledTimes(1);
  });

  it('can be cancelled, also after a long wait was chained', () => {
    vi.useFakeTimers({ now: 0 });
    const onExpired = vi.fn();
    const cancel = scheduleTokenExpiry(60 * 24 * 3600 * 1000, onExpired);
    vi.advanceTimersByTime(30 * 24 * 3600 * 1000);
    cancel();
    vi.advanceTimersByTime(60 * 24 * 3600 * 1000);
    expect(onExpired).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });
});

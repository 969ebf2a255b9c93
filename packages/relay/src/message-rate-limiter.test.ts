import { describe, expect, it } from 'vitest';
import { MessageRateLimiter } from './message-rate-limiter.js';

function limiterAt(perSecond: number, burst: number): { limiter: MessageRateLimiter; advance: (ms: number) => void } {
  let now = 0;
  const limiter = new MessageRateLimiter({ perSecond, burst }, () => now);
  return { limiter, advance: (ms) => (now += ms) };
}

function takeAll(limiter: MessageRateLimiter): number {
  let taken = 0;
  while (limiter.tryTake()) taken++;
  return taken;
}

describe('MessageRateLimiter', () => {
  it('allows a burst, then the sustained rate', () => {
    const { limiter, advance } = limiterAt(100, 500);
    expect(takeAll(limiter)).toBe(500);
    advance(1000);
    expect(takeAll(limiter)).toBe(100);
    advance(50);
    expect(takeAll(limiter)).toBe(5);
  });

  it('never holds more than the burst', () => {
    const { limiter, advance } = limiterAt(100, 10);
    advance(60_000);
    expect(takeAll(limiter)).toBe(10);
  });

  it('lets granted tokens pay for presence echoes, up to the burst', () => {
    const { limiter } = limiterAt(1, 20);
    expect(takeAll(limiter)).toBe(20);
    for (let i = 0; i < 5; i++) limiter.grant();
    expect(takeAll(limiter)).toBe(5);
    for (let i = 0; i < 50; i++) limiter.grant();
    expect(takeAll(limiter)).toBe(20);
  });
});

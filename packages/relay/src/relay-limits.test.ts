import { describe, expect, it } from 'vitest';
import { defaultRelayLimits, resolveRelayLimits } from './relay-limits.js';

describe('resolveRelayLimits', () => {
  it('fills in the defaults', () => {
    expect(resolveRelayLimits(undefined)).toEqual(defaultRelayLimits);
    expect(resolveRelayLimits({ messagesPerSecond: 0.5, connectionsPerAddress: 2 })).toEqual({
      ...defaultRelayLimits,
      messagesPerSecond: 0.5,
      connectionsPerAddress: 2,
    });
  });

  it('refuses unknown limits and values that are not positive integers', () => {
    expect(() => resolveRelayLimits({ maxDocumentSize: 5 } as never)).toThrow(TypeError);
    expect(() => resolveRelayLimits({ connectionsPerAddress: 0 })).toThrow(/positive integer/);
    expect(() => resolveRelayLimits({ maxDocumentBytes: 1.5 })).toThrow(RangeError);
    expect(() => resolveRelayLimits({ messagesPerSecond: Number.POSITIVE_INFINITY })).toThrow(RangeError);
    expect(() => resolveRelayLimits('many' as never)).toThrow(TypeError);
  });
});

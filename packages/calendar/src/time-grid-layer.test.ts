import { describe, expect, it } from 'vitest';
import { addDays } from './date-math.js';
import { layerSlot } from './time-grid-layer.js';

describe('layerSlot', () => {
  it('puts weeks next to each other into different layers, across months, years and the epoch', () => {
    for (const monday of ['2026-01-05', '2026-12-28', '1969-12-29', '2024-02-26']) {
      const slot = layerSlot(monday, 7);
      expect(layerSlot(addDays(monday, 7), 7)).toBe(1 - slot);
      expect(layerSlot(addDays(monday, -7), 7)).toBe(1 - slot);
      expect(layerSlot(addDays(monday, 14), 7)).toBe(slot);
    }
  });

  it('counts work weeks by their week and single days by the day', () => {
    expect(layerSlot('2026-01-05', 5)).toBe(layerSlot('2026-01-05', 7));
    expect(layerSlot('2026-01-12', 5)).toBe(1 - layerSlot('2026-01-05', 5));
    for (const day of ['2026-01-05', '2026-01-10', '1970-01-01', '1969-12-31']) {
      expect(layerSlot(addDays(day, 1), 1)).toBe(1 - layerSlot(day, 1));
    }
  });

  it('answers 0 or 1 only', () => {
    for (let i = -40; i < 40; i++) expect([0, 1]).toContain(layerSlot(addDays('2026-03-02', i), 1));
  });
});

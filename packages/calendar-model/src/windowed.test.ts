import { describe, expect, it } from 'vitest';
import { wallFromParts } from './civil.js';
import { RuleExpander } from './expand.js';
import { parseRRule } from './rrule.js';
import { getZone } from './zone.js';

const berlin = getZone('Europe/Berlin');
const toEpoch = (wall: number): number => berlin.toEpoch(wall);

function weekQuery(rrule: string, start: number): { found: number; scanned: number } {
  const expander = new RuleExpander(parseRRule(rrule), start, false, toEpoch);
  const found = expander.between(wallFromParts(2026, 6, 1), wallFromParts(2026, 6, 7, 23, 59, 59)).length;
  return { found, scanned: expander.periodsScanned };
}

describe('window queries do not replay the series', () => {
  const since2006 = wallFromParts(2006, 1, 2, 8);
  it('a daily series from 2006: one week looks at about seven periods, not 7,000', () => {
    const daily = weekQuery('FREQ=DAILY', since2006);
    expect(daily.found).toBe(7);
    expect(daily.scanned).toBeLessThanOrEqual(8);
    expect(weekQuery('FREQ=DAILY;INTERVAL=3', since2006).scanned).toBeLessThanOrEqual(4);
    expect(weekQuery('FREQ=DAILY;UNTIL=20300101T000000Z', since2006).found).toBe(7);
  });
  it('weekly, monthly, yearly and hourly series jump to the window as well', () => {
    expect(weekQuery('FREQ=WEEKLY;BYDAY=MO,WE,FR', since2006)).toMatchObject({ found: 3 });
    expect(weekQuery('FREQ=WEEKLY;BYDAY=MO,WE,FR', since2006).scanned).toBeLessThanOrEqual(2);
    expect(weekQuery('FREQ=MONTHLY;BYDAY=1MO', since2006)).toMatchObject({ found: 1 });
    expect(weekQuery('FREQ=MONTHLY;BYDAY=1MO', since2006).scanned).toBeLessThanOrEqual(2);
    expect(weekQuery('FREQ=YEARLY;BYWEEKNO=23;BYDAY=TU', since2006)).toMatchObject({ found: 1 });
    expect(weekQuery('FREQ=YEARLY;BYWEEKNO=23;BYDAY=TU', since2006).scanned).toBeLessThanOrEqual(2);
    expect(weekQuery('FREQ=HOURLY;INTERVAL=6', since2006).found).toBe(28);
  });
  it('a COUNT series pays for counting once; later windows cost only the window', () => {
    const expander = new RuleExpander(parseRRule('FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;BYMONTH=1,2,3,4,5,6,9,10,11,12;COUNT=6000'), since2006, false, toEpoch);
    expander.between(wallFromParts(2026, 6, 1), wallFromParts(2026, 6, 8));
    const afterFirst = expander.periodsScanned;
    expect(afterFirst).toBeGreaterThan(6000);
    const found = expander.between(wallFromParts(2025, 6, 2), wallFromParts(2025, 6, 8, 23));
    expect(found).toHaveLength(5);
    expect(expander.periodsScanned - afterFirst).toBeLessThanOrEqual(8);
  });
  it('a regular COUNT series finds its end in closed form', () => {
    const expander = new RuleExpander(parseRRule('FREQ=WEEKLY;BYDAY=MO,TH;COUNT=100000'), since2006, false, toEpoch);
    expect(expander.between(wallFromParts(2026, 6, 1), wallFromParts(2026, 6, 8))).toHaveLength(2);
    expect(expander.periodsScanned).toBeLessThanOrEqual(3);
  });
});

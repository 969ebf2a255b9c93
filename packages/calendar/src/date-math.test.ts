import { describe, expect, it } from 'vitest';
import { addDays, addMonths, isoWeekday, minuteOfDay, startOfWeek, stepDate, viewRange, wallAt, weekStart } from './date-math.js';
import { epochOfWall, wallInZone } from './zone-time.js';

describe('week start', () => {
  it('starts the week on Monday in German and on Sunday in US English', () => {
    expect(weekStart('de')).toBe(1);
    expect(weekStart('de-DE')).toBe(1);
    expect(weekStart('de-AT')).toBe(1);
    expect(weekStart('en-US')).toBe(7);
    expect(weekStart('en-GB')).toBe(1);
  });

  it('falls back to Monday for a tag Intl cannot read', () => {
    expect(weekStart('not a tag!')).toBe(1);
  });
});

describe('date arithmetic', () => {
  it('knows weekdays and week starts', () => {
    expect(isoWeekday('2026-11-30')).toBe(1);
    expect(isoWeekday('2026-11-29')).toBe(7);
    expect(startOfWeek('2026-12-03', 1)).toBe('2026-11-30');
    expect(startOfWeek('2026-12-03', 7)).toBe('2026-11-29');
    expect(startOfWeek('2026-11-29', 7)).toBe('2026-11-29');
  });

  it('adds days across months and years, and clamps month ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15');
    expect(addMonths('2026-11-30', 14)).toBe('2028-01-30');
  });

  it('reads and writes minutes of the day', () => {
    expect(minuteOfDay('2026-03-29T09:30:00+02:00')).toBe(570);
    expect(minuteOfDay('2026-03-29')).toBe(0);
    expect(wallAt('2026-03-29', 570)).toBe('2026-03-29T09:30:00');
    expect(wallAt('2026-03-29', 1440 + 15)).toBe('2026-03-30T00:15:00');
  });
});

describe('view ranges', () => {
  it('covers whole weeks around a month, from the locale\'s first day', () => {
    const monday = viewRange('month', '2026-11-17', 1);
    expect(monday.from).toBe('2026-10-26');
    expect(monday.to).toBe('2026-12-07');
    expect(monday.days).toHaveLength(42);
    const sunday = viewRange('month', '2026-02-10', 7);
    // February 2026 starts on a Sunday and has exactly four weeks.
    expect(sunday.from).toBe('2026-02-01');
    expect(sunday.days).toHaveLength(28);
  });

  it('covers a week, a work week and a day', () => {
    expect(viewRange('week', '2026-12-03', 1)).toMatchObject({ from: '2026-11-30', to: '2026-12-07' });
    expect(viewRange('week', '2026-12-03', 7)).toMatchObject({ from: '2026-11-29', to: '2026-12-06' });
    expect(viewRange('workweek', '2026-12-06', 7).days).toEqual(['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04']);
    expect(viewRange('day', '2026-12-03', 1).days).toEqual(['2026-12-03']);
    expect(viewRange('year', '2026-12-03', 1)).toMatchObject({ from: '2026-01-01', to: '2027-01-01' });
  });

  it('steps by the view\'s page', () => {
    expect(stepDate('month', '2026-01-31', 1)).toBe('2026-02-01');
    expect(stepDate('week', '2026-12-03', -1)).toBe('2026-11-26');
    expect(stepDate('day', '2026-12-31', 1)).toBe('2027-01-01');
    expect(stepDate('year', '2028-02-29', 1)).toBe('2029-02-28');
  });
});

describe('zone conversion', () => {
  it('reads wall times in a zone and back, across DST', () => {
    const summer = epochOfWall('2026-07-01T09:00:00', 'Europe/Berlin');
    expect(new Date(summer).toISOString()).toBe('2026-07-01T07:00:00.000Z');
    expect(wallInZone(summer, 'America/New_York')).toBe('2026-07-01T03:00:00');
  });

  it('moves a time in the spring-forward gap forward, and takes the first of a doubled time', () => {
    expect(wallInZone(epochOfWall('2026-03-29T02:30:00', 'Europe/Berlin'), 'Europe/Berlin')).toBe('2026-03-29T03:30:00');
    expect(new Date(epochOfWall('2026-10-25T02:30:00', 'Europe/Berlin')).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });
});

import { describe, expect, it } from 'vitest';
import { emptyRecurrence, formToRRule, rruleToForm, weekdayOrdinal } from './recurrence-form.js';

const untilUtc = (day: string): string => `${day.replace(/-/g, '')}T225959Z`;
const untilDay = (until: string): string => `${until.slice(0, 4)}-${until.slice(4, 6)}-${until.slice(6, 8)}`;
const start = '2026-11-30T09:00:00';

describe('recurrence form → RRULE', () => {
  it('writes the simple choices', () => {
    const base = emptyRecurrence(start);
    expect(base.weekdays).toEqual(['MO']);
    expect(formToRRule(base, start, untilUtc)).toBeUndefined();
    expect(formToRRule({ ...base, kind: 'daily' }, start, untilUtc)).toBe('FREQ=DAILY');
    expect(formToRRule({ ...base, kind: 'weekly', weekdays: ['WE', 'MO'], interval: 2 }, start, untilUtc)).toBe('FREQ=WEEKLY;BYDAY=MO,WE;INTERVAL=2');
    expect(formToRRule({ ...base, kind: 'monthly-date' }, start, untilUtc)).toBe('FREQ=MONTHLY;BYMONTHDAY=30');
    expect(formToRRule({ ...base, kind: 'monthly-weekday' }, start, untilUtc)).toBe('FREQ=MONTHLY;BYDAY=-1MO');
    expect(formToRRule({ ...base, kind: 'monthly-weekday' }, '2026-11-09T09:00:00', untilUtc)).toBe('FREQ=MONTHLY;BYDAY=2MO');
    expect(formToRRule({ ...base, kind: 'yearly', ends: 'after', count: 5 }, start, untilUtc)).toBe('FREQ=YEARLY;COUNT=5');
    expect(formToRRule({ ...base, kind: 'daily', ends: 'on', until: '2026-12-24' }, start, untilUtc)).toBe('FREQ=DAILY;UNTIL=20261224T225959Z');
  });

  it('refuses bad input with a message for people', () => {
    const base = emptyRecurrence(start);
    expect(() => formToRRule({ ...base, kind: 'weekly', weekdays: [] }, start, untilUtc)).toThrow(/at least one weekday/);
    expect(() => formToRRule({ ...base, kind: 'daily', interval: 0 }, start, untilUtc)).toThrow(/interval/);
    expect(() => formToRRule({ ...base, kind: 'daily', ends: 'on', until: '2026-01-01' }, start, untilUtc)).toThrow(/before it starts/);
    expect(() => formToRRule({ ...base, kind: 'daily', ends: 'on', until: '' }, start, untilUtc)).toThrow(/Choose the date/);
    expect(() => formToRRule({ ...base, kind: 'daily', ends: 'after', count: 0 }, start, untilUtc)).toThrow(/number of times/);
    expect(() => formToRRule({ ...base, kind: 'custom', custom: 'FREQ=MONTHLY;BYMONTHDAY=32' }, start, untilUtc)).toThrow(/BYMONTHDAY=32/);
    expect(() => formToRRule({ ...base, kind: 'custom', custom: '  ' }, start, untilUtc)).toThrow(/Enter a rule/);
  });

  it('passes a valid custom rule through, without an RRULE: prefix', () => {
    const base = emptyRecurrence(start);
    expect(formToRRule({ ...base, kind: 'custom', custom: 'RRULE:FREQ=MONTHLY;BYDAY=MO,TU;BYSETPOS=-1' }, start, untilUtc)).toBe('FREQ=MONTHLY;BYDAY=MO,TU;BYSETPOS=-1');
  });
});

describe('RRULE → recurrence form', () => {
  it('reads back every simple choice it writes', () => {
    const base = emptyRecurrence(start);
    const forms = [
      { ...base, kind: 'daily' as const, interval: 3 },
      { ...base, kind: 'weekly' as const, weekdays: ['MO', 'FR'] },
      { ...base, kind: 'monthly-date' as const, ends: 'after' as const, count: 7 },
      { ...base, kind: 'monthly-weekday' as const },
      { ...base, kind: 'yearly' as const, ends: 'on' as const, until: '2030-11-30' },
    ];
    for (const form of forms) {
      const rule = formToRRule(form, start, untilUtc);
      expect(rruleToForm(rule, start, untilDay), rule).toEqual(form);
    }
  });

  it('shows anything else as a custom rule', () => {
    expect(rruleToForm('FREQ=MONTHLY;BYDAY=MO,TU;BYSETPOS=-1', start, untilDay)).toMatchObject({ kind: 'custom', custom: 'FREQ=MONTHLY;BYDAY=MO,TU;BYSETPOS=-1' });
    expect(rruleToForm('FREQ=WEEKLY;BYDAY=1MO', start, untilDay).kind).toBe('custom');
    expect(rruleToForm('FREQ=MONTHLY;BYDAY=2TU', start, untilDay).kind).toBe('custom');
    expect(rruleToForm('FREQ=HOURLY', start, untilDay).kind).toBe('custom');
  });

  it('counts the last weekday of a month as the last one', () => {
    expect(weekdayOrdinal('2026-11-30')).toBe(-1);
    expect(weekdayOrdinal('2026-11-28')).toBe(4);
    expect(weekdayOrdinal('2026-11-01')).toBe(1);
  });
});

import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { expandRecurrence } from './recurrence.js';
import { parseRRule, formatRRule } from './rrule.js';
import { getZone } from './zone.js';

function starts(options: Parameters<typeof expandRecurrence>[0]): string[] {
  return expandRecurrence(options).map((i) => i.start);
}

describe('Europe/Berlin across DST', () => {
  it('keeps 09:00 wall time on every day across the March and October changes', () => {
    const out = starts({ start: '2026-03-27T09:00:00', timeZone: 'Europe/Berlin', rrule: 'FREQ=DAILY;COUNT=4', from: '2026-01-01', to: '2027-01-01' });
    expect(out).toEqual(['2026-03-27T09:00:00+01:00', '2026-03-28T09:00:00+01:00', '2026-03-29T09:00:00+02:00', '2026-03-30T09:00:00+02:00']);
    const autumn = starts({ start: '2026-10-24T09:00:00', timeZone: 'Europe/Berlin', rrule: 'FREQ=DAILY;COUNT=3', from: '2026-01-01', to: '2027-01-01' });
    expect(autumn).toEqual(['2026-10-24T09:00:00+02:00', '2026-10-25T09:00:00+01:00', '2026-10-26T09:00:00+01:00']);
  });

  it('moves a time inside the spring-forward gap forward by the gap (02:30 → 03:30)', () => {
    const out = starts({ start: '2026-03-28T02:30:00', timeZone: 'Europe/Berlin', rrule: 'FREQ=DAILY;COUNT=3', from: '2026-01-01', to: '2027-01-01' });
    expect(out).toEqual(['2026-03-28T02:30:00+01:00', '2026-03-29T03:30:00+02:00', '2026-03-30T02:30:00+02:00']);
  });

  it('reads a time that happens twice at fall-back as its first occurrence', () => {
    const out = starts({ start: '2026-10-24T02:30:00', timeZone: 'Europe/Berlin', rrule: 'FREQ=DAILY;COUNT=3', from: '2026-01-01', to: '2027-01-01' });
    expect(out).toEqual(['2026-10-24T02:30:00+02:00', '2026-10-25T02:30:00+02:00', '2026-10-26T02:30:00+01:00']);
  });

  it('agrees with Temporal "compatible" disambiguation for every half hour around the changes', () => {
    const zone = getZone('Europe/Berlin');
    for (const day of ['2026-03-29', '2026-10-25', '2027-03-28', '1996-10-27']) {
      for (let minutes = 0; minutes < 24 * 60; minutes += 30) {
        const pdt = Temporal.PlainDateTime.from(`${day}T00:00`).add({ minutes });
        const expected = pdt.toZonedDateTime('Europe/Berlin', { disambiguation: 'compatible' }).epochMilliseconds;
        const wall = Date.UTC(pdt.year, pdt.month - 1, pdt.day, pdt.hour, pdt.minute);
        expect(zone.toEpoch(wall)).toBe(expected);
      }
    }
  });

  it('expands in the event zone and shows the viewer zone', () => {
    const out = expandRecurrence({ start: '2026-03-27T09:00:00', timeZone: 'America/New_York', rrule: 'FREQ=DAILY;COUNT=3', from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z' });
    // New York changed on March 8, Berlin on March 29: the gap is 5 hours in between.
    expect(out.map((i) => new Date(i.epochMs).toISOString())).toEqual(['2026-03-27T13:00:00.000Z', '2026-03-28T13:00:00.000Z', '2026-03-29T13:00:00.000Z']);
  });
});

describe('leap days', () => {
  it('a yearly rule on February 29 skips years without one', () => {
    const out = starts({ start: '2024-02-29T10:00:00', timeZone: 'Europe/Berlin', rrule: 'FREQ=YEARLY;COUNT=3', from: '2020-01-01', to: '2040-01-01' });
    expect(out).toEqual(['2024-02-29T10:00:00+01:00', '2028-02-29T10:00:00+01:00', '2032-02-29T10:00:00+01:00']);
  });
  it('BYMONTHDAY=-1 in February is the 29th in leap years', () => {
    const out = starts({ start: '2023-01-31', rrule: 'FREQ=MONTHLY;BYMONTHDAY=-1;BYMONTH=2;COUNT=3', from: '2022-01-01', to: '2030-01-01' });
    expect(out).toEqual(['2023-01-31', '2023-02-28', '2024-02-29']);
  });
  it('BYYEARDAY=366 only exists in leap years; -1 is always December 31', () => {
    expect(starts({ start: '2023-01-01', rrule: 'FREQ=YEARLY;BYYEARDAY=366', from: '2023-01-01', to: '2029-01-01' }))
      .toEqual(['2023-01-01', '2024-12-31', '2028-12-31']);
    expect(starts({ start: '2023-12-31', rrule: 'FREQ=YEARLY;BYYEARDAY=-1;COUNT=2', from: '2023-01-01', to: '2029-01-01' }))
      .toEqual(['2023-12-31', '2024-12-31']);
  });
  it('a monthly rule on the 31st skips shorter months (RFC: invalid dates are ignored)', () => {
    expect(starts({ start: '2026-01-31', rrule: 'FREQ=MONTHLY;COUNT=4', from: '2026-01-01', to: '2027-01-01' }))
      .toEqual(['2026-01-31', '2026-03-31', '2026-05-31', '2026-07-31']);
  });
});

describe('BYSETPOS', () => {
  it('last weekday of the month', () => {
    expect(starts({ start: '2026-01-30T17:00:00', timeZone: 'Europe/Berlin', rrule: 'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=4', from: '2026-01-01', to: '2027-01-01' }))
      .toEqual(['2026-01-30T17:00:00+01:00', '2026-02-27T17:00:00+01:00', '2026-03-31T17:00:00+02:00', '2026-04-30T17:00:00+02:00']);
  });
  it('first and last of several times in a day', () => {
    expect(starts({ start: '2026-05-01T08:00:00', timeZone: 'UTC', rrule: 'FREQ=DAILY;BYHOUR=8,12,16;BYSETPOS=1,-1;COUNT=4', from: '2026-01-01', to: '2027-01-01' }))
      .toEqual(['2026-05-01T08:00:00+00:00', '2026-05-01T16:00:00+00:00', '2026-05-02T08:00:00+00:00', '2026-05-02T16:00:00+00:00']);
  });
  it('the third weekend day of the year', () => {
    expect(starts({ start: '2026-01-10', rrule: 'FREQ=YEARLY;BYDAY=SA,SU;BYSETPOS=3;COUNT=2', from: '2026-01-01', to: '2030-01-01' }))
      .toEqual(['2026-01-10', '2027-01-09']);
  });
});

describe('WKST', () => {
  it('week numbers depend on WKST (week 1 needs four days of the year)', () => {
    // 2026-01-01 is a Thursday: with WKST=MO week 1 starts Dec 29, with WKST=SU it starts Jan 4.
    expect(starts({ start: '2025-12-29', rrule: 'FREQ=YEARLY;BYWEEKNO=1;BYDAY=MO;COUNT=1', from: '2025-01-01', to: '2027-01-01' }))
      .toEqual(['2025-12-29']);
    expect(starts({ start: '2026-01-05', rrule: 'FREQ=YEARLY;BYWEEKNO=1;BYDAY=MO;WKST=SU;COUNT=2', from: '2025-01-01', to: '2028-01-01' }))
      .toEqual(['2026-01-05', '2027-01-04']);
  });
});

describe('BYWEEKNO', () => {
  it('without BYDAY takes the weekday from DTSTART', () => {
    // 2026-05-14 is the Thursday of ISO week 20.
    expect(starts({ start: '2026-05-14', rrule: 'FREQ=YEARLY;BYWEEKNO=20;COUNT=3', from: '2026-01-01', to: '2030-01-01' }))
      .toEqual(['2026-05-14', '2027-05-20', '2028-05-18']);
  });
  it('a negative week counts from the end (week 53 in long years)', () => {
    expect(starts({ start: '2026-12-28', rrule: 'FREQ=YEARLY;BYWEEKNO=-1;BYDAY=MO;COUNT=3', from: '2026-01-01', to: '2030-01-01' }))
      .toEqual(['2026-12-28', '2027-12-27', '2028-12-25']);
  });
});

describe('UNTIL in UTC versus local time', () => {
  it('a UTC UNTIL is an instant: 09:00 Berlin (08:00Z) is past 07:30Z', () => {
    expect(starts({ start: '2026-01-05T09:00:00', timeZone: 'Europe/Berlin', rrule: 'FREQ=DAILY;UNTIL=20260107T073000Z', from: '2026-01-01', to: '2027-01-01' }))
      .toEqual(['2026-01-05T09:00:00+01:00', '2026-01-06T09:00:00+01:00']);
  });
  it('a local UNTIL is a wall time of the event zone', () => {
    expect(starts({ start: '2026-01-05T09:00:00', timeZone: 'Europe/Berlin', rrule: 'FREQ=DAILY;UNTIL=20260107T090000', from: '2026-01-01', to: '2027-01-01' }))
      .toEqual(['2026-01-05T09:00:00+01:00', '2026-01-06T09:00:00+01:00', '2026-01-07T09:00:00+01:00']);
  });
  it('a DATE UNTIL includes the whole day', () => {
    expect(starts({ start: '2026-01-05T23:00:00', timeZone: 'Europe/Berlin', rrule: 'FREQ=DAILY;UNTIL=20260106', from: '2026-01-01', to: '2027-01-01' }))
      .toEqual(['2026-01-05T23:00:00+01:00', '2026-01-06T23:00:00+01:00']);
  });
  it('an UNTIL exactly on an instance includes it', () => {
    expect(starts({ start: '2026-07-01T09:00:00', timeZone: 'Europe/Berlin', rrule: 'FREQ=WEEKLY;UNTIL=20260708T070000Z', from: '2026-01-01', to: '2027-01-01' }))
      .toEqual(['2026-07-01T09:00:00+02:00', '2026-07-08T09:00:00+02:00']);
  });
});

describe('months with a fifth weekday', () => {
  it('BYDAY=5FR only matches months that have five Fridays', () => {
    expect(starts({ start: '2026-01-30', rrule: 'FREQ=MONTHLY;BYDAY=5FR', from: '2026-01-01', to: '2027-01-01' }))
      .toEqual(['2026-01-30', '2026-05-29', '2026-07-31', '2026-10-30']);
  });
  it('BYDAY=-5MO counts from the end', () => {
    expect(starts({ start: '2026-03-02', rrule: 'FREQ=MONTHLY;BYDAY=-5MO;COUNT=3', from: '2026-01-01', to: '2028-01-01' }))
      .toEqual(['2026-03-02', '2026-06-01', '2026-08-03']);
  });
});

describe('floating and all-day times never shift', () => {
  it('a floating 09:00 stays 09:00 in every viewer zone', () => {
    for (const viewZone of ['Europe/Berlin', 'America/New_York', 'Asia/Tokyo']) {
      const out = starts({ start: '2026-03-28T09:00:00', rrule: 'FREQ=DAILY;COUNT=2', from: '2026-03-01T00:00:00', to: '2026-04-30T00:00:00', viewZone });
      expect(out.map((s) => s.slice(0, 19))).toEqual(['2026-03-28T09:00:00', '2026-03-29T09:00:00']);
    }
  });
});

describe('windows and bounds', () => {
  it('a one-week window of a daily series from 2006 yields exactly the seven days', () => {
    const out = starts({ start: '2006-01-02T08:00:00', timeZone: 'Europe/Berlin', rrule: 'FREQ=DAILY', from: '2026-06-01T00:00:00+02:00', to: '2026-06-08T00:00:00+02:00' });
    expect(out).toEqual(['01', '02', '03', '04', '05', '06', '07'].map((d) => `2026-06-${d}T08:00:00+02:00`));
  });
  it('a COUNT series answers a far window the same as a full walk', () => {
    const options = { start: '2006-01-02T08:00:00', timeZone: 'Europe/Berlin', rrule: 'FREQ=WEEKLY;BYDAY=MO,TH;COUNT=1500' };
    const all = starts({ ...options, from: '2000-01-01', to: '2040-01-01' });
    expect(all).toHaveLength(1500);
    const window = starts({ ...options, from: '2016-06-01T00:00:00Z', to: '2016-07-01T00:00:00Z' });
    expect(window).toEqual(all.filter((s) => s.startsWith('2016-06')));
    const irregular = { start: '2006-01-31T08:00:00', timeZone: 'Europe/Berlin', rrule: 'FREQ=MONTHLY;BYMONTHDAY=31,-2;COUNT=200' };
    const full = starts({ ...irregular, from: '2000-01-01', to: '2040-01-01' });
    expect(full).toHaveLength(200);
    expect(starts({ ...irregular, from: '2012-01-01T00:00:00Z', to: '2013-01-01T00:00:00Z' })).toEqual(full.filter((s) => s.startsWith('2012')));
  });
  it('an unbounded rule is bounded by the window', () => {
    const out = starts({ start: '2026-01-01T00:00:00', timeZone: 'UTC', rrule: 'FREQ=SECONDLY', from: '2026-01-01T00:00:00Z', to: '2026-01-01T00:00:05Z' });
    expect(out).toHaveLength(5);
  });
  it('a rule that can never match again ends instead of hanging', () => {
    // February 30 is rejected up front; Friday 29 February is rare but exists (every 28 years or so).
    expect(starts({ start: '2008-02-29', rrule: 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;BYDAY=FR;COUNT=3', from: '2000-01-01', to: '2100-01-01' }))
      .toEqual(['2008-02-29', '2036-02-29', '2064-02-29']);
  });
  it('RDATEs add and EXDATEs remove instances', () => {
    expect(starts({ start: '2026-05-04', rrule: 'FREQ=DAILY;COUNT=3', rdates: ['2026-05-10'], exdates: ['2026-05-05'], from: '2026-05-01', to: '2026-06-01' }))
      .toEqual(['2026-05-04', '2026-05-06', '2026-05-10']);
  });
});

describe('impossible and malformed rules get a clear error', () => {
  const cases: [string, RegExp][] = [
    ['COUNT=3', /FREQ is missing/],
    ['FREQ=DAILY;BYMONTHDAY=32', /BYMONTHDAY=32 is out of range/],
    ['FREQ=FORTNIGHTLY', /not one of/],
    ['FREQ=DAILY;COUNT=2;UNTIL=20260101T000000Z', /COUNT and UNTIL/],
    ['FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=30,31', /no month in BYMONTH/],
    ['FREQ=WEEKLY;BYDAY=1MO', /ordinal needs FREQ=MONTHLY or FREQ=YEARLY/],
    ['FREQ=DAILY;INTERVAL=0', /INTERVAL=0/],
    ['FREQ=DAILY;BYSETPOS=1', /BYSETPOS needs another/],
    ['FREQ=DAILY;BYDAY=XX', /not a weekday/],
    ['FREQ=DAILY;FOO=1', /unknown rule part FOO/],
    ['FREQ=DAILY;UNTIL=20260230', /UNTIL=20260230/],
    ['FREQ=MONTHLY;BYDAY=6MO', /at most 5/],
    ['FREQ=DAILY;BYWEEKNO=3', /only allowed with FREQ=YEARLY/],
  ];
  for (const [rule, message] of cases) {
    it(rule, () => expect(() => parseRRule(rule)).toThrow(message));
  }
  it('all-day events cannot repeat hourly', () => {
    expect(() => expandRecurrence({ start: '2026-01-01', rrule: 'FREQ=HOURLY', from: '2026-01-01', to: '2026-01-02' })).toThrow(/all-day/);
  });
  it('rules round-trip through format, keeping X- parts', () => {
    const text = 'FREQ=MONTHLY;UNTIL=20261231T235959Z;INTERVAL=2;BYDAY=1MO,-1FR;BYSETPOS=1;WKST=SU;X-NAME=keep';
    expect(formatRRule(parseRRule(text))).toBe(text);
  });
});

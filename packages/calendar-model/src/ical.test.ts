import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createEvent, exportICS, getEvent, importICS, occurrences } from './index.js';

const now = (): Date => new Date('2026-02-01T12:00:00Z');

const SAMPLE = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Example Corp.//Outlook 16.0//EN',
  'X-WR-CALNAME:Team',
  'BEGIN:VTIMEZONE',
  'TZID:W. Europe Standard Time',
  'BEGIN:STANDARD',
  'DTSTART:16010101T030000',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10',
  'END:STANDARD',
  'BEGIN:DAYLIGHT',
  'DTSTART:16010101T020000',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3',
  'END:DAYLIGHT',
  'END:VTIMEZONE',
  'BEGIN:VEVENT',
  'UID:weekly-1@example.org',
  'DTSTAMP:20260101T090000Z',
  'DTSTART;TZID=W. Europe Standard Time:20260323T100000',
  'DTEND;TZID=W. Europe Standard Time:20260323T110000',
  'RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=6',
  'EXDATE;TZID=W. Europe Standard Time:20260406T100000',
  'RDATE:20260409T080000Z',
  'SUMMARY;LANGUAGE=de:Wochenrunde\\, Team A',
  'DESCRIPTION:Zeile 1\\nZeile 2',
  'LOCATION:Raum 4',
  'CATEGORIES:Arbeit,Team',
  'STATUS:CONFIRMED',
  'ORGANIZER;CN="Chef, Die":mailto:chef@example.org',
  'ATTENDEE;CN=Ada;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=TRUE;CUTYPE=INDIVIDUAL:mailto:ada@example.org',
  'ATTENDEE;PARTSTAT=NEEDS-ACTION:mailto:bob@example.org',
  'X-MICROSOFT-CDO-BUSYSTATUS;X-PARAM="a:b":BUSY',
  'SEQUENCE:2',
  'CREATED:20260101T080000Z',
  'LAST-MODIFIED:20260102T080000Z',
  'BEGIN:VALARM',
  'ACTION:DISPLAY',
  'TRIGGER;RELATED=START:-PT15M',
  'DESCRIPTION:Gleich geht es los',
  'X-ALARM-FLAG:1',
  'END:VALARM',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:weekly-1@example.org',
  'DTSTAMP:20260101T090000Z',
  'RECURRENCE-ID;TZID=W. Europe Standard Time:20260330T100000',
  'DTSTART;TZID=W. Europe Standard Time:20260331T140000',
  'DTEND;TZID=W. Europe Standard Time:20260331T150000',
  'SUMMARY:Verschoben',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:allday@example.org',
  'DTSTAMP:20260101T090000Z',
  'DTSTART;VALUE=DATE:20260401',
  'DTEND;VALUE=DATE:20260403',
  'SUMMARY:Klausur',
  'TRANSP:TRANSPARENT',
  'END:VEVENT',
  'BEGIN:VTODO',
  'UID:todo-1',
  'SUMMARY:Kept as it is',
  'END:VTODO',
  'END:VCALENDAR',
  '',
].join('\r\n');

const window = { from: '2026-03-01', to: '2026-06-01', timeZone: 'Europe/Berlin' };

describe('importICS', () => {
  it('reads events, zones, recurrence, overrides, attendees and alarms', () => {
    const doc = new Y.Doc();
    const result = importICS(doc, SAMPLE);
    expect(result).toEqual({ uids: ['weekly-1@example.org', 'allday@example.org'], warnings: [] });
    const event = getEvent(doc, 'weekly-1@example.org')!;
    expect(event).toMatchObject({
      start: '2026-03-23T10:00:00', end: '2026-03-23T11:00:00', timeZone: 'Europe/Berlin',
      rrule: 'FREQ=WEEKLY;COUNT=6;BYDAY=MO', exdates: ['2026-04-06T10:00:00'], rdates: ['2026-04-09T10:00:00'],
      summary: 'Wochenrunde, Team A', description: 'Zeile 1\nZeile 2', categories: ['Arbeit', 'Team'],
      organizer: { email: 'chef@example.org', name: 'Chef, Die' }, sequence: 2, status: 'CONFIRMED',
      created: '2026-01-01T08:00:00Z', modified: '2026-01-02T08:00:00Z',
    });
    expect(event.attendees).toEqual([
      { email: 'ada@example.org', name: 'Ada', role: 'REQ-PARTICIPANT', partstat: 'ACCEPTED', rsvp: true, params: { CUTYPE: 'INDIVIDUAL' } },
      { email: 'bob@example.org', partstat: 'NEEDS-ACTION' },
    ]);
    expect(event.alarms).toEqual([{ id: 'weekly-1@example.org#alarm1', action: 'DISPLAY', trigger: '-PT15M', related: 'START', description: 'Gleich geht es los', extra: ['X-ALARM-FLAG:1'] }]);
    expect(event.extra).toEqual(['DTSTAMP:20260101T090000Z', 'X-MICROSOFT-CDO-BUSYSTATUS;X-PARAM="a:b":BUSY']);
    const out = occurrences(doc, window);
    expect(out.map((o) => `${o.start} ${o.summary}`)).toEqual([
      '2026-03-23T10:00:00+01:00 Wochenrunde, Team A',
      '2026-03-31T14:00:00+02:00 Verschoben',
      '2026-04-01 Klausur',
      '2026-04-09T10:00:00+02:00 Wochenrunde, Team A',
      '2026-04-13T10:00:00+02:00 Wochenrunde, Team A',
      '2026-04-20T10:00:00+02:00 Wochenrunde, Team A',
      '2026-04-27T10:00:00+02:00 Wochenrunde, Team A',
    ]);
    expect(out[2]!.end).toBe('2026-04-03');
  });

  it('round trips: export, import again, export again gives the same text and occurrences', () => {
    const first = new Y.Doc();
    importICS(first, SAMPLE);
    const text = exportICS(first, { now });
    expect(text).toContain('BEGIN:VTIMEZONE\r\nTZID:W. Europe Standard Time\r\n');
    expect(text).toContain('DTSTART;TZID=W. Europe Standard Time:20260323T100000\r\n');
    expect(text).toContain('SUMMARY;LANGUAGE=de:Wochenrunde\\, Team A\r\n');
    expect(text).toContain('X-MICROSOFT-CDO-BUSYSTATUS;X-PARAM="a:b":BUSY\r\n');
    expect(text).toContain('BEGIN:VTODO\r\nUID:todo-1\r\nSUMMARY:Kept as it is\r\nEND:VTODO\r\n');
    expect(text).toContain('X-WR-CALNAME:Team\r\n');
    expect(text).toContain('RECURRENCE-ID;TZID=W. Europe Standard Time:20260330T100000\r\n');
    expect(text).toContain('X-ALARM-FLAG:1\r\n');
    const second = new Y.Doc();
    expect(importICS(second, text).warnings).toEqual([]);
    expect(occurrences(second, window)).toEqual(occurrences(first, window));
    expect(exportICS(second, { now })).toBe(text);
    for (const line of text.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  });

  it('exports events created in the model with a generated VTIMEZONE that reads back the same', () => {
    const doc = new Y.Doc();
    createEvent(doc, {
      uid: 'm1', summary: 'Sprechstunde; offen, für alle', start: '2026-03-26T09:30:00', end: '2026-03-26T10:00:00', timeZone: 'Europe/Berlin',
      rrule: 'FREQ=WEEKLY;BYDAY=TH', exdates: ['2026-04-02T09:30:00'], alarms: [{ id: 'a', action: 'DISPLAY', trigger: '-PT5M' }],
      description: 'x'.repeat(200),
    });
    createEvent(doc, { uid: 'f1', summary: 'Floating', start: '2026-03-27T12:00:00', duration: 'PT45M' });
    const text = exportICS(doc, { now });
    expect(text).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n');
    expect(text).toContain('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n');
    expect(text).toContain('DTSTART:20260327T120000\r\nDURATION:PT45M\r\n');
    const back = new Y.Doc();
    importICS(back, text);
    expect(occurrences(back, window)).toEqual(occurrences(doc, window));
    expect(getEvent(back, 'm1')!.description).toBe('x'.repeat(200));
  });
});

describe('importICS bad input', () => {
  function rejects(text: string, message: RegExp): void {
    const doc = new Y.Doc();
    createEvent(doc, { uid: 'keep', summary: 'existing', start: '2026-01-01' });
    const before = Y.encodeStateAsUpdate(doc);
    expect(() => importICS(doc, text)).toThrow(message);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  }
  const wrap = (...lines: string[]): string => ['BEGIN:VCALENDAR', 'VERSION:2.0', ...lines, 'END:VCALENDAR'].join('\r\n');
  const event = (...lines: string[]): string => wrap('BEGIN:VEVENT', 'UID:e1', ...lines, 'END:VEVENT');

  it('malformed lines name the line', () => {
    rejects(event('DTSTART:20260101T100000', 'SUMMARY has no colon'), /line 6: .*no ":"|line 6: .*property name/);
    rejects(event('DTSTART;TZID="Europe/Berlin:20260101T100000'), /line 5: unterminated quoted/);
    rejects(' folded first', /continuation line/);
    rejects(wrap('BEGIN:VEVENT', 'UID:e1', 'DTSTART:20260101T100000', 'END:VTODO'), /END:VTODO does not match BEGIN:VEVENT/);
    rejects(['BEGIN:VCALENDAR', 'BEGIN:VEVENT'].join('\r\n'), /never closed/);
    rejects('hello world', /does not start with a property name|no ":"/);
    rejects('BEGIN:VEVENT\r\nEND:VEVENT', /no BEGIN:VCALENDAR/);
  });

  it('impossible rules name the rule part', () => {
    rejects(event('DTSTART:20260101T100000', 'RRULE:COUNT=5'), /line 6 \(event e1\): Invalid RRULE "COUNT=5": FREQ is missing/);
    rejects(event('DTSTART:20260101T100000', 'RRULE:FREQ=MONTHLY;BYMONTHDAY=32'), /BYMONTHDAY=32 is out of range/);
    rejects(event('DTSTART:20260101T100000', 'RRULE:FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=31'), /no month in BYMONTH/);
  });

  it('bad values name the property', () => {
    rejects(event('DTSTART:2026-01-01'), /DTSTART value "2026-01-01" is not a DATE/);
    rejects(event('DTSTART:20260230T100000'), /DTSTART value/);
    rejects(event('SUMMARY:no start'), /needs a DTSTART/);
    rejects(wrap('BEGIN:VEVENT', 'DTSTART:20260101T100000', 'END:VEVENT'), /needs a UID/);
    rejects(event('DTSTART:20260101T100000', 'DTEND:20260101T090000'), /before the start/);
    rejects(event('DTSTART:20260101T100000', 'DTEND:20260101T110000', 'DURATION:PT1H'), /both DTEND and DURATION/);
    rejects(event('DTSTART;VALUE=DATE:20260101', 'DTEND:20260101T110000'), /DTEND must be a DATE exactly when/);
    rejects(event('DTSTART:20260101T100000', 'BEGIN:VALARM', 'TRIGGER:-PT5M', 'END:VALARM'), /VALARM needs an ACTION/);
    rejects(event('DTSTART:20260101T100000', 'SEQUENCE:two'), /SEQUENCE "two"/);
  });

  it('an unknown time zone warns and falls back to UTC', () => {
    const doc = new Y.Doc();
    const result = importICS(doc, event('DTSTART;TZID=Mars/Olympus_Mons:20260101T100000', 'DURATION:PT1H', 'SUMMARY:Mars'));
    expect(result.warnings).toEqual(['Unknown time zone "Mars/Olympus_Mons" (line 5): its times are read as UTC.']);
    expect(getEvent(doc, 'e1')).toMatchObject({ start: '2026-01-01T10:00:00', timeZone: 'UTC' });
    expect(occurrences(doc, { from: '2026-01-01', to: '2026-01-02' })[0]!.start).toBe('2026-01-01T10:00:00+00:00');
  });

  it('an unbounded rule imports and every window query stays bounded', () => {
    const doc = new Y.Doc();
    importICS(doc, event('DTSTART;TZID=Europe/Berlin:20000101T000000', 'RRULE:FREQ=MINUTELY', 'DURATION:PT1M'));
    const out = occurrences(doc, { from: '2090-06-01T00:00:00Z', to: '2090-06-01T00:10:00Z' });
    expect(out).toHaveLength(10);
    expect(out[0]!.start).toBe('2090-06-01T00:00:00+00:00');
  });
});

describe('importICS time zone names and foreign zones', () => {
  const wrap = (...lines: string[]): string => ['BEGIN:VCALENDAR', 'VERSION:2.0', ...lines, 'END:VCALENDAR'].join('\r\n');
  it('maps vendor paths and Windows names to IANA zones, and converts EXDATEs given in UTC', () => {
    const doc = new Y.Doc();
    const result = importICS(doc, wrap(
      'BEGIN:VEVENT', 'UID:p', 'DTSTART;TZID=/mozilla.org/20050126_1/Europe/Berlin:20260301T100000', 'END:VEVENT',
      'BEGIN:VEVENT', 'UID:w', 'DTSTART;TZID=Eastern Standard Time:20260301T100000', 'RRULE:FREQ=DAILY;COUNT=3',
      'EXDATE:20260302T150000Z', 'END:VEVENT',
    ));
    expect(result.warnings).toEqual([]);
    expect(getEvent(doc, 'p')).toMatchObject({ timeZone: 'Europe/Berlin', start: '2026-03-01T10:00:00' });
    expect(getEvent(doc, 'w')).toMatchObject({ timeZone: 'America/New_York', exdates: ['2026-03-02T10:00:00'] });
    expect(occurrences(doc, { from: '2026-03-01', to: '2026-03-05', timeZone: 'America/New_York' }).filter((o) => o.uid === 'w').map((o) => o.start))
      .toEqual(['2026-03-01T10:00:00-05:00', '2026-03-03T10:00:00-05:00']);
  });

  it('keeps a lone occurrence of a series that is not in the file, with a warning', () => {
    const doc = new Y.Doc();
    const text = wrap('BEGIN:VEVENT', 'UID:lone', 'RECURRENCE-ID:20260301T100000Z', 'DTSTART:20260301T110000Z', 'SUMMARY:Moved', 'END:VEVENT');
    const result = importICS(doc, text);
    expect(result.warnings[0]).toMatch(/overrides an occurrence of a series that is not in the file/);
    expect(exportICS(doc, { now })).toContain('RECURRENCE-ID:20260301T100000Z\r\n');
  });
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docFromYDoc } from '@allmende/doc-model';
import { createWorkbook } from '@allmende/sheet-model';
import { listCalendars, listEvents, occurrences } from '@allmende/calendar-model';
import { SAMPLE_FILES, sampleContent } from './sample-files.js';

describe('sample files', () => {
  it('are the same bytes every time, so two first visitors writing them create each file once', () => {
    for (const { id } of SAMPLE_FILES) {
      for (const language of ['en', 'de'] as const) {
        const first = sampleContent(id, language);
        expect(sampleContent(id, language), `${id} ${language}`).toEqual(first);
        const doc = new Y.Doc();
        Y.applyUpdate(doc, first);
        const once = Y.encodeStateAsUpdate(doc);
        Y.applyUpdate(doc, sampleContent(id, language));
        expect(Y.encodeStateAsUpdate(doc), `${id} ${language} applied twice`).toEqual(once);
      }
    }
  });

  it('hold a welcome text, a budget that adds up and recurring meetings, in each language', () => {
    const open = (id: string, language: 'en' | 'de') => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, sampleContent(id, language));
      return doc;
    };
    expect(docFromYDoc(open('welcome', 'de')).textContent).toMatch(/^Willkommen bei Allmende/);
    expect(docFromYDoc(open('welcome', 'en')).textContent).toMatch(/^Welcome to Allmende/);
    const workbook = createWorkbook(open('sample-sheet', 'de'), { seed: false, locale: 'de' });
    const sheet = workbook.sheetNames()[0]!;
    expect(workbook.getValue(sheet, 'A2')).toBe('Miete');
    expect(workbook.getValue(sheet, 'D5')).toBe(3450);
    const calendar = open('sample-calendar', 'de');
    const calendars = listCalendars(calendar);
    expect(calendars.map((c) => c.name)).toEqual(['Öffentliche Termine', 'Team']);
    const events = listEvents(calendar);
    expect(events.map((e) => e.summary).sort()).toEqual(['Bürgersprechstunde', 'Kurzabstimmung', 'Monatsrückblick', 'Ratssitzung', 'Teambesprechung']);
    // Every event is in one of the calendars, so the sidebar lists them and hiding a calendar hides its events.
    expect(events.every((e) => calendars.some((c) => c.id === e.calendarId))).toBe(true);
    // Something happens every week, in the morning and in the evening.
    const week = occurrences(calendar, { from: '2026-11-23T00:00:00', to: '2026-11-30T00:00:00', timeZone: 'Europe/Berlin' });
    expect(week.some((o) => o.start.slice(11, 13) < '12')).toBe(true);
    expect(week.some((o) => o.end.slice(11, 13) >= '18')).toBe(true);
    expect(listEvents(open('sample-calendar', 'en')).map((e) => e.summary).sort()).toEqual(["Citizens' office hours", 'Council meeting', 'Daily stand-up', 'Monthly review', 'Team meeting']);
    expect(() => sampleContent('nothing', 'en')).toThrow(RangeError);
  });
});

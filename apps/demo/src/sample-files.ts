import { fromMarkdown, writeDocToYDoc } from '@allmende/doc-model';
import { createEvent, setCalendar } from '@allmende/calendar-model';
import { createWorkbook } from '@allmende/sheet-model';
import type { Language } from '@allmende/ui';
import * as Y from 'yjs';
import type { FileKind } from './workspace.js';

/** One of the files a newcomer finds in an empty workspace. */
export interface SampleFile {
  /** A fixed id, so two first visitors create the same file rather than two. */
  readonly id: string;
  readonly kind: FileKind;
  readonly title: Readonly<Record<Language, string>>;
}

/** The welcome document, the sample sheet and the sample calendar. */
export const SAMPLE_FILES: readonly SampleFile[] = [
  { id: 'welcome', kind: 'doc', title: { en: 'Welcome to Allmende', de: 'Willkommen bei Allmende' } },
  { id: 'sample-sheet', kind: 'sheet', title: { en: 'Sample budget', de: 'Beispiel-Haushalt' } },
  { id: 'sample-calendar', kind: 'calendar', title: { en: 'Team calendar', de: 'Teamkalender' } },
];

// Yjs identifies every change by (client id, clock): content written with the same client id and the
// same steps is byte for byte the same update, so writing it twice (two first visitors) changes nothing.
// One client id per language keeps a German and an English seed from claiming the same ids.
const SEED_CLIENT: Readonly<Record<Language, number>> = { en: 0x41_4c_4d_01, de: 0x41_4c_4d_02 };

const WELCOME: Readonly<Record<Language, string>> = {
  en: `# Welcome to Allmende

Allmende is an office suite that runs on **your own server**: documents, spreadsheets and calendars that several people edit at the same time.

## Try it

- Open this page in a second window, or send someone a link with **Share**, and type together.
- Go back to the start page to create a document, a sheet or a calendar, or drop a file (.odt, .docx, .md, .ods, .xlsx, .csv, .ics) on it.
- Without a connection you keep working: your edits are kept and sync when the server is back.
`,
  de: `# Willkommen bei Allmende

Allmende ist ein Office-Paket auf **Ihrem eigenen Server**: Dokumente, Tabellen und Kalender, die mehrere Menschen gleichzeitig bearbeiten.

## Probieren Sie es aus

- Öffnen Sie diese Seite in einem zweiten Fenster oder schicken Sie mit **Teilen** einen Link, und schreiben Sie gemeinsam.
- Legen Sie auf der Startseite ein Dokument, eine Tabelle oder einen Kalender an, oder ziehen Sie eine Datei darauf (.odt, .docx, .md, .ods, .xlsx, .csv, .ics).
- Ohne Verbindung arbeiten Sie weiter: Ihre Änderungen bleiben erhalten und werden synchronisiert, sobald der Server wieder erreichbar ist.
`,
};

const BUDGET: Readonly<Record<Language, readonly (readonly (string | number)[])[]>> = {
  en: [['Item', 'Q1', 'Q2', 'Total'], ['Rent', 1200, 1200, '=B2+C2'], ['Software', 0, 0, '=B3+C3'], ['Training', 450, 600, '=B4+C4'], ['Sum', '=SUM(B2:B4)', '=SUM(C2:C4)', '=SUM(D2:D4)']],
  de: [['Posten', 'Q1', 'Q2', 'Summe'], ['Miete', 1200, 1200, '=B2+C2'], ['Software', 0, 0, '=B3+C3'], ['Schulung', 450, 600, '=B4+C4'], ['Summe', '=SUM(B2:B4)', '=SUM(C2:C4)', '=SUM(D2:D4)']],
};

/** The sample calendar's two calendars and their events, in each language. */
const CALENDAR: Readonly<Record<Language, { team: string; public: string; events: Readonly<Record<SampleEventId, string>>; townHall: string }>> = {
  en: {
    team: 'Team',
    public: 'Public dates',
    events: { standup: 'Daily stand-up', weekly: 'Team meeting', review: 'Monthly review', office: "Citizens' office hours", council: 'Council meeting' },
    townHall: 'Town hall, room 1',
  },
  de: {
    team: 'Team',
    public: 'Öffentliche Termine',
    events: { standup: 'Kurzabstimmung', weekly: 'Teambesprechung', review: 'Monatsrückblick', office: 'Bürgersprechstunde', council: 'Ratssitzung' },
    townHall: 'Rathaus, Saal 1',
  },
};

type SampleEventId = 'standup' | 'weekly' | 'review' | 'office' | 'council';

/**
 * Writes the sample calendar: a team calendar and a public one, with series from a fixed date, so the
 * calendar shows events in whatever week it is opened, in the morning and in the evening.
 */
function writeSampleCalendar(doc: Y.Doc, language: Language): void {
  const text = CALENDAR[language];
  const team = setCalendar(doc, { id: 'sample-team', name: text.team, color: '#3366cc' });
  const publicDates = setCalendar(doc, { id: 'sample-public', name: text.public, color: '#2e7d32' });
  const timeZone = 'Europe/Berlin';
  const series: ReadonlyArray<{ id: SampleEventId; calendarId: string; start: string; end: string; rrule: string; location?: string }> = [
    { id: 'standup', calendarId: team, start: '2026-01-05T09:15:00', end: '2026-01-05T09:30:00', rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR' },
    { id: 'weekly', calendarId: team, start: '2026-01-05T10:00:00', end: '2026-01-05T11:00:00', rrule: 'FREQ=WEEKLY;BYDAY=MO' },
    { id: 'review', calendarId: team, start: '2026-01-30T14:00:00', end: '2026-01-30T15:30:00', rrule: 'FREQ=MONTHLY;BYDAY=-1FR' },
    { id: 'office', calendarId: publicDates, start: '2026-01-08T16:00:00', end: '2026-01-08T19:00:00', rrule: 'FREQ=WEEKLY;BYDAY=TH', location: text.townHall },
    { id: 'council', calendarId: publicDates, start: '2026-01-06T18:00:00', end: '2026-01-06T20:30:00', rrule: 'FREQ=MONTHLY;BYDAY=1TU', location: text.townHall },
  ];
  for (const { id, ...event } of series) {
    createEvent(doc, { uid: `sample-${id}@allmende`, summary: text.events[id], timeZone, ...event });
  }
}

/**
 * The content of a sample file in a language, as one Yjs update that is the
 * same bytes every time it is made. Throws a `RangeError` for an unknown id.
 */
export function sampleContent(id: string, language: Language): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = SEED_CLIENT[language];
  try {
    if (id === 'welcome') {
      writeDocToYDoc(doc, fromMarkdown(WELCOME[language]).doc);
    } else if (id === 'sample-sheet') {
      const workbook = createWorkbook(doc, { seed: true, locale: language });
      const rows = BUDGET[language];
      const sheet = workbook.sheetNames()[0]!;
      workbook.setCells(sheet, 'A1', rows);
      // Headings bold on a tint (over the amounts: right-aligned), the sum row bold, amounts in euros, the headings frozen.
      workbook.setStyle(sheet, 'A1:D1', { bold: true, background: '#e8eef9' });
      workbook.setStyle(sheet, 'B1:D1', { align: 'right' });
      workbook.setStyle(sheet, 'A5:D5', { bold: true });
      workbook.setFormat(sheet, 'B2:D5', '#,##0.00 €');
      workbook.setColumnWidth(sheet, 0, 140);
      workbook.setFrozen(sheet, 1, 0);
      workbook.destroy();
    } else if (id === 'sample-calendar') {
      writeSampleCalendar(doc, language);
    } else {
      throw new RangeError(`There is no sample file "${id}".`);
    }
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

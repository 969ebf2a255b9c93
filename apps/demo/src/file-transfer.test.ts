import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docFromYDoc } from '@allmende/doc-model';
import { createWorkbook } from '@allmende/sheet-model';
import { listEvents } from '@allmende/calendar-model';
import { ImportRefusedError, exportContent, kindOfFileName, prepareImport, titleOfFileName } from './file-transfer.js';

const text = (s: string) => new TextEncoder().encode(s);

function applied(update: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc;
}

function refusal(action: () => unknown): ImportRefusedError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(ImportRefusedError);
    return error as ImportRefusedError;
  }
  throw new Error('expected the import to be refused');
}

const ICS = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', 'BEGIN:VEVENT', 'UID:e1@test', 'DTSTAMP:20260101T000000Z',
  'DTSTART:20261201T100000Z', 'DTEND:20261201T110000Z', 'SUMMARY:Council meeting', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');

describe('import', () => {
  it('knows the kind of each supported extension', () => {
    expect(['a.odt', 'b.DOCX', 'c.md', 'd.html'].map(kindOfFileName)).toEqual(['doc', 'doc', 'doc', 'doc']);
    expect(['a.ods', 'b.xlsx', 'c.csv'].map(kindOfFileName)).toEqual(['sheet', 'sheet', 'sheet']);
    expect(kindOfFileName('team.ics')).toBe('calendar');
    expect(kindOfFileName('photo.png')).toBeNull();
    expect(kindOfFileName('noextension')).toBeNull();
  });

  it('reads Markdown into a document', () => {
    const prepared = prepareImport('Minutes März.md', text('# Minutes\n\nWe agreed on **the budget**.\n'));
    expect(prepared).toMatchObject({ kind: 'doc', title: 'Minutes März' });
    expect(docFromYDoc(applied(prepared.update)).textContent).toBe('MinutesWe agreed on the budget.');
  });

  it('reads CSV (German numbers too) and ODS into a workbook', () => {
    const csv = prepareImport('budget.csv', text('Item;Amount\nRent;1.234,5\n'), 'de');
    const workbook = createWorkbook(applied(csv.update), { seed: false });
    const sheet = workbook.sheetNames()[0]!;
    expect(workbook.getValue(sheet, 'A2')).toBe('Rent');
    expect(workbook.getValue(sheet, 'B2')).toBe(1234.5);

    const ods = prepareImport('budget.ods', exportContent('sheet', applied(csv.update), 'ods', 'budget', 'de'));
    expect(ods.kind).toBe('sheet');
    const fromOds = createWorkbook(applied(ods.update), { seed: false });
    expect(fromOds.getValue(fromOds.sheetNames()[0]!, 'B2')).toBe(1234.5);
  });

  it('reads iCalendar into a calendar', () => {
    const prepared = prepareImport('team.ics', text(ICS));
    expect(prepared.kind).toBe('calendar');
    expect(listEvents(applied(prepared.update)).map((e) => e.summary)).toEqual(['Council meeting']);
  });

  it('refuses unsupported and malformed files with a message, and produces nothing', () => {
    expect(refusal(() => prepareImport('photo.png', new Uint8Array([1, 2]))).reason).toBe('unsupported');
    // The code is what the page translates; without one, the reader's detail is shown.
    const cases: Array<[string, Uint8Array, RegExp, string | undefined]> = [
      ['broken.odt', text('this is not a zip'), /broken\.odt” could not be read/, 'corrupt-archive'],
      ['broken.docx', new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]), /could not be read/, 'corrupt-archive'],
      ['broken.xlsx', text('nope'), /could not be read/, 'corrupt-archive'],
      ['broken.ods', text('nope'), /could not be read/, 'corrupt-archive'],
      ['broken.ics', text('BEGIN:VCARD\r\nEND:VCARD\r\n'), /VCALENDAR/, undefined],
      ['binary.md', new Uint8Array([0xff, 0xfe, 0x00, 0x41]), /UTF-8|NUL/, 'bad-text'],
      ['binary.ics', new Uint8Array([0xff, 0xfe, 0x00]), /could not be read/, 'bad-text'],
      ['empty.ics', text('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n'), /no events/, 'no-events'],
    ];
    for (const [name, bytes, message, code] of cases) {
      const error = refusal(() => prepareImport(name, bytes));
      expect(error.reason, name).toBe('unreadable');
      expect(error.message, name).toMatch(message);
      expect(error.code, name).toBe(code);
    }
    expect(refusal(() => prepareImport('broken.ics', text('BEGIN:VCARD\r\nEND:VCARD\r\n'))).detail).toMatch(/^iCalendar input has no BEGIN:VCALENDAR/);
  });

  it('makes a clean title of the file name', () => {
    expect(titleOfFileName('Haushalt 2027.xlsx')).toBe('Haushalt 2027');
    expect(titleOfFileName('.ics')).toBe('Imported');
    expect(titleOfFileName('evil\u202Egnp.md')).toBe('evil gnp');
    expect([...titleOfFileName(`${'x'.repeat(300)}.md`)]).toHaveLength(120);
  });
});

describe('export', () => {
  it('writes each kind in its formats, and reads back what it wrote', () => {
    const doc = applied(prepareImport('notes.md', text('# Hello\n\nWorld\n')).update);
    for (const format of ['odt', 'docx', 'markdown', 'html']) {
      const bytes = exportContent('doc', doc, format, 'Notes');
      expect(bytes.length, format).toBeGreaterThan(0);
    }
    const again = prepareImport('notes.odt', exportContent('doc', doc, 'odt', 'Notes'));
    expect(docFromYDoc(applied(again.update)).textContent).toBe('HelloWorld');

    const sheet = applied(prepareImport('b.csv', text('a,b\n1,2\n')).update);
    expect(new TextDecoder().decode(exportContent('sheet', sheet, 'csv', 'b'))).toMatch(/^a,b\r?\n1,2/);
    const roundTrip = prepareImport('b.xlsx', exportContent('sheet', sheet, 'xlsx', 'b'));
    const workbook = createWorkbook(applied(roundTrip.update), { seed: false });
    expect(workbook.getValue(workbook.sheetNames()[0]!, 'B2')).toBe(2);
    expect(exportContent('sheet', sheet, 'ods', 'b').length).toBeGreaterThan(0);

    const calendar = applied(prepareImport('t.ics', text(ICS)).update);
    expect(new TextDecoder().decode(exportContent('calendar', calendar, 'ics', 't'))).toMatch(/SUMMARY:Council meeting/);
    expect(() => exportContent('calendar', calendar, 'odt', 't')).toThrow(RangeError);
  });
});

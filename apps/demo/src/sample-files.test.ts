import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docFromYDoc } from '@allmende/doc-model';
import { createWorkbook } from '@allmende/sheet-model';
import { listEvents } from '@allmende/calendar-model';
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
    expect(listEvents(open('sample-calendar', 'en')).map((e) => e.summary).sort()).toEqual(['Monthly review', 'Team meeting']);
    expect(() => sampleContent('nothing', 'en')).toThrow(RangeError);
  });
});

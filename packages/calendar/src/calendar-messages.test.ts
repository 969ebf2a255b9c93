import { describe, expect, it } from 'vitest';
import { calendarMessages } from './calendar-messages.js';

describe('calendar messages', () => {
  it('has every message in German', () => {
    expect(calendarMessages.missing('de')).toEqual([]);
  });

  it('says the same things in both languages with their arguments', () => {
    const de = calendarMessages.translator('de');
    const en = calendarMessages.translator('en');
    expect(en('moreEvents', 3)).toBe('+3 more');
    expect(de('moreEvents', 3)).toBe('3 weitere');
    expect(de('importDone', 1)).toBe('1 Termin importiert.');
    expect(en('importDone', 2)).toBe('Imported 2 events.');
    expect(de('partstat', 'ACCEPTED')).toBe('Zugesagt');
  });
});

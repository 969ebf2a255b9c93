import { describe, expect, it } from 'vitest';
import { filePath, parseRoute } from './routes.js';

const docPath = (name: string) => filePath('doc', name);

describe('parseRoute', () => {
  it('reads the start page', () => {
    expect(parseRoute('/')).toEqual({ page: 'home' });
    expect(parseRoute('/index.html')).toEqual({ page: 'home' });
  });

  it('reads a document name, "/" included', () => {
    expect(parseRoute('/doc/budget-2027')).toEqual({ page: 'doc', name: 'budget-2027' });
    expect(parseRoute('/doc/minutes/2026-11')).toEqual({ page: 'doc', name: 'minutes/2026-11' });
    expect(parseRoute('/doc/a/b/c/d')).toEqual({ page: 'doc', name: 'a/b/c/d' });
  });

  it('decodes percent-encoded segments', () => {
    expect(parseRoute('/doc/minutes%2F2026')).toEqual({ page: 'doc', name: 'minutes/2026' });
  });

  it('sends names the relay refuses to the bad-name page, with the rule they break', () => {
    const cases: Array<[string, string, RegExp]> = [
      ['/doc/Meeting%20notes', 'Meeting notes', /segment must match/],
      ['/doc/Protokoll-M%C3%A4rz', 'Protokoll-März', /segment must match/],
      ['/doc/minutes/', 'minutes/', /segment must match/],
      ['/doc/a//b', 'a//b', /segment must match/],
      ['/doc/a/b/c/d/e', 'a/b/c/d/e', /at most 4/],
      ['/doc/a..b', 'a..b', /must not contain "\.\."/],
    ];
    for (const [path, name, rule] of cases) {
      const route = parseRoute(path);
      expect(route, path).toMatchObject({ page: 'bad-doc-name', name });
      expect((route as { error: string }).error, path).toMatch(rule);
    }
  });

  it('does not know other paths', () => {
    expect(parseRoute('/docs')).toEqual({ page: 'not-found' });
    expect(parseRoute('/doc/')).toEqual({ page: 'not-found' });
    expect(parseRoute('/settings')).toEqual({ page: 'not-found' });
  });

  it('does not know malformed percent-encoding', () => {
    expect(parseRoute('/doc/%E0%A4%A')).toEqual({ page: 'not-found' });
  });
});

describe('filePath', () => {
  it('keeps "/" between segments', () => {
    expect(docPath('minutes/2026-11')).toBe('/doc/minutes/2026-11');
  });

  it('encodes each segment, and parseRoute reads it back', () => {
    expect(docPath('Meeting notes')).toBe('/doc/Meeting%20notes');
    for (const name of ['budget-2027', 'minutes/2026-11', 'a.b_c/d-e']) {
      expect(parseRoute(docPath(name))).toEqual({ page: 'doc', name });
    }
  });
});

describe('spreadsheet routes', () => {
  it('reads /sheet/<name> and builds it back', async () => {
    const sheetPath = (name: string) => filePath('sheet', name);
    expect(parseRoute('/sheet/budget/2027')).toEqual({ page: 'sheet', name: 'budget/2027' });
    expect(sheetPath('budget/2027')).toBe('/sheet/budget/2027');
    expect(parseRoute('/sheet/a..b')).toMatchObject({ page: 'bad-doc-name', name: 'a..b' });
    expect(parseRoute('/sheet/')).toEqual({ page: 'not-found' });
  });
});

describe('calendar routes', () => {
  it('reads /calendar/<name> and builds it back', async () => {
    const calendarPath = (name: string) => filePath('calendar', name);
    expect(parseRoute('/calendar/team/2027')).toEqual({ page: 'calendar', name: 'team/2027' });
    expect(calendarPath('team/2027')).toBe('/calendar/team/2027');
    for (const name of ['team', 'a.b_c/d-e']) expect(parseRoute(calendarPath(name))).toEqual({ page: 'calendar', name });
    expect(parseRoute('/calendar/a..b')).toMatchObject({ page: 'bad-doc-name', name: 'a..b' });
    expect(parseRoute('/calendar/')).toEqual({ page: 'not-found' });
    expect(parseRoute('/calendars/x')).toEqual({ page: 'not-found' });
  });
});

import { describe, expect, it } from 'vitest';
import { exportFileName } from './export-file-name.js';

describe('exportFileName', () => {
  it('names the file after the last segment of the document name', () => {
    expect(exportFileName('minutes/2026-11', 'Dokument', '.odt')).toBe('2026-11.odt');
    expect(exportFileName('Protokoll', 'Dokument', '.docx')).toBe('Protokoll.docx');
  });

  it('replaces characters file systems refuse and falls back for empty names', () => {
    expect(exportFileName('a:b*c?', 'Dokument', '.md')).toBe('a-b-c.md');
    expect(exportFileName('', 'Dokument', '.html')).toBe('Dokument.html');
    expect(exportFileName('../..', 'Document', '.odt')).toBe('Document.odt');
  });
});

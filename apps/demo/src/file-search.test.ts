import { describe, expect, it } from 'vitest';
import { foldForSearch, keepOrder, matchesSearch, searchFiles } from './file-search.js';
import type { FileEntry } from './workspace.js';

const file = (id: string, title: string, modified: number): FileEntry => ({ id, kind: 'doc', title, created: 0, modified, modifiedBy: '' });

describe('search', () => {
  it('ignores case and diacritics', () => {
    expect(foldForSearch('  Straße  Über  Café ')).toBe('strasse uber cafe');
    expect(matchesSearch('Protokoll März', 'marz')).toBe(true);
    expect(matchesSearch('Protokoll März', 'MÄRZ')).toBe(true);
    expect(matchesSearch('Müller Budget', 'budget muller')).toBe(true);
    expect(matchesSearch('Grüße', 'grusse')).toBe(true);
    expect(matchesSearch('Budget', 'plan')).toBe(false);
    expect(matchesSearch('Anything', '   ')).toBe(true);
  });

  it('sorts by last change (newest first) or by name, with ties broken by id', () => {
    const files = [file('a', 'zeta', 1), file('b', 'Alpha', 3), file('c', 'Äpfel', 2), file('d', 'alpha', 3), file('e', 'file 10', 0), file('f', 'file 9', 0)];
    expect(searchFiles(files, '', 'modified', 'de').map((f) => f.id)).toEqual(['b', 'd', 'c', 'a', 'f', 'e']);
    expect(searchFiles(files, '', 'name', 'de').map((f) => f.title)).toEqual(['Alpha', 'alpha', 'Äpfel', 'file 9', 'file 10', 'zeta']);
    expect(searchFiles(files, 'ALPHA', 'name', 'en').map((f) => f.id)).toEqual(['b', 'd']);
  });

  it('keeps a held order: listed files stay in place, new ones come last, removed ones go', () => {
    const [a, , c, d] = [file('a', 'A', 4), file('b', 'B', 3), file('c', 'C', 2), file('d', 'D', 1)];
    // c was just changed by someone else and would jump to the top; d is new; b was deleted.
    const resorted = [{ ...c, modified: 9 }, a, file('n', 'New', 8), d];
    expect(keepOrder(resorted, ['a', 'b', 'c', 'd']).map((f) => f.id)).toEqual(['a', 'c', 'd', 'n']);
    // The entries are the current ones (the new modification time shows), only their places are held.
    expect(keepOrder(resorted, ['a', 'b', 'c', 'd'])[1]?.modified).toBe(9);
    expect(keepOrder(resorted, []).map((f) => f.id)).toEqual(['c', 'a', 'n', 'd']);
    expect(keepOrder([], ['a', 'b'])).toEqual([]);
  });
});

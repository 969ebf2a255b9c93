import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { searchFiles } from './file-search.js';
import { MAX_TITLE_LENGTH } from './file-title.js';
import { Workspace, newFileId, workspaceDocumentName } from './workspace.js';
import { WorkspaceError } from './workspace-error.js';

/** Exchanges every update between the docs, as the relay would once all are online. */
function syncAll(...docs: Y.Doc[]): void {
  for (const from of docs) {
    for (const to of docs) if (from !== to) Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
  }
}

function clients(n: number): Workspace[] {
  return Array.from({ length: n }, () => new Workspace(new Y.Doc()));
}

function errorCode(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(WorkspaceError);
    expect(error).toBeInstanceOf(RangeError);
    return (error as WorkspaceError).code;
  }
  throw new Error('expected a WorkspaceError');
}

describe('Workspace', () => {
  it('creates, lists, renames and deletes files', () => {
    const [ws] = clients(1) as [Workspace];
    const doc = ws.create({ kind: 'doc', title: '  Minutes  ', by: 'Ada', now: 1000 });
    const sheet = ws.create({ kind: 'sheet', title: 'Budget', by: 'Ben', now: 2000 });
    expect(doc).toEqual({ id: doc.id, kind: 'doc', title: 'Minutes', created: 1000, modified: 1000, modifiedBy: 'Ada' });
    expect(doc.id).toMatch(/^doc-[a-z0-9]{8}$/);
    expect(ws.list().map((f) => f.title).sort()).toEqual(['Budget', 'Minutes']);

    const renamed = ws.rename(doc.id, 'Minutes 2026-11', 'Ben', 3000);
    expect(renamed).toMatchObject({ id: doc.id, title: 'Minutes 2026-11', created: 1000, modified: 3000, modifiedBy: 'Ben' });

    ws.remove(sheet.id, 'Ada', 4000);
    expect(ws.list().map((f) => f.id)).toEqual([doc.id]);
    expect(ws.get(sheet.id)).toBeNull();
    expect(ws.isPristine).toBe(false);
  });

  it('keeps the id when renaming, so the content never moves', () => {
    const [ws] = clients(1) as [Workspace];
    const file = ws.create({ kind: 'calendar', title: 'Team', by: 'Ada' });
    ws.rename(file.id, 'Team calendar', 'Ada');
    expect(ws.get(file.id)?.title).toBe('Team calendar');
    expect(ws.list()).toHaveLength(1);
  });

  it('refuses bad titles with a clear error and changes nothing', () => {
    const [ws] = clients(1) as [Workspace];
    const file = ws.create({ kind: 'doc', title: 'Plan', by: 'Ada', now: 1 });
    const before = Y.encodeStateAsUpdate(ws.doc);
    expect(errorCode(() => ws.create({ kind: 'doc', title: '   ', by: 'Ada' }))).toBe('empty-title');
    expect(errorCode(() => ws.rename(file.id, '', 'Ada'))).toBe('empty-title');
    expect(errorCode(() => ws.rename(file.id, 'x'.repeat(MAX_TITLE_LENGTH + 1), 'Ada'))).toBe('title-too-long');
    expect(errorCode(() => ws.rename(file.id, 'line\nbreak', 'Ada'))).toBe('title-control-characters');
    expect(errorCode(() => ws.rename(file.id, 'tab\there', 'Ada'))).toBe('title-control-characters');
    expect(errorCode(() => ws.rename(file.id, 'evil\u202Etxt.exe', 'Ada'))).toBe('title-control-characters');
    expect(errorCode(() => ws.create({ kind: 'slides' as 'doc', title: 'Deck', by: 'Ada' }))).toBe('bad-kind');
    expect(Y.encodeStateAsUpdate(ws.doc)).toEqual(before);
    // Long titles count characters, not UTF-16 units: 120 emoji are fine.
    expect(ws.rename(file.id, '🌳'.repeat(MAX_TITLE_LENGTH), 'Ada').title).toHaveLength(2 * MAX_TITLE_LENGTH);
    expect(ws.rename(file.id, 'Protokoll März – Ärger über Öl', 'Ada').title).toBe('Protokoll März – Ärger über Öl');
  });

  it('refuses to rename or delete a file that is gone, and to reuse an id', () => {
    const [ws] = clients(1) as [Workspace];
    expect(errorCode(() => ws.rename('doc-missing', 'X', 'Ada'))).toBe('unknown-file');
    const file = ws.create({ kind: 'doc', title: 'Plan', by: 'Ada', id: 'welcome' });
    expect(errorCode(() => ws.create({ kind: 'doc', title: 'Other', by: 'Ben', id: 'welcome' }))).toBe('file-exists');
    ws.remove(file.id, 'Ada');
    expect(errorCode(() => ws.rename(file.id, 'Back', 'Ada'))).toBe('deleted-file');
    expect(errorCode(() => ws.remove(file.id, 'Ada'))).toBe('deleted-file');
    expect(errorCode(() => ws.create({ kind: 'doc', title: 'Again', by: 'Ben', id: 'welcome' }))).toBe('file-exists');
    expect(errorCode(() => ws.create({ kind: 'doc', title: 'Bad id', by: 'Ben', id: '../etc' }))).toBe('unknown-file');
  });

  it('touch records the last change and who made it, but never for deleted or unknown files', () => {
    const [ws] = clients(1) as [Workspace];
    const file = ws.create({ kind: 'sheet', title: 'Budget', by: 'Ada', now: 1000 });
    expect(ws.touch(file.id, 'Ben', 5000)).toBe(true);
    expect(ws.get(file.id)).toMatchObject({ modified: 5000, modifiedBy: 'Ben' });
    expect(ws.touch(file.id, 'Cleo', 4000)).toBe(false);
    expect(ws.get(file.id)).toMatchObject({ modified: 5000, modifiedBy: 'Ben' });
    expect(ws.touch('doc-elsewhere', 'Ben', 6000)).toBe(false);
    ws.remove(file.id, 'Ada');
    expect(ws.touch(file.id, 'Ben', 7000)).toBe(false);
    expect(ws.list()).toEqual([]);
  });

  it('tells observers about local and remote changes until they stop', () => {
    const [a, b] = clients(2) as [Workspace, Workspace];
    let calls = 0;
    const stop = a.observe(() => calls++);
    a.create({ kind: 'doc', title: 'One', by: 'Ada' });
    b.create({ kind: 'doc', title: 'Two', by: 'Ben' });
    syncAll(a.doc, b.doc);
    expect(calls).toBe(2);
    stop();
    a.create({ kind: 'doc', title: 'Three', by: 'Ada' });
    expect(calls).toBe(2);
  });

  it('skips entries another client wrote badly instead of showing them broken', () => {
    const [ws] = clients(1) as [Workspace];
    const bad = new Y.Map<unknown>();
    ws.doc.getMap('files').set('doc-bad', bad);
    bad.set('kind', 'spaceship');
    bad.set('title', 42);
    ws.create({ kind: 'doc', title: 'Good', by: 'Ada' });
    expect(ws.list().map((f) => f.title)).toEqual(['Good']);
  });
});

describe('concurrent edits converge', () => {
  it('two renames at once end in one title on every client', () => {
    const [a, b, c] = clients(3) as [Workspace, Workspace, Workspace];
    const file = a.create({ kind: 'doc', title: 'Draft', by: 'Ada', now: 1 });
    syncAll(a.doc, b.doc, c.doc);
    a.rename(file.id, 'Minutes (Ada)', 'Ada', 10);
    b.rename(file.id, 'Minutes (Ben)', 'Ben', 10);
    c.touch(file.id, 'Cleo', 20);
    syncAll(a.doc, b.doc, c.doc);
    const titles = [a, b, c].map((ws) => ws.get(file.id)?.title);
    expect(new Set(titles).size).toBe(1);
    expect(['Minutes (Ada)', 'Minutes (Ben)']).toContain(titles[0]);
    expect([a, b, c].map((ws) => ws.list())).toEqual([a.list(), a.list(), a.list()]);
  });

  it('a delete wins over a rename made at the same time, on every client', () => {
    const [a, b, c] = clients(3) as [Workspace, Workspace, Workspace];
    const file = a.create({ kind: 'sheet', title: 'Budget', by: 'Ada' });
    syncAll(a.doc, b.doc, c.doc);
    a.remove(file.id, 'Ada');
    b.rename(file.id, 'Budget 2027', 'Ben');
    c.touch(file.id, 'Cleo');
    syncAll(a.doc, b.doc, c.doc);
    for (const ws of [a, b, c]) {
      expect(ws.get(file.id)).toBeNull();
      expect(ws.list()).toEqual([]);
    }
  });

  it('two clients creating the same fixed id at once end with one file', () => {
    const [a, b] = clients(2) as [Workspace, Workspace];
    a.create({ kind: 'doc', title: 'Willkommen', by: 'Ada', id: 'welcome', now: 1 });
    b.create({ kind: 'doc', title: 'Welcome', by: 'Ben', id: 'welcome', now: 2 });
    syncAll(a.doc, b.doc);
    expect(a.list()).toHaveLength(1);
    expect(a.list()).toEqual(b.list());
  });

  it('random edits by three clients in random order converge (seeded)', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 20; round++) {
      const ws = clients(3);
      const ids: string[] = [];
      for (let step = 0; step < 40; step++) {
        const w = ws[Math.floor(random() * 3)]!;
        const live = w.list().map((f) => f.id);
        const action = random();
        if (action < 0.3 || live.length === 0) ids.push(w.create({ kind: 'doc', title: `F${step}`, by: 'x' }).id);
        else if (action < 0.6) w.rename(live[Math.floor(random() * live.length)]!, `R${step}`, 'y');
        else if (action < 0.75) w.remove(live[Math.floor(random() * live.length)]!, 'z');
        else w.touch(live[Math.floor(random() * live.length)]!, 'q', step);
        if (random() < 0.3) {
          const [p, q] = [ws[Math.floor(random() * 3)]!, ws[Math.floor(random() * 3)]!];
          syncAll(p.doc, q.doc);
        }
      }
      syncAll(...ws.map((w) => w.doc));
      const lists = ws.map((w) => searchFiles(w.list(), '', 'name', 'en'));
      expect(lists[1]).toEqual(lists[0]);
      expect(lists[2]).toEqual(lists[0]);
    }
  });
});

describe('ids', () => {
  it('file ids and the workspace name are valid relay document names', async () => {
    const { validateDocumentName } = await import('@allmende/protocol');
    for (let i = 0; i < 200; i++) for (const kind of ['doc', 'sheet', 'calendar'] as const) expect(validateDocumentName(newFileId(kind))).toBeTruthy();
    expect(validateDocumentName(workspaceDocumentName('default'))).toBe('workspace/default');
  });
});

describe('samples', () => {
  it('are created once in a pristine workspace, never again (not even after being deleted)', async () => {
    const { createSamples } = await import('./workspace-samples.js');
    const [ws] = clients(1) as [Workspace];
    expect(createSamples(ws, 'de', 'Ada', 10_000)).toBe(3);
    expect(searchFiles(ws.list(), '', 'modified', 'de').map((f) => [f.id, f.title, f.seed])).toEqual([
      ['welcome', 'Willkommen bei Allmende', 'de'],
      ['sample-sheet', 'Beispiel-Haushalt', 'de'],
      ['sample-calendar', 'Teamkalender', 'de'],
    ]);
    expect(createSamples(ws, 'de', 'Ada')).toBe(0);
    for (const file of ws.list()) ws.remove(file.id, 'Ada');
    expect(createSamples(ws, 'en', 'Ben')).toBe(0);
    expect(ws.list()).toEqual([]);
  });

  it('two first visitors at once (different languages) end with three files and one seed language', async () => {
    const { createSamples } = await import('./workspace-samples.js');
    const [a, b] = clients(2) as [Workspace, Workspace];
    createSamples(a, 'de', 'Ada');
    createSamples(b, 'en', 'Ben');
    syncAll(a.doc, b.doc);
    expect(a.list()).toHaveLength(3);
    expect(b.list()).toEqual(a.list());
    for (const file of a.list()) expect(['de', 'en']).toContain(file.seed);
  });
});

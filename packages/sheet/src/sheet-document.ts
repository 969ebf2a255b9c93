import { createWorkbook } from '@allmende/sheet-model';
import type { Locale } from '@allmende/sheet-model';
import type { CollabBinding, CollabSource } from '@allmende/ui';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { SheetCore } from './sheet-core.js';
import { SheetFilters } from './sheet-filter.js';

/** What the document binding tells the element. */
export interface SheetDocumentEvents {
  /** The workbook changed (an edit, a sync, an undo): cached looks are stale. */
  changed(): void;
  /** This user changed the workbook: an edit, an import, undo or redo (not a sync, not the first sheet's seeding). */
  editedHere(): void;
  /** Remote presence changed: the grid redraws remote selections. */
  presenceChanged(): void;
  /** The language the workbook parses and formats numbers in. */
  language(): Locale;
}

/**
 * The element's document: opens the Y.Doc (from a relay or the host) through the shared
 * `CollabBinding`, creates the workbook and the shared filters on it once it is safe to seed a first
 * sheet, follows changes and presence, and takes everything down again (listener counts on a host's
 * Y.Doc return to where they were).
 */
export class SheetDocument {
  private bound: { readonly doc: Y.Doc; readonly awareness: Awareness | null } | null = null;
  /** True while a workbook is being opened (it may seed a first sheet, which nobody edited). */
  private opening = false;

  constructor(
    private readonly collab: CollabBinding,
    private readonly core: SheetCore,
    private readonly events: SheetDocumentEvents,
  ) {}

  /** Whether a document is bound. */
  get isBound(): boolean {
    return this.bound !== null;
  }

  /** The presence of the bound document, if any. */
  get awareness(): Awareness | null {
    return this.bound?.awareness ?? null;
  }

  /** Binds the document `source` names, replacing any bound before. */
  bind(source: CollabSource): void {
    this.unbind();
    const { doc, awareness, session } = this.collab.open(source);
    const bound = { doc, awareness };
    this.bound = bound;
    // A client joining a document someone else created must not seed its own first sheet before it has synced.
    const seedNow = !session || doc.getArray('sheetOrder').length > 0;
    this.openWorkbook(doc, seedNow);
    if (!seedNow && session) {
      session.whenSynced.then(
        () => {
          if (this.bound !== bound || !this.core.wb) return;
          if (this.core.wb.sheetNames().length === 0) {
            this.closeWorkbook();
            this.openWorkbook(doc, true);
          }
        },
        () => {},
      );
    }
    doc.on('afterTransaction', this.onDocChange);
    awareness?.on('change', this.onAwareness);
  }

  /** Unbinds the document: listeners off, this user's selection out of a host's awareness, the workbook destroyed. */
  unbind(): void {
    const b = this.bound;
    if (!b) return;
    this.bound = null;
    b.doc.off('afterTransaction', this.onDocChange);
    b.awareness?.off('change', this.onAwareness);
    // Clears this user's selection from a host's awareness: a session's awareness goes with the session.
    if (b.awareness && !this.collab.connection?.session) b.awareness.setLocalStateField('sheet', null);
    this.closeWorkbook();
    this.collab.close();
  }

  private openWorkbook(doc: Y.Doc, seed: boolean): void {
    const core = this.core;
    this.opening = true;
    let wb;
    try {
      wb = createWorkbook(doc, { locale: this.events.language(), seed });
    } finally {
      this.opening = false;
    }
    core.wb = wb;
    core.filters = new SheetFilters(doc);
    // Filter changes are undone with Ctrl+Z like cell edits: the workbook's per-user undo history tracks the filter map.
    wb.trackUndo(core.filters.map);
    wb.undoManager.on('stack-item-popped', this.onUndoPopped);
    core.sheetId = wb.sheets()[0]?.id ?? '';
    core.resetSelection();
    this.events.changed();
  }

  private closeWorkbook(): void {
    const wb = this.core.wb;
    wb?.undoManager.off('stack-item-popped', this.onUndoPopped);
    wb?.destroy();
    this.core.wb = null;
  }

  private readonly onDocChange = (transaction: Y.Transaction): void => {
    const wb = this.core.wb;
    if (!wb) return;
    // The workbook's own edits and its undo manager's; updates from the relay and the offline cache are not local.
    if (transaction.local && !this.opening && (transaction.origin === wb.editOrigin || transaction.origin === wb.undoManager)) this.events.editedHere();
    if (wb.sheetNameById(this.core.sheetId) === undefined) this.core.sheetId = wb.sheets()[0]?.id ?? '';
    this.events.changed();
  };

  private readonly onAwareness = (): void => {
    this.events.presenceChanged();
  };

  private readonly onUndoPopped = (): void => {
    this.events.changed();
  };
}

import { formatAddress } from '@allmende/sheet-model';
import { acceptsReference } from './formula-refs.js';
import type { CellPos } from './selection.js';
import type { SheetHost } from './sheet-host.js';

/** A direction the active cell moves in after Enter or Tab. */
export type Advance = 'down' | 'up' | 'right' | 'left';

/**
 * Editing a cell: in place (the textarea over the cell, started by F2, a double-click or typing) or in
 * the formula bar. Holds the draft, commits it through the engine, and while a formula is typed
 * inserts the references of clicked or dragged-over cells at the caret.
 */
export class CellEditing {
  /** The textarea drawn over the active cell while editing in place. */
  readonly editor: HTMLTextAreaElement;
  /** Whether a cell is being edited. */
  active = false;
  /** The text being typed. */
  draft = '';
  /** Where a reference inserted by clicking sits in the draft, so the next click replaces it. */
  private insertedRef: { start: number; end: number; anchor: CellPos } | null = null;

  constructor(
    private readonly host: SheetHost,
    private readonly advance: (dir: Advance) => void,
  ) {
    const editor = host.ownerDocument.createElement('textarea');
    editor.className = 'cell-editor';
    editor.hidden = true;
    editor.spellcheck = false;
    editor.addEventListener('input', () => {
      this.setDraft(editor.value);
      this.insertedRef = null;
      host.paint();
    });
    editor.addEventListener('keydown', this.onKey);
    this.editor = editor;
  }

  /** The cell a reference drag started on, while one is being inserted. */
  get referenceAnchor(): CellPos | null {
    return this.insertedRef?.anchor ?? null;
  }

  private setDraft(text: string): void {
    this.draft = text;
    this.host.requestUpdate();
  }

  private setActive(on: boolean): void {
    this.active = on;
    this.host.requestUpdate();
  }

  /** Places the in-cell editor over the active cell (or hides it when not editing in place). */
  place(): void {
    const ed = this.editor;
    if (!this.active) {
      ed.hidden = true;
      return;
    }
    const p = this.host.core.activePos();
    const rect = this.host.view.cellRect(p.row, p.col);
    if (!rect) {
      ed.style.cssText = 'left:-9999px;top:0';
    } else {
      const width = Math.max(rect.w, Math.min(400, this.draft.length * 8 + 16));
      ed.style.cssText = `left:${rect.x - 1}px;top:${rect.y - 1}px;width:${width + 2}px;min-height:${rect.h + 2}px;height:${rect.h + 2}px`;
    }
    ed.hidden = false;
    if (ed.value !== this.draft) ed.value = this.draft;
  }

  /** Starts editing the active cell with `initial` (typing) or its formula (F2); in the formula bar when `focusBar`. */
  start(initial: string | null, focusBar = false): void {
    const host = this.host;
    const core = host.core;
    const wb = core.wb;
    if (!wb) return;
    if (!host.editable) {
      host.notify(host.t('readOnlyNotice'));
      return;
    }
    const p = core.activePos();
    this.draft = initial ?? wb.getFormula(core.sheetName, formatAddress(p.row, p.col));
    this.setActive(true);
    this.insertedRef = null;
    this.place();
    if (!focusBar) {
      this.editor.focus();
      const end = this.editor.value.length;
      this.editor.setSelectionRange(end, end);
    }
    host.paint();
  }

  /** Writes the draft into the active cell; false when the engine refused it (the notice says why). */
  commit(): boolean {
    const host = this.host;
    const core = host.core;
    const wb = core.wb;
    if (!wb || !this.active) return true;
    const text = this.draft;
    try {
      const p = core.activePos();
      if (host.editable) wb.setCell(core.sheetName, formatAddress(p.row, p.col), text === '' ? null : text);
    } catch (error) {
      host.notify(host.t('editFailed', error instanceof Error ? error.message : String(error)));
      return false;
    }
    this.end();
    return true;
  }

  /** Stops editing without writing (Escape), and gives the focus back to the grid. */
  end(): void {
    this.setActive(false);
    this.draft = '';
    this.insertedRef = null;
    this.editor.hidden = true;
    this.host.view.scroller.focus({ preventScroll: true });
    this.host.invalidate();
    this.host.announce();
  }

  /** The formula bar got the focus: edit there. */
  readonly onFormulaFocus = (event: FocusEvent): void => {
    if (this.active || !this.host.editable) return;
    this.draft = (event.target as HTMLInputElement).value;
    this.setActive(true);
    this.host.paint();
  };

  /** Typing in the formula bar. */
  readonly onFormulaInput = (event: InputEvent): void => {
    this.setDraft((event.target as HTMLInputElement).value);
    this.insertedRef = null;
    this.host.paint();
  };

  /** The input being typed in: the formula bar when it has the focus, else the in-cell editor. */
  currentInput(): HTMLInputElement | HTMLTextAreaElement {
    const bar = this.host.renderRoot.querySelector<HTMLInputElement>('.formula');
    return bar && this.host.renderRoot.activeElement === bar ? bar : this.editor;
  }

  /** Keys while editing (in the cell or the formula bar): Enter, Tab, Alt+Enter, Escape. */
  readonly onKey = (event: KeyboardEvent): void => {
    if (!this.active) return;
    const move = (dir: Advance): void => {
      event.preventDefault();
      if (this.commit()) this.advance(dir);
    };
    if (event.key === 'Enter' && !event.altKey) move(event.shiftKey ? 'up' : 'down');
    else if (event.key === 'Enter' && event.altKey) {
      // Alt+Enter: a line break inside the cell, as in Excel.
      event.preventDefault();
      const input = this.currentInput();
      input.setRangeText('\n', input.selectionStart ?? input.value.length, input.selectionEnd ?? input.value.length, 'end');
      this.setDraft(input.value);
      this.host.paint();
    } else if (event.key === 'Tab') move(event.shiftKey ? 'left' : 'right');
    else if (event.key === 'Escape') {
      event.preventDefault();
      this.end();
    }
  };

  /** Whether a click now inserts a reference into the formula being typed. */
  acceptsReferenceNow(): boolean {
    if (this.insertedRef) return true;
    const el = this.currentInput();
    return acceptsReference(this.draft, el.selectionStart ?? this.draft.length);
  }

  /** Inserts (or replaces the last inserted) reference at the caret of the formula being typed. */
  insertReference(from: CellPos, to: CellPos | null): void {
    const input = this.currentInput();
    const a = formatAddress(from.row, from.col);
    const text = to && (to.row !== from.row || to.col !== from.col)
      ? `${formatAddress(Math.min(from.row, to.row), Math.min(from.col, to.col))}:${formatAddress(Math.max(from.row, to.row), Math.max(from.col, to.col))}`
      : a;
    const start = this.insertedRef ? this.insertedRef.start : input.selectionStart ?? input.value.length;
    const end = this.insertedRef ? this.insertedRef.end : input.selectionEnd ?? input.value.length;
    input.value = this.draft;
    input.setRangeText(text, start, end, 'end');
    this.setDraft(input.value);
    this.insertedRef = { start, end: start + text.length, anchor: from };
    input.focus();
    this.host.paint();
  }
}

import { createUndoManager } from '@allmende/calendar-model';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type * as Y from 'yjs';
import type { CalendarTranslate } from './calendar-messages.js';

/** What the undo controller reads and calls on `<allmende-calendar>`. */
export interface CalendarUndoHost extends ReactiveControllerHost, EventTarget {
  readonly t: CalendarTranslate;
  /** Whether a dialog, a question or a pick-up is open (the keys then belong to it). */
  readonly undoBlocked: boolean;
  /** Runs an edit as its own undo step; a refused one shows its reason and returns false. */
  attempt(action: () => void): boolean;
  announce(message: string): void;
}

/**
 * This user's undo history in `<allmende-calendar>`: their own edits only
 * (others' changes are never undone), several edits within half a second as
 * one step. Ctrl+Z (⌘Z) undoes, Ctrl+Y and Ctrl+Shift+Z redo, except in text
 * fields (their own undo) and while a dialog or a pick-up is open.
 */
export class CalendarUndo implements ReactiveController {
  private manager: Y.UndoManager | null = null;

  constructor(private readonly host: CalendarUndoHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('keydown', this.onKey as EventListener);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('keydown', this.onKey as EventListener);
  }

  /** Starts a new history for `doc` (the old one is dropped). */
  attach(doc: Y.Doc): void {
    this.detach();
    this.manager = createUndoManager(doc);
  }

  /** Drops the history. */
  detach(): void {
    this.manager?.destroy();
    this.manager = null;
  }

  /** Makes the next edit its own undo step, however soon after the last one it comes. */
  stopCapturing(): void {
    this.manager?.stopCapturing();
  }

  /** Undoes (or redoes) this user's last step and announces it; returns whether there was one. */
  run(which: 'undo' | 'redo'): boolean {
    const manager = this.manager;
    if (!manager) return false;
    const { t } = this.host;
    const stack = which === 'undo' ? manager.undoStack : manager.redoStack;
    if (stack.length === 0) {
      this.host.announce(t(which === 'undo' ? 'nothingToUndo' : 'nothingToRedo'));
      return false;
    }
    let done = false;
    const ok = this.host.attempt(() => {
      done = (which === 'undo' ? manager.undo() : manager.redo()) !== null;
    });
    if (ok && done) this.host.announce(t(which === 'undo' ? 'undone' : 'redone'));
    return ok && done;
  }

  private readonly onKey = (e: KeyboardEvent): void => {
    if (e.defaultPrevented || e.altKey || !(e.ctrlKey || e.metaKey)) return;
    const key = e.key.toLowerCase();
    if (key !== 'z' && key !== 'y') return;
    const origin = e.composedPath()[0] as HTMLElement | undefined;
    if (origin?.closest?.('input, select, textarea, [contenteditable]') || this.host.undoBlocked) return;
    e.preventDefault();
    this.run(key === 'y' || e.shiftKey ? 'redo' : 'undo');
  };
}

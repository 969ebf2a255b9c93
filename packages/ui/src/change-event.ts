/**
 * Fired by Allmende's elements (`<allmende-doc>`, `<allmende-sheet>`,
 * `<allmende-calendar>`) after a change made in this page: the user's typing,
 * formatting, cell edits, event edits, imports, undo and redo. Changes that
 * arrive from other users through the relay, and content loaded from the
 * offline cache, do not fire it. The event bubbles and crosses shadow roots
 * (`composed`), so a host can listen on any ancestor:
 *
 * ```js
 * document.addEventListener('allmende-change', () => markUnsaved());
 * ```
 */
export class AllmendeChangeEvent extends Event {
  /** The event's type, `'allmende-change'`. */
  static readonly eventName = 'allmende-change' as const;

  constructor() {
    super(AllmendeChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'allmende-change': AllmendeChangeEvent;
  }
}

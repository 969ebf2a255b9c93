import type { LocaleController } from '@allmende/ui';
import type { ReactiveControllerHost } from 'lit';
import type { Command } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import type * as Y from 'yjs';
import type { DocTranslate } from './doc-messages.js';

/**
 * What the parts of `<allmende-doc>` (toolbar, dialogs, find bar, image
 * handling) need from the element. The element implements it; the parts
 * are reactive controllers that render into its template.
 */
export interface EditorHost extends ReactiveControllerHost {
  /** The editor, or null while the element is not bound to a document. */
  readonly view: EditorView | null;
  /** The per-user undo manager of the editor, or null. */
  readonly undoManager: Y.UndoManager | null;
  /** Whether the text can be changed now (not read-only, not refused by the relay, connected). */
  readonly editable: boolean;
  /** The translate function for the current language. */
  readonly t: DocTranslate;
  /** The locale, for formatting numbers. */
  readonly i18n: LocaleController;
  /** The element's shadow root, where the parts find their rendered controls. */
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** Runs an editing command when the text is editable; returns whether it ran. */
  run(command: Command): boolean;
  /** Moves focus into the text, after the element's pending update (closing dialogs and menus). */
  focusEditor(): void;
  /** Shows a message in the alert area (`role="alert"`), read out by screen readers. */
  notify(message: string): void;
}

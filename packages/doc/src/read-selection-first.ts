import { Plugin } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';

/** prosemirror-view's DOM observer: not in its public types, present since 1.0. */
interface DomObserver {
  flush(): void;
}

/**
 * Reads a selection the browser made before any key binding runs.
 *
 * ProseMirror takes a selection made by the browser itself (Shift+Home,
 * Ctrl+Home, Ctrl+Shift+Left) from the `selectionchange` event, which
 * Chromium fires as a separate task after the key's default action. A key
 * that follows fast enough (a quick typist, a macro, a test driver) runs its
 * command on the selection from before: Ctrl+B after Shift+Home made a stored
 * mark instead of bold text, and Delete after Ctrl+Home in suggest mode marked
 * text at the old caret. The DOM selection is already current at keydown, so
 * this reads it then; when nothing changed, reading costs one comparison.
 * It must be the first plugin, so every key binding sees the result.
 */
export function readSelectionFirstPlugin(): Plugin {
  return new Plugin({
    props: {
      handleKeyDown(view: EditorView) {
        readDomSelection(view);
        return false;
      },
    },
  });
}

/** Takes the browser's selection into the editor state now if it changed (see {@link readSelectionFirstPlugin}). */
export function readDomSelection(view: EditorView): void {
  (view as unknown as { domObserver?: DomObserver }).domObserver?.flush();
}

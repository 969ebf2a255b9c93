import { Plugin } from 'prosemirror-state';
import type { EditorState, StateField } from 'prosemirror-state';
import { yUndoPlugin, ySyncPluginKey } from 'y-prosemirror';
import { relativeSelection } from './relative-position.js';
import type { PositionBinding } from './relative-position.js';

/** y-prosemirror's undo plugin state. */
type UndoPluginState = ReturnType<typeof yUndoPlugin> extends Plugin<infer S> ? S : never;

/**
 * y-prosemirror's `yUndoPlugin` (same key, state, undo manager and
 * listeners), except that the selection before each transaction, which it
 * stores for undo to return to, is taken with relative-position.ts instead
 * of y-prosemirror's walk from the start of the document: this runs for
 * every transaction, so twice per keystroke.
 */
export function undoPlugin(): Plugin {
  const plugin = yUndoPlugin();
  const field = plugin.spec.state as StateField<UndoPluginState>;
  return new Plugin<UndoPluginState>({
    ...plugin.spec,
    state: {
      ...field,
      apply(tr, value, oldState: EditorState, state: EditorState) {
        const binding = (ySyncPluginKey.getState(state) as { binding?: PositionBinding | null } | undefined)?.binding;
        if (!binding) return field.apply.call(this, tr, value, oldState, state);
        const { undoManager } = value;
        return {
          undoManager,
          prevSel: relativeSelection(binding, oldState),
          hasUndoOps: undoManager.undoStack.length > 0,
          hasRedoOps: undoManager.redoStack.length > 0,
        };
      },
    },
  });
}

import { Plugin, PluginKey } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';

const key = new PluginKey<boolean>('allmende-inactive-selection');

/**
 * Keeps the selection visible (as `.inactive-selection`) while focus is
 * elsewhere, in a dialog or the find bar, the way word processors grey it
 * out: the user still sees which text the link will go on or where the
 * current match is. A page has one selection, so the browser's own
 * highlight goes with the focus.
 *
 * Blurring dispatches; focusing does not. A click into the text drops the
 * highlight on mousedown, before the browser places the caret: redrawing
 * the text between the caret placement and prosemirror-view reading it
 * would put the old selection back. Focus by keyboard (or returned by a
 * closing dialog) drops it with the next transaction, and CSS hides it
 * until then (`.ProseMirror-focused .inactive-selection`).
 */
export function inactiveSelectionPlugin(): Plugin<boolean> {
  let focused = false;
  return new Plugin<boolean>({
    key,
    state: {
      init: () => false,
      apply: (tr, blurred) => {
        const meta = tr.getMeta(key) as boolean | undefined;
        if (meta !== undefined) return meta;
        return blurred && !focused;
      },
    },
    props: {
      decorations(state) {
        const { from, to, empty } = state.selection;
        if (!key.getState(state) || empty) return null;
        return DecorationSet.create(state.doc, [Decoration.inline(from, to, { class: 'inactive-selection' })]);
      },
      handleDOMEvents: {
        blur(view) {
          focused = false;
          if (!view.isDestroyed) view.dispatch(view.state.tr.setMeta(key, true));
          return false;
        },
        focus() {
          focused = true;
          return false;
        },
        // Before the browser places the caret: redrawing the text after that would put the old selection back.
        mousedown(view) {
          if (key.getState(view.state)) view.dispatch(view.state.tr.setMeta(key, false));
          return false;
        },
      },
    },
  });
}

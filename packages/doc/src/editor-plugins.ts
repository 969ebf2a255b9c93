import { buildInputRules, buildKeymap, schema, suggestBackspace, suggestDelete, suggestModePlugin } from '@allmende/doc-model';
import { baseKeymap } from 'prosemirror-commands';
import { keydownHandler, keymap } from 'prosemirror-keymap';
import { Plugin } from 'prosemirror-state';
import type { Command } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { redoCommand, undoCommand } from 'y-prosemirror';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { blockVisibilityPlugin } from './block-visibility.js';
import { visibilityWindowPlugin } from './visibility-window.js';
import { fillEmptyContainersPlugin } from './fill-empty-plugin.js';
import { findHighlightPlugin } from './find-highlight.js';
import { inactiveSelectionPlugin } from './inactive-selection.js';
import { readDomSelection, readSelectionFirstPlugin } from './read-selection-first.js';
import { remoteCursorPlugin } from './remote-cursor.js';
import type { ReviewEditorOptions } from './review-panel.js';
import { reviewHighlightPlugin } from './review-plugin.js';
import { incrementalSyncPlugin } from './sync-binding.js';
import { isRemoteSync } from './sync-origin.js';
import { localTableEditing, tableColumnResizing } from './table-plugins.js';
import { undoPlugin } from './undo-plugin.js';

/** What the element contributes to the editor's plugins. */
export interface EditorPluginOptions {
  /** The shared document content. */
  readonly fragment: Y.XmlFragment;
  /** Presence for remote cursors, or null for none. */
  readonly awareness: Awareness | null;
  /** Whether the text may be changed now; read on every transaction. */
  readonly editable: () => boolean;
  /** Mod-K: opens the link dialog. */
  readonly onLink: () => boolean;
  /** Mod-F: opens the find bar. */
  readonly onFind: () => boolean;
  /** Escape in the text: closes the find bar; false when there was nothing to close. */
  readonly onEscape: () => boolean;
  /** Alt-F10: moves focus to the toolbar. */
  readonly onToolbar: () => boolean;
  /** The name of remote users who gave none, in the page's language. */
  readonly anonymous: () => string;
  /** Comments and suggestions (review-panel.ts); without it, no review plugins. */
  readonly review?: ReviewEditorOptions;
}

/**
 * Runs an undo or redo command and reports the key as handled even when there
 * was nothing to undo, so the browser's own undo never changes the DOM behind
 * ProseMirror's back. In read-only text it does nothing: undo works on the
 * Y.Doc directly, past any ProseMirror transaction filter.
 */
export function historyCommand(command: Command, editable: () => boolean): Command {
  return (state, dispatch, view) => {
    if (editable()) command(state, dispatch, view);
    return true;
  };
}

/**
 * The keys that work in read-only text, for a `keydown` DOM handler:
 * prosemirror-view runs no key bindings while the view is not editable, but
 * finding (Mod-F, Escape) and reaching the toolbar (Alt-F10) are reading.
 */
export function readOnlyKeys(options: EditorPluginOptions): (view: EditorView, event: KeyboardEvent) => boolean {
  const keys = keydownHandler({
    'Mod-f': () => options.onFind(),
    'Alt-F10': () => options.onToolbar(),
    Escape: () => options.onEscape(),
    // Commenting is allowed with the comment role, where the text is read-only.
    ...(options.review ? { 'Mod-Alt-m': options.review.onComment } : {}),
  });
  return (view, event) => {
    // Key bindings do not run in read-only text, so the plugin that reads the browser's selection first does not either.
    readDomSelection(view);
    return keys(view, event);
  };
}

/**
 * Drops every local transaction that would change read-only text. The view
 * is not editable then, but key bindings (Mod-B, Enter) still run commands,
 * and prosemirror-view would apply what they dispatch. Content synced in
 * from others always passes.
 */
function readOnlyGuard(editable: () => boolean): Plugin {
  return new Plugin({
    filterTransaction: (tr) => !tr.docChanged || isRemoteSync(tr) || editable(),
  });
}

/**
 * The plugins of `<allmende-doc>`'s editor, in priority order: reading a
 * selection the browser just made (read-selection-first.ts); Yjs sync
 * (y-prosemirror's, applying others' changes incrementally: sync-binding.ts),
 * remote cursors (remote-cursor.ts) and per-user undo; the read-only guard; tables (column
 * resizing, cell selections, repairs of local edits only); the element's
 * keys (undo, redo, Mod-F, Mod-K, Alt-F10, Escape); suggest mode, comment
 * highlights and their keys (Mod-Alt-M, Backspace and Delete while
 * suggesting; review-panel.ts); the model's formatting
 * keys and input rules, ProseMirror's base keys; filling emptied containers;
 * find highlights; the selection kept visible while focus is elsewhere.
 */
export function buildEditorPlugins(options: EditorPluginOptions): Plugin[] {
  const { editable } = options;
  return [
    readSelectionFirstPlugin(),
    incrementalSyncPlugin(options.fragment),
    ...(options.awareness ? [remoteCursorPlugin(options.awareness, { anonymous: options.anonymous })] : []),
    undoPlugin(),
    readOnlyGuard(editable),
    tableColumnResizing(),
    localTableEditing(),
    keymap({
      'Mod-z': historyCommand(undoCommand, editable),
      'Mod-y': historyCommand(redoCommand, editable),
      'Mod-Shift-z': historyCommand(redoCommand, editable),
      'Mod-f': () => options.onFind(),
      'Alt-F10': () => options.onToolbar(),
      Escape: () => options.onEscape(),
    }),
    ...(options.review
      ? [
          suggestModePlugin({ user: options.review.user }),
          reviewHighlightPlugin(options.review),
          // Before the model's keys: in suggest mode Backspace and Delete inside text mark instead of delete.
          keymap({ 'Mod-Alt-m': options.review.onComment, Backspace: suggestBackspace, Delete: suggestDelete }),
        ]
      : []),
    keymap(buildKeymap(schema, { onLink: () => options.onLink() })),
    buildInputRules(schema),
    keymap(baseKeymap),
    fillEmptyContainersPlugin(),
    findHighlightPlugin(),
    blockVisibilityPlugin(),
    visibilityWindowPlugin(),
    inactiveSelectionPlugin(),
  ];
}

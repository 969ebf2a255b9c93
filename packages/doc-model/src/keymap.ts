import { chainCommands, exitCode } from 'prosemirror-commands';
import { undoInputRule } from 'prosemirror-inputrules';
import type { Schema } from 'prosemirror-model';
import type { Command } from 'prosemirror-state';
import {
  indentListItem,
  insertHardBreak,
  outdentListItem,
  setHeading,
  setParagraph,
  splitListItem,
  toggleBold,
  toggleItalic,
  toggleBulletList,
  toggleOrderedList,
} from './commands.js';
import { requireAllmendeTypes } from './schema-requirements.js';

/**
 * Builds the formatting key bindings for an editor on `schema`, as an object
 * to pass to prosemirror-keymap's `keymap()`. Put it before
 * prosemirror-commands' `baseKeymap`, which handles everything else (Enter
 * outside lists, Backspace, Delete, select all). Undo and redo are not bound
 * here: the editor element binds them to the collaborative (per-user) undo.
 *
 * | Keys | Action |
 * |---|---|
 * | Mod-B, Mod-I | toggle bold, italic |
 * | Ctrl-Alt-1 … Ctrl-Alt-6 | heading level 1–6 |
 * | Ctrl-Alt-0 | paragraph |
 * | Mod-Shift-8, Mod-Shift-7 | toggle bullet, numbered list |
 * | Enter | split the list item (in lists) |
 * | Tab / Mod-], Shift-Tab / Mod-[ | indent / outdent the list item |
 * | Shift-Enter, Mod-Enter | line break |
 * | Backspace | undo an input rule applied just before |
 *
 * `Mod` is Cmd on macOS and Ctrl elsewhere. Tab is only taken inside lists,
 * so elsewhere it still moves focus out of the editor. On Windows, Ctrl-Alt is
 * AltGr; prosemirror-keymap matches the character typed there (`{`, `²`),
 * so these bindings do not steal characters on German or other layouts.
 *
 * Throws a TypeError when `schema` lacks a node or mark type named above.
 */
export function buildKeymap(schema: Schema): Record<string, Command> {
  requireAllmendeTypes(schema, 'buildKeymap');
  const lineBreak = chainCommands(exitCode, insertHardBreak);
  const bindings: Record<string, Command> = {
    'Mod-b': toggleBold,
    'Mod-B': toggleBold,
    'Mod-i': toggleItalic,
    'Mod-I': toggleItalic,
    'Ctrl-Alt-0': setParagraph,
    'Mod-Shift-8': toggleBulletList,
    'Mod-Shift-7': toggleOrderedList,
    Enter: splitListItem,
    Tab: indentListItem,
    'Mod-]': indentListItem,
    'Shift-Tab': outdentListItem,
    'Mod-[': outdentListItem,
    'Shift-Enter': lineBreak,
    'Mod-Enter': lineBreak,
    Backspace: undoInputRule,
  };
  for (let level = 1; level <= 6; level++) {
    bindings[`Ctrl-Alt-${level}`] = setHeading(level);
  }
  return bindings;
}

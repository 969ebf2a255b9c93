import { chainCommands, exitCode } from 'prosemirror-commands';
import { undoInputRule } from 'prosemirror-inputrules';
import type { Schema } from 'prosemirror-model';
import type { Command } from 'prosemirror-state';
import {
  decreaseIndent,
  increaseIndent,
  insertHardBreak,
  insertPageBreak,
  setAlignment,
  setHeading,
  setParagraph,
  toggleBlockquote,
  toggleCodeBlock,
} from './block-commands.js';
import {
  indentListItem,
  outdentListItem,
  splitListItem,
  toggleBulletList,
  toggleOrderedList,
  toggleTaskList,
} from './list-commands.js';
import {
  toggleBold,
  toggleCode,
  toggleItalic,
  toggleStrikethrough,
  toggleSubscript,
  toggleSuperscript,
  toggleUnderline,
} from './mark-commands.js';
import { requireAllmendeTypes } from './schema-requirements.js';
import { goToNextTableCell, goToPreviousTableCell } from './table-commands.js';

/** Options of {@link buildKeymap}. */
export interface KeymapOptions {
  /**
   * Runs on Mod-K, where word processors open the link dialog. The editor
   * element shows its dialog and returns true; the dialog then applies
   * `setLink` or `removeLink`. Without it Mod-K is not bound.
   */
  readonly onLink?: Command;
}

/**
 * Builds the formatting key bindings for an editor on `schema`, as an object
 * to pass to prosemirror-keymap's `keymap()`. Put it before
 * prosemirror-commands' `baseKeymap`, which handles everything else (Enter
 * outside lists, Backspace, Delete, select all). Undo and redo are not bound
 * here: the editor element binds them to the collaborative (per-user) undo.
 *
 * | Keys | Action |
 * |---|---|
 * | Mod-B, Mod-I, Mod-U | toggle bold, italic, underline |
 * | Mod-Shift-X | toggle strikethrough |
 * | Mod-., Mod-, | toggle superscript, subscript |
 * | Mod-E | toggle inline code |
 * | Mod-K | `options.onLink` (the link dialog) |
 * | Ctrl-Alt-1 … Ctrl-Alt-6 | heading level 1–6 |
 * | Ctrl-Alt-0 | paragraph |
 * | Mod-Shift-L, -E, -R, -J | align left, center, right, justify (as in Google Docs) |
 * | Mod-Shift-8, Mod-Shift-7, Mod-Shift-9 | toggle bullet, numbered, task list |
 * | Mod-Shift-B | toggle blockquote |
 * | Mod-Alt-C | toggle code block |
 * | Enter | split the list item (in lists) |
 * | Tab, Shift-Tab | indent / outdent the list item; next / previous table cell (a new row after the last) |
 * | Mod-], Mod-[ | indent / outdent: list items by nesting, paragraphs by one step |
 * | Shift-Enter | line break |
 * | Mod-Enter | leave a code block; elsewhere a page break (as in Word and Google Docs) |
 * | Backspace | undo an input rule applied just before |
 *
 * `Mod` is Cmd on macOS and Ctrl elsewhere. Tab is only taken inside lists
 * and tables, so elsewhere it still moves focus out of the editor. On
 * Windows, Ctrl-Alt is AltGr; prosemirror-keymap matches the character typed
 * there (`{`, `²`), so these bindings do not steal characters on German or
 * other layouts.
 *
 * Throws a TypeError when `schema` lacks a node or mark type named above.
 */
export function buildKeymap(schema: Schema, options: KeymapOptions = {}): Record<string, Command> {
  requireAllmendeTypes(schema, 'buildKeymap');
  const bindings: Record<string, Command> = {};
  const bind = (keys: readonly string[], command: Command): void => {
    for (const key of keys) bindings[key] = command;
  };
  bind(['Mod-b', 'Mod-B'], toggleBold);
  bind(['Mod-i', 'Mod-I'], toggleItalic);
  bind(['Mod-u', 'Mod-U'], toggleUnderline);
  bind(['Mod-Shift-x', 'Mod-Shift-X'], toggleStrikethrough);
  bind(['Mod-.'], toggleSuperscript);
  bind(['Mod-,'], toggleSubscript);
  bind(['Mod-e', 'Mod-E'], toggleCode);
  if (options.onLink) bind(['Mod-k', 'Mod-K'], options.onLink);
  bind(['Ctrl-Alt-0'], setParagraph);
  for (let level = 1; level <= 6; level++) bind([`Ctrl-Alt-${level}`], setHeading(level));
  bind(['Mod-Shift-l', 'Mod-Shift-L'], setAlignment('left'));
  bind(['Mod-Shift-e', 'Mod-Shift-E'], setAlignment('center'));
  bind(['Mod-Shift-r', 'Mod-Shift-R'], setAlignment('right'));
  bind(['Mod-Shift-j', 'Mod-Shift-J'], setAlignment('justify'));
  bind(['Mod-Shift-8'], toggleBulletList);
  bind(['Mod-Shift-7'], toggleOrderedList);
  bind(['Mod-Shift-9'], toggleTaskList);
  bind(['Mod-Shift-b', 'Mod-Shift-B'], toggleBlockquote);
  bind(['Mod-Alt-c', 'Mod-Alt-C'], toggleCodeBlock());
  bind(['Enter'], splitListItem);
  bind(['Tab'], chainCommands(indentListItem, goToNextTableCell));
  bind(['Shift-Tab'], chainCommands(outdentListItem, goToPreviousTableCell));
  bind(['Mod-]'], increaseIndent);
  bind(['Mod-['], decreaseIndent);
  bind(['Shift-Enter'], chainCommands(exitCode, insertHardBreak));
  bind(['Mod-Enter'], chainCommands(exitCode, insertPageBreak));
  bind(['Backspace'], undoInputRule);
  return bindings;
}

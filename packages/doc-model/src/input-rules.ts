import { inputRules, textblockTypeInputRule, wrappingInputRule } from 'prosemirror-inputrules';
import type { Schema } from 'prosemirror-model';
import type { Plugin } from 'prosemirror-state';
import { requireAllmendeTypes } from './schema-requirements.js';

/**
 * Builds the plugin for Markdown-style shortcuts typed at the start of a
 * textblock:
 *
 * - `# ` to `###### `: heading of level 1 to 6;
 * - `- ` or `* `: bullet list;
 * - `1. ` (any number): numbered list starting at that number, joined to a
 *   numbered list just above when the number continues it.
 *
 * Backspace right after a shortcut undoes it when the keymap from
 * `buildKeymap` is installed. Throws a TypeError when `schema` lacks the
 * node types these rules create.
 */
export function buildInputRules(schema: Schema): Plugin {
  const { heading, bulletList, orderedList } = requireAllmendeTypes(schema, 'buildInputRules');
  return inputRules({
    rules: [
      textblockTypeInputRule(/^(#{1,6})\s$/, heading, (match) => ({ level: (match[1] ?? '#').length })),
      wrappingInputRule(/^\s*[-*]\s$/, bulletList),
      wrappingInputRule(
        /^(\d{1,9})\.\s$/,
        orderedList,
        (match) => ({ order: Number(match[1]) }),
        (match, node) => node.childCount + Number(node.attrs['order']) === Number(match[1]),
      ),
    ],
  });
}

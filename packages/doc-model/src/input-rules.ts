import { InputRule, inputRules, textblockTypeInputRule, wrappingInputRule } from 'prosemirror-inputrules';
import { Fragment } from 'prosemirror-model';
import type { Node as ProseMirrorNode, Schema } from 'prosemirror-model';
import { TextSelection } from 'prosemirror-state';
import type { EditorState, Plugin, Transaction } from 'prosemirror-state';
import { findWrapping } from 'prosemirror-transform';
import { headingLevelOf } from './block-nodes.js';
import { requireAllmendeTypes } from './schema-requirements.js';
import type { AllmendeTypes } from './schema-requirements.js';

/** Whether a textblock is body text: a paragraph that is no heading. */
function isBodyText(node: ProseMirrorNode, types: AllmendeTypes): boolean {
  return node.type === types.paragraph && headingLevelOf(node) === 0;
}

/**
 * `[ ] ` or `[x] ` typed at the start of a paragraph: a task item. In the
 * first paragraph of a bullet list item (after `- ` made the list) it turns
 * that list into a task list; elsewhere it wraps the paragraph in one.
 */
function taskListRule(types: AllmendeTypes): InputRule {
  return new InputRule(/^\s*(?:[-*]\s)?\[([ xX]?)\]\s$/, (state, match, start, end) => {
    const $start = state.doc.resolve(start);
    if (!isBodyText($start.parent, types)) return null;
    const checked = (match[1] ?? '').toLowerCase() === 'x';
    const tr = state.tr.delete(start, end);
    const depth = $start.depth;
    const item = depth >= 3 ? $start.node(depth - 1) : null;
    const list = depth >= 3 ? $start.node(depth - 2) : null;
    if (item?.type === types.listItem && list?.type === types.bulletList && $start.index(depth - 1) === 0) {
      return bulletToTaskList(tr, $start.before(depth - 2), $start.index(depth - 2), checked, types, start);
    }
    const range = tr.doc.resolve(start).blockRange();
    const wrapping = range && findWrapping(range, types.taskList, null);
    if (!range || !wrapping) return null;
    tr.wrap(range, wrapping);
    // The task list starts where the paragraph started; its item one position further in.
    tr.setNodeAttribute(range.start + 1, 'checked', checked);
    return tr;
  });
}

function bulletToTaskList(
  tr: Transaction,
  listPos: number,
  itemIndex: number,
  checked: boolean,
  types: AllmendeTypes,
  cursor: number,
): Transaction | null {
  const list = tr.doc.nodeAt(listPos);
  if (!list) return null;
  const items: ProseMirrorNode[] = [];
  list.forEach((item, _offset, index) =>
    items.push(types.taskItem.create({ checked: index === itemIndex && checked }, item.content, item.marks)),
  );
  tr.replaceWith(listPos, listPos + list.nodeSize, types.taskList.create(null, Fragment.from(items)));
  return tr.setSelection(TextSelection.create(tr.doc, cursor));
}

/**
 * `# ` to `###### ` at the start of a paragraph: a heading of that level. Only
 * the level attribute changes (alignment and indentation stay), as with
 * `setHeading`.
 */
function headingRule(types: AllmendeTypes): InputRule {
  return new InputRule(/^(#{1,6})\s$/, (state, match, start, end) => {
    const $start = state.doc.resolve(start);
    if ($start.parent.type !== types.paragraph) return null;
    return state.tr.delete(start, end).setNodeAttribute($start.before(), 'level', (match[1] ?? '#').length);
  });
}

/** `---` as the whole text of a paragraph: a horizontal rule, with the cursor in a paragraph below it. */
function horizontalRuleRule(types: AllmendeTypes): InputRule {
  return new InputRule(/^---$/, (state: EditorState, _match, start, end) => {
    const $start = state.doc.resolve(start);
    if (!isBodyText($start.parent, types) || $start.parentOffset !== 0 || end !== $start.end()) return null;
    const pos = $start.before();
    const tr = state.tr.replaceWith(pos, $start.after(), [types.horizontalRule.create(), types.paragraph.create()]);
    return tr.setSelection(TextSelection.create(tr.doc, pos + 2));
  });
}

/**
 * Builds the plugin for Markdown-style shortcuts typed at the start of a
 * textblock:
 *
 * - `# ` to `###### `: heading of level 1 to 6 (in a paragraph);
 * - `- ` or `* `: bullet list;
 * - `1. ` (any number): numbered list starting at that number, joined to a
 *   numbered list just above when the number continues it;
 * - `- [ ] ` or `[ ] ` (`[x]` for a checked one): task list;
 * - `> `: blockquote;
 * - three backticks: code block;
 * - `---` alone in a paragraph: horizontal rule.
 *
 * Rules do not fire inside code. Backspace right after a shortcut undoes it
 * when the keymap from `buildKeymap` is installed. Throws a TypeError when
 * `schema` lacks the node types these rules create.
 */
export function buildInputRules(schema: Schema): Plugin {
  const types = requireAllmendeTypes(schema, 'buildInputRules');
  return inputRules({
    rules: [
      headingRule(types),
      taskListRule(types),
      wrappingInputRule(/^\s*[-*]\s$/, types.bulletList),
      wrappingInputRule(
        /^(\d{1,9})\.\s$/,
        types.orderedList,
        (match) => ({ order: Number(match[1]) }),
        (match, node) => node.childCount + Number(node.attrs['order']) === Number(match[1]),
      ),
      wrappingInputRule(/^\s*>\s$/, types.blockquote),
      textblockTypeInputRule(/^```$/, types.codeBlock),
      horizontalRuleRule(types),
    ],
  });
}

import { Fragment } from 'prosemirror-model';
import type { Attrs, Node as ProseMirrorNode, NodeType, ResolvedPos, Schema } from 'prosemirror-model';
import {
  liftListItem,
  sinkListItem,
  splitListItem as splitListItemIn,
  wrapInList,
} from 'prosemirror-schema-list';
import { TextSelection } from 'prosemirror-state';
import type { Command, EditorState, Transaction } from 'prosemirror-state';
import { fillEmptyContainers } from './fill-empty.js';
import { LIST_ITEM_NAMES, LIST_NAMES } from './list-nodes.js';

// The commands look their node types up by name in `state.schema` rather
// than closing over `schema`, so they keep working on schemas that extend
// ours (comments, suggestions) with the same names. A schema without the
// named type simply makes the command inapplicable (it returns false), which
// is how ProseMirror commands report "not here".

type ListName = 'bullet_list' | 'ordered_list' | 'task_list';

function nodeType(schema: Schema, name: string): NodeType | undefined {
  return schema.nodes[name];
}

/** The depth of the innermost list item or task item around `$pos`, or -1. */
function itemDepth($pos: ResolvedPos): number {
  for (let depth = $pos.depth; depth > 0; depth--) {
    if (LIST_ITEM_NAMES.includes($pos.node(depth).type.name)) return depth;
  }
  return -1;
}

/** The type of the innermost list item around the selection, or undefined outside lists. */
function itemTypeAtSelection(state: EditorState): NodeType | undefined {
  const depth = itemDepth(state.selection.$from);
  return depth < 0 ? undefined : state.selection.$from.node(depth).type;
}

/** The item type a list holds: `list_item`, or `task_item` for task lists. */
function itemTypeOf(listType: NodeType): NodeType | null {
  return listType.contentMatch.defaultType ?? null;
}

function toggleList(listName: ListName, attrs: Attrs | null): Command {
  return (state, dispatch) => {
    const listType = nodeType(state.schema, listName);
    const itemType = listType && itemTypeOf(listType);
    if (!listType || !itemType) return false;
    const { $from, $to } = state.selection;
    const range = $from.blockRange($to, (node) => LIST_NAMES.includes(node.type.name));
    if (range && range.parent.type === listType) {
      // Already this kind of list: lift the selected items out one level.
      return liftListItem(itemType)(state, dispatch);
    }
    if (range) {
      // In another kind of list: switch the list's kind, keep its items.
      if (dispatch) {
        const listPos = range.$from.before(range.depth);
        const list = range.parent;
        const tr = state.tr;
        if (itemTypeOf(list.type) === itemType) {
          tr.setNodeMarkup(listPos, listType, attrs);
        } else {
          // Bullet or numbered list to task list and back: the items change type too.
          const items: ProseMirrorNode[] = [];
          list.forEach((item) => items.push(itemType.create(itemAttrs(itemType), item.content, item.marks)));
          tr.replaceWith(listPos, listPos + list.nodeSize, listType.create(attrs, Fragment.from(items)));
          tr.setSelection(TextSelection.create(tr.doc, state.selection.anchor, state.selection.head));
        }
        dispatch(tr.scrollIntoView());
      }
      return true;
    }
    return wrapInList(listType, attrs)(state, dispatch);
  };
}

function itemAttrs(itemType: NodeType): Attrs | null {
  return itemType.name === 'task_item' ? { checked: false } : null;
}

/**
 * Toggles a bulleted list: wraps the selected blocks in a bullet list, lifts
 * the selected items out of one level of bullet list, or turns the numbered
 * or task list around the selection into a bullet list.
 */
export const toggleBulletList: Command = toggleList('bullet_list', null);

/**
 * Toggles a numbered list: wraps the selected blocks in an ordered list
 * starting at 1, lifts the selected items out of one level of ordered list,
 * or turns the bullet or task list around the selection into a numbered list.
 */
export const toggleOrderedList: Command = toggleList('ordered_list', { order: 1 });

/**
 * Toggles a task list (a list of items with checkboxes): wraps the selected
 * blocks in a task list with unchecked items, lifts the selected items out of
 * one level of task list, or turns the bullet or numbered list around the
 * selection into a task list.
 */
export const toggleTaskList: Command = toggleList('task_list', null);

/**
 * Checks or unchecks the innermost task item around the cursor. Returns
 * false outside task lists.
 */
export const toggleTaskChecked: Command = (state, dispatch) => {
  const $from = state.selection.$from;
  for (let depth = $from.depth; depth > 0; depth--) {
    const node = $from.node(depth);
    if (node.type.name !== 'task_item') continue;
    if (dispatch) dispatch(state.tr.setNodeAttribute($from.before(depth), 'checked', node.attrs['checked'] !== true));
    return true;
  }
  return false;
};

/**
 * Returns a command that checks or unchecks the task item at `pos` (the
 * position just before it), for a checkbox the editor draws next to it.
 * The command returns false when there is no task item at `pos`, for
 * example because the document changed since the position was read.
 */
export function toggleTaskCheckedAt(pos: number): Command {
  return (state, dispatch) => {
    const node = Number.isInteger(pos) && pos >= 0 && pos < state.doc.content.size ? state.doc.nodeAt(pos) : null;
    if (!node || node.type.name !== 'task_item') return false;
    if (dispatch) dispatch(state.tr.setNodeAttribute(pos, 'checked', node.attrs['checked'] !== true));
    return true;
  };
}

/**
 * Moves the selected list items one level deeper, into a list of the same
 * kind nested in the item before them. Returns false outside lists and for
 * the first item of a list (which has no item to nest into).
 */
export const indentListItem: Command = (state, dispatch) => {
  const itemType = itemTypeAtSelection(state);
  return itemType ? sinkListItem(itemType)(state, dispatch) : false;
};

/**
 * Moves the selected list items one level up: out of a nested list into the
 * enclosing one, or out of a top-level list into plain paragraphs.
 */
export const outdentListItem: Command = (state, dispatch) => {
  const itemType = itemTypeAtSelection(state);
  return itemType ? liftListItem(itemType)(state, dispatch) : false;
};

/**
 * Splits the list item at the cursor (what Enter does in a list); a new
 * task item starts unchecked. In an empty last item of a nested list it
 * moves that item up a level; in an empty item of a top-level list it
 * returns false so that the next Enter binding can lift the item out of the
 * list.
 *
 * Because list items may be empty (see the schema), ProseMirror fills a newly
 * created item with nothing; this command then puts an empty paragraph into
 * it so the cursor has somewhere to go.
 */
export const splitListItem: Command = (state, dispatch) => {
  const itemType = itemTypeAtSelection(state);
  if (!itemType) return false;
  return splitListItemIn(itemType, itemAttrs(itemType) ?? undefined)(
    state,
    dispatch &&
      ((tr: Transaction) => {
        const filled = fillEmptyContainers(tr);
        const first = filled[0];
        if (first !== undefined) tr.setSelection(TextSelection.create(tr.doc, first));
        // prosemirror-schema-list copies the attributes when splitting mid-text; a new task is open.
        const $cursor = tr.selection.$from;
        const depth = itemDepth($cursor);
        if (depth > 0 && $cursor.node(depth).attrs['checked'] === true) tr.setNodeAttribute($cursor.before(depth), 'checked', false);
        dispatch(tr);
      }),
  );
};

/** Tells whether the selection starts inside a list item or task item. */
export function isInList(state: EditorState): boolean {
  return itemDepth(state.selection.$from) >= 0;
}

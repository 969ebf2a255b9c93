import { setBlockType, toggleMark } from 'prosemirror-commands';
import type { Attrs, NodeType, Schema } from 'prosemirror-model';
import {
  liftListItem,
  sinkListItem,
  splitListItem as splitListItemIn,
  wrapInList,
} from 'prosemirror-schema-list';
import { TextSelection } from 'prosemirror-state';
import type { Command, Transaction } from 'prosemirror-state';

// The commands look their node and mark types up by name in `state.schema`
// rather than closing over `schema`, so they keep working on schemas that
// extend ours (comments, suggestions) with the same names. A schema without
// the named type simply makes the command inapplicable (it returns false),
// which is how ProseMirror commands report "not here".

/** The names of the node types that are lists. */
const LIST_NAMES: readonly string[] = ['bullet_list', 'ordered_list'];

function nodeType(schema: Schema, name: string): NodeType | undefined {
  return schema.nodes[name];
}

/**
 * Toggles bold on the selection. With a collapsed cursor it toggles the mark
 * for the text typed next. When only part of the selection is bold, the whole
 * selection becomes bold (as in word processors), so the command agrees with
 * {@link isMarkActive}: it removes the mark exactly when the toolbar shows
 * it as active.
 */
export const toggleBold: Command = (state, dispatch) => {
  const type = state.schema.marks['bold'];
  return type ? toggleMark(type, null, { removeWhenPresent: false })(state, dispatch) : false;
};

/**
 * Toggles italic on the selection, with the same rules as {@link toggleBold}.
 */
export const toggleItalic: Command = (state, dispatch) => {
  const type = state.schema.marks['italic'];
  return type ? toggleMark(type, null, { removeWhenPresent: false })(state, dispatch) : false;
};

/**
 * Turns the textblocks in the selection into paragraphs. Returns false when
 * they already are paragraphs.
 */
export const setParagraph: Command = (state, dispatch) => {
  const type = nodeType(state.schema, 'paragraph');
  return type ? setBlockType(type)(state, dispatch) : false;
};

/**
 * Returns a command that turns the textblocks in the selection into headings
 * of the given level. Throws a RangeError when `level` is not an integer from
 * 1 to 6.
 */
export function setHeading(level: number): Command {
  if (!Number.isInteger(level) || level < 1 || level > 6) {
    throw new RangeError(`setHeading: level must be an integer from 1 to 6, got ${String(level)}.`);
  }
  return (state, dispatch) => {
    const type = nodeType(state.schema, 'heading');
    return type ? setBlockType(type, { level })(state, dispatch) : false;
  };
}

function toggleList(listName: 'bullet_list' | 'ordered_list', attrs: Attrs | null): Command {
  return (state, dispatch) => {
    const listType = nodeType(state.schema, listName);
    const itemType = nodeType(state.schema, 'list_item');
    if (!listType || !itemType) return false;
    const { $from, $to } = state.selection;
    const range = $from.blockRange($to, (node) => LIST_NAMES.includes(node.type.name));
    if (range && range.parent.type === listType) {
      // Already this kind of list: lift the selected items out one level.
      return liftListItem(itemType)(state, dispatch);
    }
    if (range) {
      // In the other kind of list: switch the list's kind, keep its items.
      if (dispatch) {
        const listPos = range.$from.before(range.depth);
        dispatch(state.tr.setNodeMarkup(listPos, listType, attrs).scrollIntoView());
      }
      return true;
    }
    return wrapInList(listType, attrs)(state, dispatch);
  };
}

/**
 * Toggles a bulleted list: wraps the selected blocks in a bullet list, lifts
 * the selected items out of one level of bullet list, or turns the numbered
 * list around the selection into a bullet list.
 */
export const toggleBulletList: Command = toggleList('bullet_list', null);

/**
 * Toggles a numbered list: wraps the selected blocks in an ordered list
 * starting at 1, lifts the selected items out of one level of ordered list,
 * or turns the bullet list around the selection into a numbered list.
 */
export const toggleOrderedList: Command = toggleList('ordered_list', { order: 1 });

/**
 * Moves the selected list items one level deeper, into a list nested in the
 * item before them. Returns false outside lists and for the first item of a
 * list (which has no item to nest into).
 */
export const indentListItem: Command = (state, dispatch) => {
  const itemType = nodeType(state.schema, 'list_item');
  return itemType ? sinkListItem(itemType)(state, dispatch) : false;
};

/**
 * Moves the selected list items one level up: out of a nested list into the
 * enclosing one, or out of a top-level list into plain paragraphs.
 */
export const outdentListItem: Command = (state, dispatch) => {
  const itemType = nodeType(state.schema, 'list_item');
  return itemType ? liftListItem(itemType)(state, dispatch) : false;
};

/**
 * Splits the list item at the cursor (what Enter does in a list). In an empty
 * last item of a nested list it moves that item up a level; in an empty item
 * of a top-level list it returns false so that the next Enter binding can
 * lift the item out of the list.
 *
 * Because list items may be empty (see the schema), ProseMirror fills a newly
 * created item with nothing; this command then puts an empty paragraph into
 * it so the cursor has somewhere to go.
 */
export const splitListItem: Command = (state, dispatch) => {
  const itemType = nodeType(state.schema, 'list_item');
  const paragraphType = nodeType(state.schema, 'paragraph');
  if (!itemType || !paragraphType) return false;
  return splitListItemIn(itemType)(
    state,
    dispatch &&
      ((tr: Transaction) => {
        fillEmptyItem(tr, itemType, paragraphType);
        dispatch(tr);
      }),
  );
};

/** Puts an empty paragraph and the cursor into an empty item the transaction created. */
function fillEmptyItem(tr: Transaction, itemType: NodeType, paragraphType: NodeType): void {
  let from = tr.doc.content.size;
  let to = 0;
  tr.mapping.maps.forEach((map, index) => {
    const later = tr.mapping.slice(index + 1);
    map.forEach((_oldStart, _oldEnd, newStart, newEnd) => {
      from = Math.min(from, later.map(newStart, -1));
      to = Math.max(to, later.map(newEnd, 1));
    });
  });
  let target = -1;
  tr.doc.nodesBetween(from, Math.min(to, tr.doc.content.size), (node, pos) => {
    if (target >= 0) return false;
    if (node.type === itemType && node.childCount === 0 && pos >= from) target = pos;
    return target < 0;
  });
  if (target < 0) return;
  tr.insert(target + 1, paragraphType.create());
  tr.setSelection(TextSelection.create(tr.doc, target + 2));
}

/**
 * Replaces the selection with a line break inside the current textblock
 * (Shift-Enter).
 */
export const insertHardBreak: Command = (state, dispatch) => {
  const type = nodeType(state.schema, 'hard_break');
  if (!type || !state.selection.$from.parent.inlineContent) return false;
  if (dispatch) dispatch(state.tr.replaceSelectionWith(type.create()).scrollIntoView());
  return true;
};

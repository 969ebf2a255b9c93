import type { DOMOutputSpec, Node as ProseMirrorNode, NodeSpec } from 'prosemirror-model';
import type { ParsedElement } from './parsed-element.js';

/** Reads a list start number read from shared data, defaulting to 1. */
function listOrder(node: ProseMirrorNode): number {
  const order = Number(node.attrs['order']);
  return Number.isSafeInteger(order) ? order : 1;
}

/** The names of the list nodes defined in this file. */
export type ListNodeName = 'bullet_list' | 'ordered_list' | 'task_list' | 'list_item' | 'task_item';

/** The names of the list node types. */
export const LIST_NAMES: readonly string[] = ['bullet_list', 'ordered_list', 'task_list'];

/** The names of the list item node types. */
export const LIST_ITEM_NAMES: readonly string[] = ['list_item', 'task_item'];

const checked = (dom: ParsedElement): { checked: boolean } => ({ checked: dom.getAttribute('data-checked') === 'true' });

/**
 * The specs of the three kinds of list and their items. Every list holds
 * `item*` and every item holds `block*`: see the comment at the top of
 * schema.ts for why nothing stricter survives concurrent edits. Task lists
 * have their own item type (with `checked`) rather than a flag on list
 * items, so that a bullet list can never hold a checkbox item and the
 * editor can draw checkboxes from the node type alone.
 */
export const listNodes: Record<ListNodeName, NodeSpec> = {
  bullet_list: {
    content: 'list_item*',
    group: 'block',
    parseDOM: [{ tag: 'ul' }],
    toDOM: (): DOMOutputSpec => ['ul', 0],
  },
  ordered_list: {
    attrs: { order: { default: 1 } },
    content: 'list_item*',
    group: 'block',
    parseDOM: [
      {
        tag: 'ol',
        getAttrs: (dom: ParsedElement) => {
          const start = Number.parseInt(dom.getAttribute('start') ?? '', 10);
          return { order: Number.isSafeInteger(start) ? start : 1 };
        },
      },
    ],
    toDOM: (node): DOMOutputSpec => {
      const order = listOrder(node);
      return order === 1 ? ['ol', 0] : ['ol', { start: String(order) }, 0];
    },
  },
  task_list: {
    content: 'task_item*',
    group: 'block',
    parseDOM: [{ tag: 'ul[data-type="task_list"]', priority: 60 }],
    toDOM: (): DOMOutputSpec => ['ul', { 'data-type': 'task_list' }, 0],
  },
  list_item: {
    content: 'block*',
    defining: true,
    parseDOM: [{ tag: 'li' }],
    toDOM: (): DOMOutputSpec => ['li', 0],
  },
  task_item: {
    attrs: { checked: { default: false } },
    content: 'block*',
    defining: true,
    parseDOM: [
      { tag: 'li[data-type="task_item"]', priority: 60, getAttrs: checked },
      { tag: 'li', context: 'task_list/', priority: 55, getAttrs: checked },
    ],
    toDOM: (node): DOMOutputSpec => [
      'li',
      { 'data-type': 'task_item', 'data-checked': node.attrs['checked'] === true ? 'true' : 'false' },
      0,
    ],
  },
};

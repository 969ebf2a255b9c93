// Shared by the command tests: find text in a document, select it, run a command on the state.
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { EditorState, TextSelection } from 'prosemirror-state';
import type { Command } from 'prosemirror-state';
import { expect } from 'vitest';

/** The document position just before the first occurrence of `text`. */
export function at(node: ProseMirrorNode, text: string): number {
  let found = -1;
  node.descendants((child, pos) => {
    if (found >= 0) return false;
    const index = child.isText ? child.text!.indexOf(text) : -1;
    if (index >= 0) found = pos + index;
    return true;
  });
  if (found < 0) throw new Error(`"${text}" is not in ${node.toString()}`);
  return found;
}

/** A state with the text `from` (and up to the end of `to`) selected. */
export function select(d: ProseMirrorNode, from: string, to?: string): EditorState {
  const anchor = at(d, from);
  const head = to === undefined ? anchor : at(d, to) + to.length;
  return EditorState.create({ doc: d, selection: TextSelection.create(d, anchor, head) });
}

/** Runs `command`, expects it to apply and dispatch, and returns the resulting state. */
export function run(state: EditorState, command: Command): EditorState {
  let next: EditorState | undefined;
  const applied = command(state, (tr) => {
    next = state.apply(tr);
  });
  expect(applied).toBe(true);
  if (!next) throw new Error('the command applied but dispatched nothing');
  return next;
}

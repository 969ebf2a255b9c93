import { activeBlock, isMarkActive } from '@allmende/doc-model';
import type { EditorState } from 'prosemirror-state';
import { redoCommand, undoCommand } from 'y-prosemirror';

/** What the toolbar shows as pressed or available for an editor state. */
export interface FormatState {
  readonly bold: boolean;
  readonly italic: boolean;
  readonly paragraph: boolean;
  /** The shared heading level of the selected blocks, or 0. */
  readonly heading: number;
  readonly bulletList: boolean;
  readonly orderedList: boolean;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
}

/** The state of a toolbar with nothing selected and nothing to undo. */
export const EMPTY_FORMAT_STATE: FormatState = Object.freeze({
  bold: false,
  italic: false,
  paragraph: false,
  heading: 0,
  bulletList: false,
  orderedList: false,
  canUndo: false,
  canRedo: false,
});

/** Reads the toolbar state from an editor state with y-prosemirror's undo plugin. */
export function formatState(state: EditorState): FormatState {
  const block = activeBlock(state);
  return {
    bold: isMarkActive(state, 'bold'),
    italic: isMarkActive(state, 'italic'),
    paragraph: block.type === 'paragraph',
    heading: block.type === 'heading' ? (block.level ?? 0) : 0,
    bulletList: block.list === 'bullet_list',
    orderedList: block.list === 'ordered_list',
    // Without a dispatch function these commands only ask whether they could run.
    canUndo: undoCommand(state) === true,
    canRedo: redoCommand(state) === true,
  };
}

/** Tells whether two toolbar states show the same. */
export function sameFormatState(a: FormatState, b: FormatState): boolean {
  return (Object.keys(a) as Array<keyof FormatState>).every((key) => a[key] === b[key]);
}

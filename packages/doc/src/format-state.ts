import {
  activeBlock,
  activeMarks,
  decreaseIndent,
  increaseIndent,
  insertPageBreak,
  insertTable,
  mergeTableCells,
  splitTableCell,
  toggleBold,
} from '@allmende/doc-model';
import type { ActiveBlock, ActiveMarks } from '@allmende/doc-model';
import { NodeSelection } from 'prosemirror-state';
import type { EditorState } from 'prosemirror-state';
import { redoCommand, undoCommand } from 'y-prosemirror';

/** What the toolbar shows as pressed, chosen or available for an editor state. */
export interface FormatState {
  readonly marks: ActiveMarks;
  readonly block: ActiveBlock;
  /** Whether marks can be applied here (not in a code block). */
  readonly canFormat: boolean;
  readonly canIndent: boolean;
  readonly canOutdent: boolean;
  /** Whether a table can be inserted here (not inside a table). */
  readonly canInsertTable: boolean;
  readonly canPageBreak: boolean;
  readonly canMerge: boolean;
  readonly canSplit: boolean;
  /** The alternative text of the selected image, or null when no image is selected. */
  readonly imageAlt: string | null;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
}

const NO_MARKS: ActiveMarks = Object.freeze({
  bold: false,
  italic: false,
  underline: false,
  strikethrough: false,
  superscript: false,
  subscript: false,
  code: false,
  textColor: null,
  highlight: null,
  link: null,
});

const NO_BLOCK: ActiveBlock = Object.freeze({
  type: null,
  level: null,
  list: null,
  align: null,
  indent: null,
  language: null,
  checked: null,
  blockquote: false,
  inTable: false,
});

/** The state of a toolbar with nothing selected and nothing to undo. */
export const EMPTY_FORMAT_STATE: FormatState = Object.freeze({
  marks: NO_MARKS,
  block: NO_BLOCK,
  canFormat: false,
  canIndent: false,
  canOutdent: false,
  canInsertTable: false,
  canPageBreak: false,
  canMerge: false,
  canSplit: false,
  imageAlt: null,
  canUndo: false,
  canRedo: false,
});

const insertSmallTable = insertTable(1, 1);

/** Reads the toolbar state from an editor state with y-prosemirror's undo plugin. */
export function formatState(state: EditorState): FormatState {
  const block = activeBlock(state);
  const selection = state.selection;
  const image = selection instanceof NodeSelection && selection.node.type.name === 'image' ? selection.node : null;
  // Without a dispatch function, commands only tell whether they could run.
  return {
    marks: activeMarks(state),
    block,
    canFormat: toggleBold(state),
    canIndent: increaseIndent(state),
    canOutdent: decreaseIndent(state),
    canInsertTable: insertSmallTable(state),
    canPageBreak: insertPageBreak(state),
    canMerge: block.inTable && mergeTableCells(state),
    canSplit: block.inTable && splitTableCell(state),
    imageAlt: image ? String(image.attrs['alt'] ?? '') : null,
    canUndo: undoCommand(state) === true,
    canRedo: redoCommand(state) === true,
  };
}

function shallowEqual(a: object, b: object): boolean {
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  return Object.keys(left).every((key) => left[key] === right[key]);
}

/** Tells whether two toolbar states show the same, so the toolbar need not render again. */
export function sameFormatState(a: FormatState, b: FormatState): boolean {
  const { marks: aMarks, block: aBlock, ...aRest } = a;
  const { marks: bMarks, block: bBlock, ...bRest } = b;
  return (
    shallowEqual(aRest, bRest) &&
    shallowEqual(aBlock, bBlock) &&
    shallowEqual({ ...aMarks, link: null }, { ...bMarks, link: null }) &&
    aMarks.link?.href === bMarks.link?.href &&
    aMarks.link?.title === bMarks.link?.title
  );
}

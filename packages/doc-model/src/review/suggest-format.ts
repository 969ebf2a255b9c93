import type { Mark, Node as ProseMirrorNode } from 'prosemirror-model';
import type { EditorState, Transaction } from 'prosemirror-state';
import { AddMarkStep, RemoveMarkStep } from 'prosemirror-transform';
import type { Step } from 'prosemirror-transform';
import { isHexColor } from '../color.js';
import { FORMAT_CHANGE, decodeFormatting, encodeFormatting, formatChangeOf, formattingMarks, isFormattingType, sameFormatting } from './format-changes.js';
import { suggestionAttrsOf } from './suggestion-marks.js';

/** The user whose formatting becomes a suggestion, and the clock and ids for new suggestions. */
export interface FormatSuggestionContext {
  readonly user: { readonly id: string; readonly name: string; readonly color: string };
  readonly now: number;
  readonly newId: () => string;
}

/** A step of the edit, and whether it is the user's own (not appended by another plugin). */
export interface FormatStepRecord {
  readonly step: Step;
  readonly own: boolean;
}

/** Whether a step adds or removes a formatting mark on text (toggling bold, setting a colour, a link). */
export function changesFormatting(step: Step): boolean {
  return (step instanceof AddMarkStep || step instanceof RemoveMarkStep) && isFormattingType(step.mark.type);
}

/** Whether a step leaves every position where it was (mark and attribute steps). */
function keepsPositions(step: Step): boolean {
  let moves = false;
  step.getMap().forEach(() => (moves = true));
  return !moves;
}

/** The ranges of the steps, sorted, with overlapping and touching ones joined. */
function mergedRanges(steps: readonly { from: number; to: number }[]): { from: number; to: number }[] {
  const sorted = steps.map(({ from, to }) => ({ from, to })).sort((a, b) => a.from - b.from);
  const out: { from: number; to: number }[] = [];
  for (const range of sorted) {
    const last = out[out.length - 1];
    if (last && range.from <= last.to) last.to = Math.max(last.to, range.to);
    else out.push(range);
  }
  return out;
}

/**
 * Turns the user's formatting of text in suggest mode into `format_change`
 * marks: the text keeps its new formatting (so everyone sees what is
 * proposed) and remembers the formatting it had before, for rejecting. Text
 * that already carries a format suggestion keeps the `before` of the first
 * one, so rejecting always restores the formatting before any suggestion;
 * text whose formatting is back to that `before` loses the mark. The user's
 * own suggested insertions are formatted directly (they are proposals
 * already). Returns null when the edit formats nothing or also moves text.
 */
export function suggestFormatting(steps: readonly FormatStepRecord[], oldState: EditorState, newState: EditorState, context: FormatSuggestionContext): Transaction | null {
  if (!steps.every((record) => keepsPositions(record.step))) return null;
  const ranges = mergedRanges(steps.filter((record) => record.own && changesFormatting(record.step)).map(({ step }) => step as AddMarkStep | RemoveMarkStep));
  if (ranges.length === 0) return null;
  const schema = newState.schema;
  const formatChange = schema.marks[FORMAT_CHANGE]!;
  const insertion = schema.marks['insertion']!;
  const ownId = (mark: Mark | undefined): string | null => (mark && suggestionAttrsOf(mark).authorId === context.user.id ? suggestionAttrsOf(mark).id : null);

  // Pieces of text with the same formatting before and after the edit (positions are equal in both documents).
  // Only the ranges the edit formatted: text between two of them (cells of a table selection) is left alone.
  const pieces: { from: number; to: number; node: ProseMirrorNode; before: readonly Mark[] }[] = [];
  for (const { from, to } of ranges) {
    newState.doc.nodesBetween(from, to, (node, pos) => {
      if (!node.isInline) return true;
      const start = Math.max(from, pos);
      const end = Math.min(to, pos + node.nodeSize);
      if (ownId(insertion.isInSet(node.marks)) !== null) return false;
      oldState.doc.nodesBetween(start, end, (old, oldPos) => {
        if (!old.isInline) return true;
        pieces.push({ from: Math.max(start, oldPos), to: Math.min(end, oldPos + old.nodeSize), node, before: old.marks });
        return false;
      });
      return false;
    });
  }
  if (pieces.length === 0) return null;

  // One suggestion per edit: this user's format suggestion in the range gives its id, else a new one.
  const id = pieces.map((piece) => ownId(formatChangeOf(piece.node))).find((value) => value !== null) ?? context.newId();
  const attrs = {
    id,
    authorId: context.user.id,
    authorName: context.user.name,
    color: isHexColor(context.user.color) ? context.user.color : '#6b7280',
    time: context.now,
  };
  const tr = newState.tr;
  for (const piece of pieces) {
    const existing = formatChangeOf(piece.node);
    const before = existing ? decodeFormatting(schema, existing.attrs['before']) : formattingMarks(piece.before);
    if (sameFormatting(before, piece.node.marks)) {
      if (existing) tr.removeMark(piece.from, piece.to, formatChange);
    } else {
      tr.addMark(piece.from, piece.to, formatChange.create({ ...attrs, before: encodeFormatting(before) }));
    }
  }
  return tr.docChanged ? tr : null;
}

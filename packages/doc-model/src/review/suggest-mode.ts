import type { Slice } from 'prosemirror-model';
import type { Mark, MarkType, Node as ProseMirrorNode } from 'prosemirror-model';
import { Plugin, PluginKey, Selection, TextSelection } from 'prosemirror-state';
import type { Command, EditorState, Transaction } from 'prosemirror-state';
import { Mapping, ReplaceStep } from 'prosemirror-transform';
import type { Step } from 'prosemirror-transform';
import { ySyncPluginKey } from 'y-prosemirror';
import { isHexColor } from '../color.js';
import { randomId } from './random-id.js';
import { suggestFormatting } from './suggest-format.js';
import { suggestionAttrsOf } from './suggestion-marks.js';
import type { SuggestionAttrs } from './suggestion-marks.js';
import { SUGGESTION_DIRECT } from './suggestions.js';

/** Who is suggesting: the user id, the display name and the `#rrggbb` colour the suggestions are drawn in. */
export interface SuggestionAuthor {
  readonly id: string;
  readonly name: string;
  readonly color: string;
}

/** Options of {@link suggestModePlugin}. */
export interface SuggestModeOptions {
  /** The current user, read for every edit (the name may change while editing). */
  readonly user: () => SuggestionAuthor;
  /** The clock, in ms since 1970; `Date.now` by default. */
  readonly now?: () => number;
  /** New suggestion ids; random by default. */
  readonly newId?: () => string;
}

interface SuggestModeState {
  readonly enabled: boolean;
}

/** The plugin key of suggest mode; its state says whether it is on. */
export const suggestModeKey = new PluginKey<SuggestModeState>('allmende-suggest-mode');

/** Whether suggest mode is on in this state (false when the plugin is not installed). */
export function isSuggestMode(state: EditorState): boolean {
  return suggestModeKey.getState(state)?.enabled ?? false;
}

/** Turns suggest mode on or off; does nothing (returns false) when the plugin is not installed. */
export function setSuggestMode(enabled: boolean): Command {
  return (state, dispatch) => {
    if (!suggestModeKey.getState(state)) return false;
    dispatch?.(state.tr.setMeta(suggestModeKey, { enabled }).setMeta('addToHistory', false));
    return true;
  };
}

/** One step of the edit being turned into a suggestion, with the document it applied to. */
interface StepRecord {
  readonly step: Step;
  readonly doc: ProseMirrorNode;
  /** Whether this step is the user's own edit (and not one another plugin appended). */
  readonly own: boolean;
}

/**
 * Suggest mode (no DOM): while on, the user's edits become suggestions
 * instead of changes. The plugin rewrites each local edit in
 * `appendTransaction`: it takes the edit back and redoes it so that
 *
 * - inserted text (typed, pasted, dropped) carries an `insertion` mark with
 *   this user, and goes after any text the same edit proposes to delete;
 * - deleted text stays, with a `deletion` mark, unless it is this user's own
 *   suggested insertion, which really goes (as in Word and Google Docs);
 * - Backspace and Delete step over text already marked for deletion and mark
 *   the next character instead, and the cursor ends on the far side of what
 *   was marked, so repeated Backspace keeps going;
 * - text typed next to this user's own suggestion joins it (same id), so a
 *   word typed or deleted letter by letter is one suggestion, and typing over
 *   a selection is one replacement (the deletion and insertion share an id).
 *
 * Formatting text (bold, colours, links …) applies the new formatting and
 * marks the text with a `format_change` suggestion that remembers the old
 * formatting (see suggest-format.ts); an edit that formats and moves text in
 * one transaction formats directly. Edits that move no text but change
 * structure (Enter splitting a block, Backspace joining two, lists, tables,
 * block types) are applied as ordinary edits: suggesting those cleanly is not
 * done here (see the README). Enter therefore never loses text. Remote changes, undo and
 * redo, and transactions with the `SUGGESTION_DIRECT` meta (accept, reject)
 * pass unchanged.
 */
export function suggestModePlugin(options: SuggestModeOptions): Plugin<SuggestModeState> {
  const now = options.now ?? Date.now;
  const newId = options.newId ?? randomId;
  return new Plugin<SuggestModeState>({
    key: suggestModeKey,
    state: {
      init: () => ({ enabled: false }),
      apply: (tr, value) => {
        const meta = tr.getMeta(suggestModeKey) as { enabled?: unknown } | undefined;
        return typeof meta?.enabled === 'boolean' ? { enabled: meta.enabled } : value;
      },
    },
    appendTransaction(transactions, oldState, newState) {
      if (!isSuggestMode(oldState) || !isSuggestMode(newState)) return null;
      if (!transactions.some((tr) => tr.docChanged)) return null;
      if (transactions.some((tr) => passesUnchanged(tr))) return null;
      const user = options.user();
      if (typeof user?.id !== 'string' || user.id === '') return null;
      const steps: StepRecord[] = transactions.flatMap((tr) =>
        tr.steps.map((step, index) => ({ step, doc: tr.docs[index]!, own: tr.getMeta('appendedTransaction') === undefined })),
      );
      if (!steps.some((record) => record.own && movesText(record))) return suggestFormatting(steps, oldState, newState, { user, now: now(), newId });
      return rewrite(steps, oldState, newState, { user, now: now(), newId });
    },
  });
}

function passesUnchanged(tr: Transaction): boolean {
  if (tr.getMeta(SUGGESTION_DIRECT) === true) return true;
  const sync = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined;
  return sync?.isChangeOrigin === true;
}

/** Whether a step deletes or inserts inline content (text, images, line breaks). */
function movesText({ step, doc }: StepRecord): boolean {
  if (!(step instanceof ReplaceStep)) return false;
  return hasInline(doc.slice(step.from, step.to)) || hasInline(step.slice);
}

function hasInline(slice: Slice): boolean {
  let found = false;
  slice.content.descendants((node) => {
    if (node.isInline) found = true;
    return !found;
  });
  return found;
}

interface RewriteContext {
  readonly user: SuggestionAuthor;
  readonly now: number;
  readonly newId: () => string;
}

function rewrite(steps: readonly StepRecord[], oldState: EditorState, newState: EditorState, context: RewriteContext): Transaction {
  const tr = newState.tr;
  // Back to the document before the edit, then forwards again, suggestion by suggestion.
  for (let index = steps.length - 1; index >= 0; index--) tr.step(steps[index]!.step.invert(steps[index]!.doc));
  // Maps positions of the original edit's intermediate documents to this transaction's document.
  let mapping = new Mapping();
  let cursor: { pos: number; steps: number } | null = null;
  for (const record of steps) {
    const from = tr.steps.length;
    if (record.own && movesText(record)) {
      cursor = { pos: suggest(tr, record.step as ReplaceStep, mapping, oldState, context), steps: tr.steps.length };
    } else {
      const mapped = record.step.map(mapping);
      if (mapped) tr.maybeStep(mapped);
    }
    const next = new Mapping();
    next.appendMap(record.step.getMap().invert());
    next.appendMapping(mapping);
    for (let index = from; index < tr.steps.length; index++) next.appendMap(tr.steps[index]!.getMap());
    mapping = next;
  }
  if (cursor !== null) {
    const pos = Math.max(0, Math.min(tr.doc.content.size, tr.mapping.slice(cursor.steps).map(cursor.pos)));
    const $pos = tr.doc.resolve(pos);
    tr.setSelection($pos.parent.inlineContent ? TextSelection.create(tr.doc, pos) : Selection.near($pos));
  }
  return tr.setMeta(SUGGESTION_DIRECT, true);
}

/** The suggestion marks of an inline node, if any. */
function suggestionMark(node: ProseMirrorNode | null | undefined, type: MarkType): Mark | undefined {
  return node?.marks.find((mark) => mark.type === type);
}

const isOwn = (mark: Mark | undefined, user: SuggestionAuthor): boolean => mark !== undefined && suggestionAttrsOf(mark).authorId === user.id;

/**
 * Redoes one replace step as a suggestion at its place in `tr`; returns
 * where the cursor goes (in `tr.doc` as it is when this returns).
 */
function suggest(tr: Transaction, step: ReplaceStep, mapping: Mapping, oldState: EditorState, context: RewriteContext): number {
  const schema = tr.doc.type.schema;
  const insertion = schema.marks['insertion']!;
  const deletion = schema.marks['deletion']!;
  let from = mapping.map(step.from, 1);
  let to = Math.max(from, mapping.map(step.to, -1));
  const collapsed = oldState.selection.empty;
  const backward = collapsed && oldState.selection.head === step.to && step.to > step.from;
  const forward = collapsed && !backward && step.to > step.from;

  // Backspace or Delete on text already marked for deletion: step over it and take the next character.
  if (step.slice.size === 0 && collapsed && step.to - step.from === 1 && !hasUnmarked(tr.doc, from, to, deletion)) {
    const next = backward ? previousUnmarked(tr.doc, from, deletion) : nextUnmarked(tr.doc, to, deletion);
    if (next === null) return backward ? from : to;
    [from, to] = next;
  }

  // The attributes the new marks take: this user's adjacent suggestion's, so that typing or deleting on joins it.
  const $from = tr.doc.resolve(from);
  const $to = tr.doc.resolve(to);
  const neighbour =
    [suggestionMark($from.nodeBefore, deletion), suggestionMark($to.nodeAfter, deletion), suggestionMark($from.nodeBefore, insertion), suggestionMark($to.nodeAfter, insertion), suggestionMark($to.nodeBefore, deletion)].find((mark) =>
      isOwn(mark, context.user),
    );
  const attrs: SuggestionAttrs = neighbour
    ? suggestionAttrsOf(neighbour)
    : {
        id: context.newId(),
        authorId: context.user.id,
        authorName: context.user.name,
        color: isHexColor(context.user.color) ? context.user.color : '#6b7280',
        time: context.now,
      };

  // Mark what would be deleted; this user's own suggested insertions really go.
  const ownInsertions: [number, number][] = [];
  tr.doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isInline) return true;
    const start = Math.max(from, pos);
    const end = Math.min(to, pos + node.nodeSize);
    if (isOwn(suggestionMark(node, insertion), context.user)) ownInsertions.push([start, end]);
    else if (!suggestionMark(node, deletion)) tr.addMark(start, end, deletion.create(attrs));
    return false;
  });
  const marked = tr.steps.length;
  for (const [start, end] of ownInsertions.reverse()) tr.delete(start, end);
  const afterMarking = tr.mapping.slice(marked);
  from = afterMarking.map(from, -1);
  to = afterMarking.map(to, 1);

  if (step.slice.size === 0) return backward ? from : forward ? to : from;
  // The inserted content goes after the text marked for deletion, and carries the insertion mark.
  const before = tr.steps.length;
  tr.replace(to, to, step.slice);
  let insertedFrom = to;
  let insertedTo = to;
  for (let index = before; index < tr.steps.length; index++) {
    tr.steps[index]!.getMap().forEach((_oldStart, _oldEnd, newStart, newEnd) => {
      insertedFrom = Math.min(tr.mapping.slice(index + 1).map(newStart, -1), insertedFrom);
      insertedTo = Math.max(tr.mapping.slice(index + 1).map(newEnd, 1), insertedTo);
    });
  }
  if (insertedTo > insertedFrom) tr.addMark(insertedFrom, insertedTo, insertion.create(attrs));
  return insertedTo;
}

function hasUnmarked(doc: ProseMirrorNode, from: number, to: number, deletion: MarkType): boolean {
  let found = false;
  doc.nodesBetween(from, to, (node) => {
    if (node.isInline && !suggestionMark(node, deletion)) found = true;
    return !found;
  });
  return found;
}

/** The character before `pos` in its textblock that is not marked for deletion, skipping marked ones. */
function previousUnmarked(doc: ProseMirrorNode, pos: number, deletion: MarkType): [number, number] | null {
  const $pos = doc.resolve(pos);
  const start = $pos.start();
  for (let at = pos; at > start; ) {
    const node = doc.resolve(at).nodeBefore;
    if (!node) return null;
    if (!suggestionMark(node, deletion)) return node.isText ? [at - 1, at] : [at - node.nodeSize, at];
    at -= node.nodeSize;
  }
  return null;
}

/** The character after `pos` in its textblock that is not marked for deletion, skipping marked ones. */
function nextUnmarked(doc: ProseMirrorNode, pos: number, deletion: MarkType): [number, number] | null {
  const $pos = doc.resolve(pos);
  const end = $pos.end();
  for (let at = pos; at < end; ) {
    const node = doc.resolve(at).nodeAfter;
    if (!node) return null;
    if (!suggestionMark(node, deletion)) return node.isText ? [at, at + 1] : [at, at + node.nodeSize];
    at += node.nodeSize;
  }
  return null;
}

/** The length of the character before or after a position in its textblock (2 for a surrogate pair), 0 at the edge. */
function characterLength(state: EditorState, forward: boolean): number {
  const $head = state.selection.$head;
  if (!$head.parent.inlineContent) return 0;
  const node = forward ? $head.nodeAfter : $head.nodeBefore;
  if (!node) return 0;
  if (!node.isText) return node.nodeSize;
  const text = node.text ?? '';
  const unit = forward ? text.charCodeAt(0) : text.charCodeAt(text.length - 1);
  const surrogate = forward ? unit >= 0xd800 && unit <= 0xdbff : unit >= 0xdc00 && unit <= 0xdfff;
  return surrogate && text.length > 1 ? 2 : 1;
}

function deleteCharacter(forward: boolean): Command {
  return (state, dispatch) => {
    if (!isSuggestMode(state) || !state.selection.empty) return false;
    const length = characterLength(state, forward);
    if (length === 0) return false;
    const head = state.selection.head;
    dispatch?.(forward ? state.tr.delete(head, head + length) : state.tr.delete(head - length, head));
    return true;
  };
}

/**
 * Backspace inside text in suggest mode: deletes the character before the
 * cursor as a transaction, which suggest mode turns into a deletion mark
 * (instead of leaving the key to the browser, whose DOM change would be read
 * back the same way, less predictably). Does nothing (false) outside suggest
 * mode, with a selection, or at the start of a block, so the usual bindings
 * run then.
 */
export const suggestBackspace: Command = deleteCharacter(false);

/** Delete inside text in suggest mode; see {@link suggestBackspace}. */
export const suggestDelete: Command = deleteCharacter(true);

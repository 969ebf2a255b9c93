import { toggleMark } from 'prosemirror-commands';
import type { Attrs, Mark, MarkType, Node as ProseMirrorNode, ResolvedPos } from 'prosemirror-model';
import { TextSelection } from 'prosemirror-state';
import type { Command, EditorState, SelectionRange, Transaction } from 'prosemirror-state';
import { isHexColor } from './color.js';
import { safeLinkHref } from './link-href.js';
import { isMarkActive } from './selection-state.js';

// Like the other commands, these look their mark types up by name in
// `state.schema`, so they work on schemas that extend this one.

/**
 * A toggle for the named mark. When only part of the selection has the mark,
 * the whole selection gets it (as in word processors), so the command agrees
 * with `isMarkActive`: it removes the mark exactly when the toolbar shows it
 * as active.
 */
function toggle(name: string): Command {
  return (state, dispatch) => {
    const type = state.schema.marks[name];
    return type ? toggleMark(type, null, { removeWhenPresent: false })(state, dispatch) : false;
  };
}

/**
 * Toggles bold on the selection. With a collapsed cursor it toggles the mark
 * for the text typed next. When only part of the selection is bold, the whole
 * selection becomes bold (as in word processors), so the command agrees with
 * {@link isMarkActive}: it removes the mark exactly when the toolbar shows
 * it as active.
 */
export const toggleBold: Command = toggle('bold');

/** Toggles italic on the selection, with the same rules as {@link toggleBold}. */
export const toggleItalic: Command = toggle('italic');

/** Toggles underline on the selection, with the same rules as {@link toggleBold}. */
export const toggleUnderline: Command = toggle('underline');

/** Toggles strikethrough on the selection, with the same rules as {@link toggleBold}. */
export const toggleStrikethrough: Command = toggle('strikethrough');

/**
 * A toggle for one of two marks that exclude each other in the editor
 * (superscript and subscript): applying `name` also removes `other` from the
 * selection, or from the marks for the text typed next. The schema itself
 * lets them coexist, because concurrent edits can merge them (see marks.ts).
 */
function toggleExclusive(name: string, other: string): Command {
  return (state, dispatch) => {
    const type = state.schema.marks[name];
    const otherType = state.schema.marks[other];
    if (!type) return false;
    const adding = !isMarkActive(state, type);
    return toggle(name)(
      state,
      dispatch &&
        ((tr: Transaction) => {
          if (adding && otherType) {
            if (tr.selection.empty) tr.removeStoredMark(otherType);
            else for (const { $from, $to } of tr.selection.ranges) tr.removeMark($from.pos, $to.pos, otherType);
          }
          dispatch(tr);
        }),
    );
  };
}

/**
 * Toggles superscript on the selection, with the same rules as
 * {@link toggleBold}. Applying it removes subscript.
 */
export const toggleSuperscript: Command = toggleExclusive('superscript', 'subscript');

/**
 * Toggles subscript on the selection, with the same rules as
 * {@link toggleBold}. Applying it removes superscript.
 */
export const toggleSubscript: Command = toggleExclusive('subscript', 'superscript');

/** Toggles inline code on the selection, with the same rules as {@link toggleBold}. */
export const toggleCode: Command = toggle('code');

/** Tells whether the mark can be added somewhere in the ranges (not in code blocks, for example). */
function markApplies(doc: ProseMirrorNode, ranges: readonly SelectionRange[], type: MarkType): boolean {
  return ranges.some(({ $from, $to }) => {
    let applies = $from.depth === 0 && doc.inlineContent && doc.type.allowsMarkType(type);
    doc.nodesBetween($from.pos, $to.pos, (node) => {
      if (applies) return false;
      applies = node.inlineContent && node.type.allowsMarkType(type);
      return true;
    });
    return applies;
  });
}

/**
 * A command that sets the named mark with `attrs` on the selection,
 * replacing the same mark with other attributes, or removes the mark when
 * `attrs` is null. At a collapsed cursor it sets the mark for the text
 * typed next.
 */
function setMark(name: string, attrs: Attrs | null): Command {
  return (state, dispatch) => {
    const type = state.schema.marks[name];
    if (!type) return false;
    const { selection } = state;
    const $cursor = selection instanceof TextSelection ? selection.$cursor : null;
    if ($cursor) {
      if (!$cursor.parent.type.allowsMarkType(type)) return false;
      if (dispatch) {
        const marks = state.storedMarks ?? $cursor.marks();
        dispatch(state.tr.setStoredMarks(attrs ? type.create(attrs).addToSet(marks) : type.removeFromSet(marks)));
      }
      return true;
    }
    if (!markApplies(state.doc, selection.ranges, type)) return false;
    if (dispatch) {
      const tr = state.tr;
      for (const { $from, $to } of selection.ranges) {
        if (attrs) tr.addMark($from.pos, $to.pos, type.create(attrs));
        else tr.removeMark($from.pos, $to.pos, type);
      }
      dispatch(tr.scrollIntoView());
    }
    return true;
  };
}

function checkColor(caller: string, color: string | null): string | null {
  if (color === null) return null;
  if (!isHexColor(color)) {
    throw new RangeError(`${caller}: the colour must be "#rrggbb" with six hexadecimal digits or null, got ${JSON.stringify(color)}.`);
  }
  return color.toLowerCase();
}

/**
 * Returns a command that colours the selected text (or the text typed next)
 * with `color`, given as `#rrggbb`, or removes the colour when `color` is
 * null. Throws a RangeError for any other colour notation.
 */
export function setTextColor(color: string | null): Command {
  const checked = checkColor('setTextColor', color);
  return setMark('text_color', checked === null ? null : { color: checked });
}

/**
 * Returns a command that highlights the selected text (or the text typed
 * next) with the background colour `color`, given as `#rrggbb`, or removes
 * the highlight when `color` is null. Throws a RangeError for any other
 * colour notation.
 */
export function setHighlight(color: string | null): Command {
  const checked = checkColor('setHighlight', color);
  return setMark('highlight', checked === null ? null : { color: checked });
}

/**
 * The range of the run of text around `$pos` (in its textblock) that carries
 * a mark of `type`, with that mark; prefers the text after `$pos`.
 */
function markRangeAround($pos: ResolvedPos, type: MarkType): { from: number; to: number; mark: Mark } | null {
  const mark = type.isInSet($pos.nodeAfter?.marks ?? []) ?? type.isInSet($pos.nodeBefore?.marks ?? []);
  if (!mark) return null;
  const start = $pos.start();
  let from = -1;
  let found: { from: number; to: number; mark: Mark } | null = null;
  $pos.parent.forEach((child, offset) => {
    if (found) return;
    const childFrom = start + offset;
    if (mark.isInSet(child.marks)) {
      if (from < 0) from = childFrom;
      return;
    }
    if (from >= 0 && from <= $pos.pos && childFrom >= $pos.pos) found = { from, to: childFrom, mark };
    from = -1;
  });
  if (!found && from >= 0 && from <= $pos.pos) found = { from, to: $pos.end(), mark };
  return found;
}

/**
 * Returns a command that links the selected text to `href`, with an
 * optional `title`. With a collapsed cursor inside a link it changes that
 * link's target; elsewhere it inserts `href` itself (without `mailto:`) as
 * linked text. Only `http:`, `https:` (with a host) and `mailto:` targets are
 * allowed: any other `href`, including relative URLs, throws a RangeError,
 * so the caller can tell the user instead of storing a link that would be
 * removed.
 */
export function setLink(href: string, title: string | null = null): Command {
  const safe = safeLinkHref(href);
  if (safe === null) {
    throw new RangeError(
      `setLink: ${JSON.stringify(href)} is not an absolute http:, https: or mailto: URL; other schemes and relative links are not allowed.`,
    );
  }
  if (title !== null && typeof title !== 'string') throw new TypeError('setLink: the title must be a string or null.');
  const attrs = { href: safe, title: title || null };
  return (state, dispatch) => {
    const type = state.schema.marks['link'];
    if (!type) return false;
    const { selection } = state;
    const $cursor = selection instanceof TextSelection ? selection.$cursor : null;
    if ($cursor) {
      if (!$cursor.parent.type.allowsMarkType(type)) return false;
      const range = markRangeAround($cursor, type);
      if (dispatch) {
        const tr = state.tr;
        if (range) {
          tr.addMark(range.from, range.to, type.create(attrs));
        } else {
          const text = safe.startsWith('mailto:') ? safe.slice('mailto:'.length) : safe;
          const marks = type.create(attrs).addToSet(state.storedMarks ?? $cursor.marks());
          tr.insert($cursor.pos, state.schema.text(text, marks));
        }
        dispatch(tr.scrollIntoView());
      }
      return true;
    }
    return setMark('link', attrs)(state, dispatch);
  };
}

/**
 * Removes links from the selection, or, at a collapsed cursor, the whole
 * link around the cursor. Returns false when there is no link to remove.
 */
export const removeLink: Command = (state: EditorState, dispatch) => {
  const type = state.schema.marks['link'];
  if (!type) return false;
  const { selection } = state;
  const $cursor = selection instanceof TextSelection ? selection.$cursor : null;
  if ($cursor) {
    const range = markRangeAround($cursor, type);
    if (!range) return false;
    if (dispatch) dispatch(state.tr.removeMark(range.from, range.to, type).scrollIntoView());
    return true;
  }
  if (!selection.ranges.some(({ $from, $to }) => state.doc.rangeHasMark($from.pos, $to.pos, type))) return false;
  if (dispatch) {
    const tr = state.tr;
    for (const { $from, $to } of selection.ranges) tr.removeMark($from.pos, $to.pos, type);
    dispatch(tr.scrollIntoView());
  }
  return true;
};

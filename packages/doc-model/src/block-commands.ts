import { setBlockType, wrapIn } from 'prosemirror-commands';
import type { NodeType, Schema } from 'prosemirror-model';
import { isInTable } from 'prosemirror-tables';
import { liftTarget } from 'prosemirror-transform';
import type { Command } from 'prosemirror-state';
import { ALIGNMENTS, MAX_INDENT, indentOf, isAlignment } from './block-attrs.js';
import type { Alignment } from './block-attrs.js';
import { codeLanguage, MAX_HEADING_LEVEL } from './block-nodes.js';
import { checkImageDataUrl, MAX_IMAGE_BYTES, safeImageSrc } from './image-source.js';
import { imageWidth } from './inline-nodes.js';
import { canInsert, insertBlock } from './insert-block.js';
import { indentListItem, isInList, outdentListItem } from './list-commands.js';
import { isInListItem, selectedTextblocks } from './selected-textblocks.js';

function nodeType(schema: Schema, name: string): NodeType | undefined {
  return schema.nodes[name];
}

/**
 * Returns a command that gives the textblocks in the selection the outline
 * level `level`: 0 for body text, 1 to 6 for headings.
 *
 * Paragraphs (body text and headings alike) only change their `level`
 * attribute, keeping alignment and indentation: in the shared document that
 * is an attribute change of the same element, so text another user types
 * into the block at the same moment is kept. Code blocks and the `heading`
 * nodes of older documents become paragraphs (line breaks in code become
 * line breaks in the text); they keep their alignment and indentation where
 * they have them. Returns false when every selected textblock already has
 * that level or none can change.
 */
function setTextLevel(level: number): Command {
  return (state, dispatch) => {
    const paragraph = nodeType(state.schema, 'paragraph');
    if (!paragraph) return false;
    const blocks = selectedTextblocks(state).filter(({ node, pos }) => {
      if (node.type === paragraph) return node.attrs['level'] !== level;
      const $pos = state.doc.resolve(pos);
      return $pos.parent.canReplaceWith($pos.index(), $pos.index() + 1, paragraph);
    });
    if (blocks.length === 0) return false;
    if (dispatch) {
      const tr = state.tr;
      for (const { node, pos } of blocks) {
        if (node.type === paragraph) {
          tr.setNodeAttribute(pos, 'level', level);
          continue;
        }
        const at = tr.mapping.map(pos, 1);
        const attrs = {
          level,
          align: node.type.spec.attrs?.['align'] === undefined ? null : (node.attrs['align'] ?? null),
          indent: node.type.spec.attrs?.['indent'] === undefined ? 0 : (node.attrs['indent'] ?? 0),
        };
        tr.setBlockType(at + 1, at + 1, paragraph, attrs);
      }
      dispatch(tr.scrollIntoView());
    }
    return true;
  };
}

/**
 * Turns the textblocks in the selection into body text: headings lose their
 * level (an attribute change, so concurrent typing in them is kept), code
 * blocks become paragraphs. Returns false when they all are body text
 * already.
 */
export const setParagraph: Command = setTextLevel(0);

/**
 * Returns a command that turns the textblocks in the selection into headings
 * of the given level: paragraphs with `level` 1 to 6, keeping their
 * alignment and indentation (see {@link setParagraph}). Throws a RangeError
 * when `level` is not an integer from 1 to 6.
 */
export function setHeading(level: number): Command {
  if (!Number.isInteger(level) || level < 1 || level > MAX_HEADING_LEVEL) {
    throw new RangeError(`setHeading: level must be an integer from 1 to ${MAX_HEADING_LEVEL}, got ${String(level)}.`);
  }
  return setTextLevel(level);
}

/**
 * Returns a command that aligns the paragraphs and headings in the selection
 * `'left'`, `'center'`, `'right'` or `'justify'`; null means the default,
 * left. Returns false when the selection touches no paragraph or heading.
 * Throws a RangeError for any other value.
 */
export function setAlignment(align: Alignment | null): Command {
  if (align !== null && !isAlignment(align)) {
    throw new RangeError(`setAlignment: expected one of ${ALIGNMENTS.join(', ')} or null, got ${JSON.stringify(align)}.`);
  }
  const stored = align === 'left' ? null : align;
  return (state, dispatch) => {
    const blocks = selectedTextblocks(state).filter(({ node }) => node.type.spec.attrs?.['align'] !== undefined);
    if (blocks.length === 0) return false;
    if (dispatch) {
      const tr = state.tr;
      for (const { node, pos } of blocks) {
        if ((node.attrs['align'] ?? null) !== stored) tr.setNodeAttribute(pos, 'align', stored);
      }
      dispatch(tr.scrollIntoView());
    }
    return true;
  };
}

/** A command that moves the indentable textblocks outside lists one step. */
function shiftIndent(delta: 1 | -1): Command {
  return (state, dispatch) => {
    const blocks = selectedTextblocks(state).filter(({ node, pos }) => {
      if (node.type.spec.attrs?.['indent'] === undefined || isInListItem(state, pos)) return false;
      const next = indentOf(node) + delta;
      return next >= 0 && next <= MAX_INDENT;
    });
    if (blocks.length === 0) return false;
    if (dispatch) {
      const tr = state.tr;
      for (const { node, pos } of blocks) tr.setNodeAttribute(pos, 'indent', indentOf(node) + delta);
      dispatch(tr.scrollIntoView());
    }
    return true;
  };
}

/**
 * Indents the paragraphs and headings in the selection one step (half an
 * inch), up to 8 steps. Blocks in lists are left alone: lists indent by
 * nesting ({@link indentListItem}). Returns false when nothing can move.
 */
export const indentBlock: Command = shiftIndent(1);

/**
 * Moves the paragraphs and headings in the selection one indentation step
 * back. Returns false when none is indented.
 */
export const outdentBlock: Command = shiftIndent(-1);

/**
 * Increases the indentation as a toolbar button does: nests the list items
 * in a list, indents paragraphs and headings elsewhere.
 */
export const increaseIndent: Command = (state, dispatch) =>
  isInList(state) ? indentListItem(state, dispatch) : indentBlock(state, dispatch);

/**
 * Decreases the indentation as a toolbar button does: lifts list items in a
 * list, outdents paragraphs and headings elsewhere.
 */
export const decreaseIndent: Command = (state, dispatch) =>
  isInList(state) ? outdentListItem(state, dispatch) : outdentBlock(state, dispatch);

/**
 * Wraps the selected blocks in a blockquote, or lifts them out of the
 * innermost blockquote around them.
 */
export const toggleBlockquote: Command = (state, dispatch) => {
  const type = nodeType(state.schema, 'blockquote');
  if (!type) return false;
  const { $from, $to } = state.selection;
  const range = $from.blockRange($to, (node) => node.type === type);
  if (range) {
    const target = liftTarget(range);
    if (target === null) return false;
    if (dispatch) dispatch(state.tr.lift(range, target).scrollIntoView());
    return true;
  }
  return wrapIn(type)(state, dispatch);
};

function checkLanguage(caller: string, language: string | null): string | null {
  if (language === null) return null;
  const checked = codeLanguage(language);
  if (checked === null) {
    throw new RangeError(`${caller}: the language must be a name such as "js" or "c++" (letters, digits, + # . _ -), got ${JSON.stringify(language)}.`);
  }
  return checked;
}

/**
 * Returns a command that turns the selected textblocks into a code block
 * (with an optional `language`, such as `"js"`), or back into paragraphs
 * when they all are code blocks already. Line breaks become newlines and
 * back; marks are removed. Throws a RangeError for a language that is not a
 * plain name.
 */
export function toggleCodeBlock(language: string | null = null): Command {
  const checked = checkLanguage('toggleCodeBlock', language);
  return (state, dispatch) => {
    const codeBlock = nodeType(state.schema, 'code_block');
    const paragraph = nodeType(state.schema, 'paragraph');
    if (!codeBlock || !paragraph) return false;
    const blocks = selectedTextblocks(state);
    const allCode = blocks.length > 0 && blocks.every(({ node }) => node.type === codeBlock);
    return allCode
      ? setBlockType(paragraph)(state, dispatch)
      : setBlockType(codeBlock, { language: checked })(state, dispatch);
  };
}

/**
 * Returns a command that sets the language of the code blocks in the
 * selection (null for none). Returns false outside code blocks. Throws a
 * RangeError for a language that is not a plain name.
 */
export function setCodeBlockLanguage(language: string | null): Command {
  const checked = checkLanguage('setCodeBlockLanguage', language);
  return (state, dispatch) => {
    const blocks = selectedTextblocks(state).filter(({ node }) => node.type.name === 'code_block');
    if (blocks.length === 0) return false;
    if (dispatch) {
      const tr = state.tr;
      for (const { pos } of blocks) tr.setNodeAttribute(pos, 'language', checked);
      dispatch(tr);
    }
    return true;
  };
}

function insertLeafBlock(name: string, allowInTable: boolean): Command {
  return (state, dispatch) => {
    const type = nodeType(state.schema, name);
    if (!type || !canInsert(state, type) || (!allowInTable && isInTable(state))) return false;
    if (dispatch) {
      const inserted = insertBlock(state, type.create());
      if (!inserted) return false;
      dispatch(inserted.tr);
    }
    return true;
  };
}

/**
 * Inserts a horizontal rule in place of the selection, splitting the
 * paragraph at the cursor, and puts the cursor in the block after it.
 */
export const insertHorizontalRule: Command = insertLeafBlock('horizontal_rule', true);

/**
 * Inserts a page break in place of the selection (what Ctrl+Enter does in
 * Word and Google Docs), splitting the paragraph at the cursor, and puts the
 * cursor in the block after it. Returns false inside tables, where a page
 * cannot end.
 */
export const insertPageBreak: Command = insertLeafBlock('page_break', false);

/** What {@link insertImage} inserts. */
export interface ImageAttrs {
  /** A base64 `data:` URL of a PNG, JPEG, GIF or WebP image, or an `http:`/`https:` URL. */
  readonly src: string;
  /** The text alternative, read by screen readers; null or empty for a decorative image. */
  readonly alt?: string | null;
  readonly title?: string | null;
  /** The width in CSS pixels, or null for the image's own width. */
  readonly width?: number | null;
}

/**
 * Returns a command that inserts an image in place of the selection. Throws a
 * RangeError when `src` is neither an image `data:` URL (PNG, JPEG, GIF,
 * WebP) nor an `http:`/`https:` URL, when a `data:` URL holds more than
 * `MAX_IMAGE_BYTES` (check with `checkImageDataUrl` first to tell the user),
 * or when `width` is not a positive integer. Returns false where no inline
 * content is allowed, such as in a code block.
 */
export function insertImage(image: ImageAttrs): Command {
  const src = safeImageSrc(image.src);
  if (src === null) {
    throw new RangeError('insertImage: src must be a base64 data: URL of a PNG, JPEG, GIF or WebP image, or an http(s) URL.');
  }
  if (src.startsWith('data:')) {
    const check = checkImageDataUrl(src);
    if (!check.ok) {
      throw new RangeError(`insertImage: the image has ${String(check.bytes)} bytes, more than MAX_IMAGE_BYTES (${MAX_IMAGE_BYTES}).`);
    }
  }
  const width = image.width ?? null;
  if (width !== null && imageWidth(width) === null) {
    throw new RangeError(`insertImage: width must be a positive integer number of pixels or null, got ${String(width)}.`);
  }
  const attrs = { src, alt: image.alt || null, title: image.title || null, width };
  return (state, dispatch) => {
    const type = nodeType(state.schema, 'image');
    const { $from } = state.selection;
    if (!type || !$from.parent.inlineContent || !$from.parent.canReplaceWith($from.index(), $from.index(), type)) {
      return false;
    }
    if (dispatch) dispatch(state.tr.replaceSelectionWith(type.create(attrs)).scrollIntoView());
    return true;
  };
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

import { Schema } from 'prosemirror-model';
import type { DOMOutputSpec, Fragment, Mark, MarkSpec, Node as ProseMirrorNode, ParseRule } from 'prosemirror-model';
import { suggestionAttrsOf } from '../review/suggestion-marks.js';
import { fragmentToHTML, htmlToDoc } from '../sanitize-html.js';
import type { RemovedImage } from '../sanitize-html.js';
import { schema } from '../schema.js';
import { fileDate, parseFileDate } from './tracked-changes.js';

// HTML and Markdown files are read with the paste sanitizer, but a file
// exported by Allmende carries two things a paste must never bring in:
//
// - pending suggestions, `<ins>`/`<del>` with `data-suggestion`,
//   `data-author` and `datetime` (a paste never makes anyone's suggestion);
// - runs of spaces. HTML collapses white space, so the exporter writes each
//   space HTML would drop (a second space in a row, a space at either end of
//   a paragraph or next to a line break) as a no-break space inside
//   `<span data-spaces>`. Browsers and LibreOffice show those as spaces;
//   the importer turns them back into ordinary spaces. No-break spaces
//   outside such a span are real no-break spaces and stay.
//
// Both are read through a copy of the schema whose suggestion marks have
// parse rules and which has one more mark, `file_spaces`. The result is
// converted to the real schema, so the extra mark never reaches a document.

/** The attribute of the span that holds spaces HTML would collapse. */
export const SPACES_ATTRIBUTE = 'data-spaces';
const SPACES_MARK = 'file_spaces';
const MAX_ID_LENGTH = 64;
const MAX_AUTHOR_LENGTH = 200;

const isControl = (char: string): boolean => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f;

/** Anything but a short printable id becomes "file": ids only group the pieces of one suggestion. */
function cleanId(value: string | null): string {
  const id = (value ?? '').trim();
  return id && id.length <= MAX_ID_LENGTH && ![...id].some(isControl) ? id : 'file';
}

/** A name with control characters (line breaks) as spaces, trimmed and bounded. */
function cleanAuthor(value: string | null): string {
  return [...(value ?? '')]
    .map((char) => (isControl(char) ? ' ' : char))
    .join('')
    .trim()
    .slice(0, MAX_AUTHOR_LENGTH);
}

/** Only the id, author and time are read: a file carries no user id, and colours, classes and styles are never copied. */
function suggestionRule(tag: 'ins' | 'del'): ParseRule {
  return {
    tag: `${tag}[data-suggestion]`,
    priority: 70,
    getAttrs: (dom) => {
      const element = dom as unknown as { getAttribute(name: string): string | null };
      return {
        id: cleanId(element.getAttribute('data-suggestion')),
        authorId: '',
        authorName: cleanAuthor(element.getAttribute('data-author')),
        time: parseFileDate(element.getAttribute('datetime')),
      };
    },
  } as ParseRule;
}

/** What a file writes for a suggestion: kind, id, author and time, and nothing an import could not read back (no colour). */
function suggestionDOM(tag: 'ins' | 'del', mark: Mark): DOMOutputSpec {
  const { id, authorName, time } = suggestionAttrsOf(mark);
  const attrs: Record<string, string> = {
    class: `suggestion suggestion-${tag === 'ins' ? 'insertion' : 'deletion'}`,
    'data-suggestion': id,
  };
  if (authorName) {
    attrs['data-author'] = authorName;
    attrs['title'] = authorName;
  }
  const date = fileDate(time);
  if (date) attrs['datetime'] = date;
  return [tag, attrs, 0];
}

function fileMarks(): Record<string, MarkSpec> {
  const marks: Record<string, MarkSpec> = {};
  schema.spec.marks.forEach((name, spec) => {
    if (name === 'insertion') marks[name] = { ...spec, parseDOM: [suggestionRule('ins')], toDOM: (mark) => suggestionDOM('ins', mark) };
    else if (name === 'deletion') marks[name] = { ...spec, parseDOM: [suggestionRule('del')], toDOM: (mark) => suggestionDOM('del', mark) };
    else marks[name] = spec;
  });
  // Last, so it is the innermost mark: the span holds nothing but the spaces.
  marks[SPACES_MARK] = {
    inclusive: false,
    parseDOM: [{ tag: `span[${SPACES_ATTRIBUTE}]`, priority: 70 }],
    toDOM: (): DOMOutputSpec => ['span', { [SPACES_ATTRIBUTE]: '' }, 0],
  };
  return marks;
}

let cached: Schema | null = null;

/** The schema HTML and Markdown files are read and written with (see the comment at the top of this file). */
function fileSchema(): Schema {
  cached ??= new Schema({ nodes: schema.spec.nodes, marks: fileMarks(), topNode: schema.spec.topNode });
  return cached;
}

/** Characters this module uses as a stand-in while writing Markdown: a noncharacter, never in a file's own text. */
export const KEPT_SPACE = '\ufdd2';

/**
 * For each character of a textblock's inline content (text characters and
 * one entry per other inline node), whether it is a space HTML would drop:
 * a space after a space, at the start, after a line break, at the end, or
 * before a line break.
 */
export function collapsibleSpaces(items: readonly string[]): boolean[] {
  const isBreak = (item: string | undefined): boolean => item === '\n';
  return items.map((item, index) => {
    if (item !== ' ') return false;
    const before = items[index - 1];
    const after = items[index + 1];
    return before === undefined || before === ' ' || isBreak(before) || after === undefined || isBreak(after);
  });
}

/** A textblock with its collapsible spaces as no-break spaces under the spaces mark, in the file schema. */
function keepSpaces(block: ProseMirrorNode, target: Schema): ProseMirrorNode {
  const items: string[] = [];
  block.forEach((child) => {
    if (child.isText) items.push(...(child.text ?? ''));
    else items.push(child.type.name === 'hard_break' ? '\n' : '\ufffc');
  });
  const kept = collapsibleSpaces(items);
  const spacesMark = target.marks[SPACES_MARK]!.create();
  const content: ProseMirrorNode[] = [];
  let index = 0;
  block.forEach((child) => {
    const marks = child.marks.map((mark) => target.mark(mark.type.name, mark.attrs));
    if (!child.isText) {
      content.push(target.nodeFromJSON(child.toJSON()));
      index++;
      return;
    }
    const text = child.text ?? '';
    let start = 0;
    for (let offset = 0; offset <= text.length; offset++) {
      const keep = offset < text.length && kept[index + offset];
      const wasKept = offset > start && kept[index + start];
      if (offset === text.length || keep !== wasKept) {
        if (offset > start) {
          const piece = text.slice(start, offset);
          content.push(wasKept ? target.text('\u00a0'.repeat(piece.length), spacesMark.addToSet(marks)) : target.text(piece, marks));
        }
        start = offset;
      }
    }
    index += text.length;
  });
  return target.node(block.type.name, block.attrs, content, block.marks.map((mark) => target.mark(mark.type.name, mark.attrs)));
}

/** A node of the real schema as a node of the file schema, with the spaces of its textblocks kept. */
function toFileNode(node: ProseMirrorNode, target: Schema): ProseMirrorNode {
  if (node.isTextblock && !node.type.spec.code) return keepSpaces(node, target);
  if (node.isLeaf || node.type.spec.code) return target.nodeFromJSON(node.toJSON());
  const children: ProseMirrorNode[] = [];
  node.forEach((child) => children.push(toFileNode(child, target)));
  return target.node(node.type.name, node.attrs, children, node.marks.map((mark) => target.mark(mark.type.name, mark.attrs)));
}

/**
 * Content as HTML for a file: the schema's own HTML, except that pending
 * suggestions carry their author and time and that spaces HTML would
 * collapse are kept (see the comment at the top of this file).
 */
export function fileFragmentToHTML(fragment: Fragment): string {
  const target = fileSchema();
  const nodes: ProseMirrorNode[] = [];
  fragment.forEach((node) => nodes.push(toFileNode(node, target)));
  return fragmentToHTML(target.node('doc', null, nodes).content, target);
}

type JSONNode = { type: string; text?: string; marks?: { type: string }[]; content?: JSONNode[] } & Record<string, unknown>;

/** A file-schema document's JSON with spaces-mark text turned back into ordinary spaces. */
function restoreSpaces(json: JSONNode): JSONNode {
  if (typeof json.text === 'string' && json.marks?.some((mark) => mark.type === SPACES_MARK)) {
    const marks = json.marks.filter((mark) => mark.type !== SPACES_MARK);
    const { marks: _dropped, ...rest } = json;
    return { ...rest, text: json.text.replace(/\u00a0/g, ' '), ...(marks.length > 0 ? { marks } : {}) };
  }
  return json.content ? { ...json, content: json.content.map(restoreSpaces) } : json;
}

/**
 * Reads HTML from a file into blocks of the real schema: sanitized as a
 * paste is, plus suggestions and kept spaces (see the comment at the top of
 * this file).
 */
export function parseFileHTML(html: string, onImageRemoved: (removed: RemovedImage) => void): ProseMirrorNode[] {
  const parsed = htmlToDoc(html, { schema: fileSchema(), onImageRemoved });
  const doc = schema.nodeFromJSON(restoreSpaces(parsed.toJSON() as JSONNode));
  const blocks: ProseMirrorNode[] = [];
  doc.forEach((block) => blocks.push(block));
  return blocks;
}

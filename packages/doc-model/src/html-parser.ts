import { decodeCharacterReferences } from './html-entities.js';
import { HtmlComment, HtmlElement, HtmlFragment, HtmlText, VOID_ELEMENTS } from './html-dom.js';
import type { HtmlParent } from './html-dom.js';

// A forgiving HTML parser after the WHATWG tokenizer, with the parts of tree
// construction that clipboard HTML needs: void elements, raw-text elements
// whose content is never markup (script, style), comments and Word's
// `<![if …]>` markers, and the implied end tags of p, li, dd/dt, headings and
// table parts. It does not reparent misnested formatting or foster-parent
// table text; what it builds is only ever read through the schema's parse
// rules, never written back out, so a difference from a browser's tree can
// change formatting but cannot let markup through.

/** Elements whose content is text up to their end tag; entities are not decoded in it. */
const RAW_TEXT = new Set(['script', 'style', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript']);
/** Elements whose content is text with entities up to their end tag. */
const ESCAPABLE_RAW_TEXT = new Set(['textarea', 'title']);
/** Start tags that close an open paragraph. */
const CLOSES_P = new Set([
  'address', 'article', 'aside', 'blockquote', 'center', 'details', 'dialog', 'dir', 'div', 'dl', 'dd', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup',
  'hr', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'ul',
]);
/** Elements an implied end tag or a stray end tag does not reach past. */
const SCOPE_BOUNDARY = new Set(['html', 'table', 'td', 'th', 'caption', 'template', 'object', 'applet', 'marquee', 'button']);
const TABLE_PARTS = new Set(['table', 'caption', 'colgroup', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th']);
const TABLE_BOUNDARY = new Set(['html', 'template']);
// What the implied end tags close, and where they stop looking.
const P = new Set(['p']);
const LI = new Set(['li']);
const LIST_BOUNDARY = new Set([...SCOPE_BOUNDARY, 'ul', 'ol', 'menu']);
const DD_DT = new Set(['dd', 'dt']);
const DL_BOUNDARY = new Set([...SCOPE_BOUNDARY, 'dl']);
const TR = new Set(['tr']);
const SECTION_BOUNDARY = new Set(['table', 'tbody', 'thead', 'tfoot', 'html']);
const CELLS = new Set(['td', 'th']);
const ROW_BOUNDARY = new Set(['tr', 'table', 'html']);
const SECTIONS = new Set(['tbody', 'thead', 'tfoot']);
const TABLE_ONLY = new Set(['table', 'html']);
const A = new Set(['a']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * The deepest nesting the parser builds. Deeper start tags are kept as
 * siblings: hostile input with a million nested elements must not overflow
 * the stack of the code that walks the tree.
 */
export const MAX_HTML_DEPTH = 256;

/** Whether the code unit at `index` is HTML white space (tab, line feed, form feed, carriage return, space). */
function isSpace(html: string, index: number): boolean {
  const code = html.charCodeAt(index);
  return code === 32 || code === 9 || code === 10 || code === 12 || code === 13;
}
const COMMENT_END = /--!?>/g;

interface Tag {
  readonly name: string;
  readonly attributes: Array<[string, string]>;
  readonly selfClosing: boolean;
  /** The index after the tag's `>`. */
  readonly end: number;
}

/** Reads a tag from `start` (at its name); attribute values are decoded. */
function readTag(html: string, start: number): Tag {
  let index = start;
  while (index < html.length && !isSpace(html, index) && html[index] !== '/' && html[index] !== '>') index++;
  const name = html.slice(start, index).toLowerCase();
  const attributes: Array<[string, string]> = [];
  const seen = new Set<string>();
  let selfClosing = false;
  while (index < html.length) {
    const char = html[index] ?? '';
    if (isSpace(html, index)) {
      index++;
      continue;
    }
    if (char === '>') return { name, attributes, selfClosing, end: index + 1 };
    if (char === '/') {
      selfClosing = html[index + 1] === '>';
      index++;
      continue;
    }
    const nameStart = index;
    index++; // A first `=` belongs to the name, as in the tokenizer.
    while (index < html.length && !isSpace(html, index) && !'/>='.includes(html[index] ?? '')) index++;
    const attribute = html.slice(nameStart, index).toLowerCase();
    while (isSpace(html, index)) index++;
    let value = '';
    if (html[index] === '=') {
      index++;
      while (isSpace(html, index)) index++;
      const quote = html[index];
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, index + 1);
        const valueEnd = close < 0 ? html.length : close;
        value = html.slice(index + 1, valueEnd);
        index = valueEnd + 1;
      } else {
        const valueStart = index;
        while (index < html.length && !isSpace(html, index) && html[index] !== '>') index++;
        value = html.slice(valueStart, index);
      }
    }
    if (!seen.has(attribute)) {
      seen.add(attribute);
      attributes.push([attribute, decodeCharacterReferences(value, true)]);
    }
  }
  return { name, attributes, selfClosing, end: html.length };
}

/**
 * Parses HTML (a whole document as the clipboard holds it, or a fragment)
 * into a tree of the DOM-free nodes in `html-dom.ts`. Never throws and never
 * runs or loads anything: there is nothing here that could.
 */
export function parseHTML(html: string): HtmlFragment {
  const root = new HtmlFragment();
  const stack: HtmlParent[] = [root];
  const current = (): HtmlParent => stack[stack.length - 1] ?? root;
  const nameAt = (depth: number): string => {
    const node = stack[depth];
    return node instanceof HtmlElement ? node.localName : '';
  };

  const appendText = (text: string): void => {
    if (!text) return;
    const last = current().lastChild;
    if (last instanceof HtmlText) last.nodeValue += text;
    else current().appendChild(new HtmlText(text));
  };

  /** Pops up to and including the innermost open element named in `names`, unless a boundary comes first. */
  const closeInScope = (names: ReadonlySet<string>, boundaries: ReadonlySet<string> = SCOPE_BOUNDARY): boolean => {
    for (let depth = stack.length - 1; depth > 0; depth--) {
      const name = nameAt(depth);
      if (names.has(name)) {
        stack.length = depth;
        return true;
      }
      if (boundaries.has(name)) return false;
    }
    return false;
  };

  const startTag = (tag: Tag): HtmlElement => {
    const { name } = tag;
    if (CLOSES_P.has(name)) closeInScope(P);
    if (HEADINGS.has(name) && HEADINGS.has(nameAt(stack.length - 1))) stack.length -= 1;
    if (name === 'li') closeInScope(LI, LIST_BOUNDARY);
    if (name === 'dd' || name === 'dt') closeInScope(DD_DT, DL_BOUNDARY);
    if (name === 'tr') closeInScope(TR, SECTION_BOUNDARY);
    if (name === 'td' || name === 'th') closeInScope(CELLS, ROW_BOUNDARY);
    if (name === 'tbody' || name === 'thead' || name === 'tfoot') {
      closeInScope(SECTIONS, TABLE_ONLY);
    }
    if (name === 'a') closeInScope(A);
    const element = new HtmlElement(name);
    for (const [attribute, value] of tag.attributes) element.setAttribute(attribute, value);
    current().appendChild(element);
    const leaf = VOID_ELEMENTS.has(name) || RAW_TEXT.has(name) || ESCAPABLE_RAW_TEXT.has(name);
    if (!leaf && stack.length <= MAX_HTML_DEPTH) stack.push(element);
    return element;
  };

  const endTag = (name: string): void => {
    if (name === 'br') {
      startTag({ name: 'br', attributes: [], selfClosing: false, end: 0 });
      return;
    }
    // `</table>` closes the cells and rows still open in it; other end tags stay inside the cell.
    const boundaries = TABLE_PARTS.has(name) ? TABLE_BOUNDARY : SCOPE_BOUNDARY;
    for (let depth = stack.length - 1; depth > 0; depth--) {
      const open = nameAt(depth);
      if (open === name) {
        stack.length = depth;
        return;
      }
      if (boundaries.has(open)) return;
    }
  };

  let index = 0;
  while (index < html.length) {
    const open = html.indexOf('<', index);
    if (open < 0) {
      appendText(decodeCharacterReferences(html.slice(index)));
      break;
    }
    appendText(decodeCharacterReferences(html.slice(index, open)));
    index = open;
    const next = html[index + 1] ?? '';
    if (next === '!' && html.startsWith('<!--', index)) {
      // `<!-->` and `<!--->` are complete (empty) comments.
      const abrupt = html.startsWith('<!-->', index) ? 5 : html.startsWith('<!--->', index) ? 6 : 0;
      if (abrupt > 0) {
        current().appendChild(new HtmlComment(''));
        index += abrupt;
        continue;
      }
      COMMENT_END.lastIndex = index + 4;
      const close = COMMENT_END.exec(html);
      const end = close ? close.index : html.length;
      current().appendChild(new HtmlComment(html.slice(index + 4, end)));
      index = close ? end + close[0].length : html.length;
      continue;
    }
    if (next === '!' || next === '?' || (next === '/' && !/[A-Za-z>]/.test(html[index + 2] ?? ''))) {
      // Bogus comments: doctype, `<![if !supportLists]>`, `<![CDATA[…]]>`, `<?xml …?>`, `</ 1>`.
      const close = html.indexOf('>', index + 2);
      const end = close < 0 ? html.length : close;
      current().appendChild(new HtmlComment(html.slice(index + 2, end)));
      index = end + 1;
      continue;
    }
    if (next === '/') {
      if (html[index + 2] === '>') {
        index += 3;
        continue;
      }
      const tag = readTag(html, index + 2);
      endTag(tag.name);
      index = tag.end;
      continue;
    }
    if (!/[A-Za-z]/.test(next)) {
      appendText('<');
      index++;
      continue;
    }
    const tag = readTag(html, index + 1);
    index = tag.end;
    const element = startTag(tag);
    if (RAW_TEXT.has(tag.name) || ESCAPABLE_RAW_TEXT.has(tag.name)) {
      // The content is text up to the end tag, whatever it looks like.
      const closing = new RegExp(`</${tag.name}(?=[\\t\\n\\f\\r />])`, 'gi');
      closing.lastIndex = index;
      const match = closing.exec(html);
      const end = match ? match.index : html.length;
      const text = html.slice(index, end);
      if (text) element.appendChild(new HtmlText(ESCAPABLE_RAW_TEXT.has(tag.name) ? decodeCharacterReferences(text) : text));
      index = match ? readTag(html, end + 2).end : html.length;
    }
  }
  return root;
}

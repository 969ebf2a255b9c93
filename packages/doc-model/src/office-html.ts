import { normalizeColor } from './color.js';
import { HtmlComment, HtmlElement, HtmlText } from './html-dom.js';
import type { HtmlChild, HtmlFragment, HtmlParent } from './html-dom.js';

// Rewrites what Word, LibreOffice and Google Docs put on the clipboard into
// the plain HTML the schema's parse rules understand. Runs on the DOM-free
// tree after dangerous elements are gone and before ProseMirror parses it.

const WORD_LIST = /^l(\d+)\s+level(\d+)\b/i;

/** A Word list paragraph: `<p style='mso-list:l0 level2 lfo1'>`. */
function wordListInfo(element: HtmlElement): { list: string; level: number } | null {
  if (!/^(p|h[1-6])$/.test(element.localName)) return null;
  const match = WORD_LIST.exec(element.style.getPropertyValue('mso-list').trim());
  return match ? { list: match[1] ?? '0', level: Math.max(1, Math.min(9, Number(match[2]))) } : null;
}

/**
 * Removes the bullet or number Word writes as text in front of a list
 * paragraph (between `<![if !supportLists]>` and `<![endif]>`, or in a span
 * styled `mso-list:Ignore`) and returns that marker text.
 */
function takeWordMarker(paragraph: HtmlElement): string {
  let marker = '';
  for (const element of paragraph.descendantElements()) {
    if (element.parentNode && /ignore/i.test(element.style.getPropertyValue('mso-list'))) {
      marker += element.textContent;
      element.remove();
    }
  }
  const visit = (parent: HtmlParent): void => {
    let removing = false;
    for (const child of parent.childNodes) {
      if (child instanceof HtmlComment && /^\[if !supportLists\]$/i.test(child.nodeValue.trim())) {
        removing = true;
        child.remove();
      } else if (child instanceof HtmlComment && /^\[endif\]$/i.test(child.nodeValue.trim())) {
        if (removing) child.remove();
        removing = false;
      } else if (removing) {
        marker += child.textContent;
        child.remove();
      } else if (child instanceof HtmlElement) {
        visit(child);
      }
    }
  };
  visit(paragraph);
  return marker.replace(/\u00a0/g, ' ').trim();
}

/** Whether a marker is a number or letter (`1.`, `a)`, `iv.`) rather than a bullet glyph, and its start value. */
function markerNumbering(marker: string): { ordered: boolean; start: number } {
  const match = /^\(?(\d+|[a-z]|[ivxlcdm]+)[.)]/i.exec(marker);
  if (!match) return { ordered: false, start: 1 };
  const value = match[1] ?? '1';
  if (/^\d+$/.test(value)) return { ordered: true, start: Number(value) };
  if (value.length === 1 && !/^[ivx]$/i.test(value)) return { ordered: true, start: value.toLowerCase().charCodeAt(0) - 96 };
  return { ordered: true, start: 1 };
}

/** Whether a node between list paragraphs can be skipped (white space, comments). */
function isFiller(node: HtmlChild): boolean {
  return node instanceof HtmlComment || (node instanceof HtmlText && /^\s*$/.test(node.nodeValue));
}

/**
 * Turns each run of Word list paragraphs among the children of `parent` into
 * nested `<ul>`/`<ol>` lists. Word writes lists as paragraphs with their
 * level in `mso-list` and the bullet as text; the list kind comes from that
 * text, since the `@list` definitions live in a style sheet of the document
 * head that other programs drop.
 */
function convertWordLists(parent: HtmlParent): void {
  let stack: Array<{ level: number; list: HtmlElement; item: HtmlElement | null }> = [];
  let currentList: string | null = null;
  for (const child of parent.childNodes) {
    const info = child instanceof HtmlElement ? wordListInfo(child) : null;
    if (!info || !(child instanceof HtmlElement)) {
      if (!isFiller(child)) {
        stack = [];
        currentList = null;
      }
      continue;
    }
    if (info.list !== currentList) stack = [];
    currentList = info.list;
    const marker = takeWordMarker(child);
    const { ordered, start } = markerNumbering(marker);
    while (stack.length > 0 && (stack[stack.length - 1]?.level ?? 0) > info.level) stack.pop();
    let top = stack[stack.length - 1];
    if (!top || top.level < info.level) {
      const list = new HtmlElement(ordered ? 'ol' : 'ul');
      if (ordered && start !== 1) list.setAttribute('start', String(start));
      if (top) {
        const item = top.item ?? top.list.appendChild(new HtmlElement('li'));
        item.appendChild(list);
      } else {
        parent.insertBefore(list, child);
      }
      top = { level: info.level, list, item: null };
      stack.push(top);
    }
    const item = new HtmlElement('li');
    top.list.appendChild(item);
    top.item = item;
    // The paragraph's margins and hanging indent only drew the list.
    const align = child.style.getPropertyValue('text-align');
    child.style.cssText = align ? `text-align: ${align}` : '';
    child.removeAttribute('align');
    item.appendChild(child);
  }
}

/** Marks where a page break goes; the schema parses it as a `page_break` node. */
function pageBreak(): HtmlElement {
  const element = new HtmlElement('div');
  element.setAttribute('data-page-break', '');
  return element;
}

function breaksBefore(element: HtmlElement): boolean {
  return /^always$|^page$/i.test(
    element.style.getPropertyValue('page-break-before').trim() || element.style.getPropertyValue('break-before').trim(),
  );
}

function breaksAfter(element: HtmlElement): boolean {
  return /^always$|^page$/i.test(
    element.style.getPropertyValue('page-break-after').trim() || element.style.getPropertyValue('break-after').trim(),
  );
}

/** Text colour near black and highlight near white are what a page shows by default, not formatting. */
function isAutomaticColor(value: string, background: boolean): boolean {
  const trimmed = value.trim().toLowerCase();
  if (background && (trimmed === 'transparent' || trimmed === 'none' || trimmed === 'initial')) return true;
  // `background` may hold more than the colour (`yellow no-repeat`); `rgb(1, 2, 3)` has spaces itself.
  const color = normalizeColor(trimmed) ?? normalizeColor(trimmed.split(/\s+(?![^(]*\))/)[0] ?? '');
  if (!color) return false;
  const channels = [1, 3, 5].map((offset) => Number.parseInt(color.slice(offset, offset + 2), 16));
  return background ? channels.every((channel) => channel >= 0xf0) : channels.every((channel) => channel <= 0x40);
}

/**
 * Rewrites office clipboard HTML in place: Word list paragraphs into lists,
 * Word's title style into a heading, page-break styles into page breaks,
 * line breaks in `<pre>` into newlines; removes Word's `<o:p>&nbsp;</o:p>`
 * fillers, Safari's and Chrome's trailing `Apple-interchange-newline`, line
 * breaks between blocks (spacing in Google Docs), the weight of headings,
 * automatic colours (black text, white or transparent backgrounds, which
 * Google Docs and browsers write on every span) so pasted text follows the
 * editor's theme, and the colour and underline of link text; and moves
 * table captions before their table.
 */
export function normalizeOfficeHTML(root: HtmlFragment): void {
  const elements = root.descendantElements();
  const parents = new Set<HtmlParent>([root]);
  for (const element of elements) {
    if (element.firstChild) parents.add(element);
  }
  for (const parent of parents) convertWordLists(parent);

  for (const element of root.descendantElements()) {
    const name = element.localName;
    if (name === 'o:p' && /^[\s\u00a0]*$/.test(element.textContent)) {
      element.remove();
      continue;
    }
    if (name === 'br' && /(^|\s)Apple-interchange-newline(\s|$)/.test(element.getAttribute('class') ?? '')) {
      element.remove();
      continue;
    }
    if (name === 'p' && /(^|\s)MsoTitle(\s|$)/.test(element.getAttribute('class') ?? '')) {
      const heading = new HtmlElement('h1');
      for (const [attribute, value] of element.attributeEntries) heading.setAttribute(attribute, value);
      element.parentNode?.insertBefore(heading, element);
      for (const child of element.childNodes) heading.appendChild(child);
      element.remove();
      continue;
    }
    if (name === 'br' && (breaksBefore(element) || breaksAfter(element))) {
      // Word puts its page break in a paragraph of its own: replace that paragraph.
      const paragraph = enclosingParagraph(element);
      const target = paragraph && /^[\s\u00a0]*$/.test(paragraph.textContent) ? paragraph : element;
      target.parentNode?.insertBefore(pageBreak(), target);
      target.remove();
      continue;
    }
    if (name === 'br' && isBetweenBlocks(element)) {
      // Google Docs and browsers put <br> between blocks for spacing; it is no line of text.
      element.remove();
      continue;
    }
    if (HEADING.test(name)) {
      // A heading is bold by its nature; a weight on the heading itself is no extra formatting.
      element.style.removeProperty('font-weight');
    }
    // Our own page breaks carry `break-after: page` for print; they are page breaks already.
    if (!element.hasAttribute('data-page-break')) {
      if (breaksBefore(element)) element.parentNode?.insertBefore(pageBreak(), element);
      if (breaksAfter(element)) element.parentNode?.insertBefore(pageBreak(), element.nextSibling);
    }
    if (name === 'caption') {
      const table = element.parentNode instanceof HtmlElement && element.parentNode.localName === 'table' ? element.parentNode : null;
      if (table?.parentNode) {
        const paragraph = new HtmlElement('p');
        for (const child of element.childNodes) paragraph.appendChild(child);
        table.parentNode.insertBefore(paragraph, table);
        element.remove();
        continue;
      }
    }
    if (name === 'br' && element.parentNode instanceof HtmlElement && isInPre(element)) {
      element.parentNode.insertBefore(new HtmlText('\n'), element);
      element.remove();
      continue;
    }
    if (element.hasAttribute('style') && isInLink(element)) {
      // Google Docs and web pages colour and underline link text; the editor styles links itself.
      for (const property of ['color', 'text-decoration', 'text-decoration-line']) element.style.removeProperty(property);
    }
    if (element.hasAttribute('style')) {
      if (isAutomaticColor(element.style.getPropertyValue('color'), false)) element.style.removeProperty('color');
      for (const property of ['background-color', 'background', 'mso-highlight']) {
        const value = element.style.getPropertyValue(property);
        if (value && isAutomaticColor(value, true)) element.style.removeProperty(property);
      }
    }
    if (name === 'font' && element.hasAttribute('color') && isAutomaticColor(element.getAttribute('color') ?? '', false)) {
      element.removeAttribute('color');
    }
  }
}

const HEADING = /^h[1-6]$/;

/** Elements that make blocks of their own, for deciding whether a <br> stands between blocks. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'div', 'dl', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5',
  'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'ul',
]);

function isBlock(node: HtmlChild | null): boolean {
  return node instanceof HtmlElement && BLOCKS.has(node.localName);
}

/** A <br> whose nearest non-blank siblings are blocks (or nothing) and whose parent is no paragraph. */
function isBetweenBlocks(element: HtmlElement): boolean {
  const parent = element.parentNode;
  if (parent instanceof HtmlElement && /^(p|h[1-6]|li|td|th|pre)$/.test(parent.localName)) return false;
  const sibling = (start: HtmlChild | null, step: (node: HtmlChild) => HtmlChild | null): HtmlChild | null => {
    let node = start;
    while (node && isFiller(node)) node = step(node);
    return node;
  };
  const before = sibling(element.previousSibling, (node) => node.previousSibling);
  const after = sibling(element.nextSibling, (node) => node.nextSibling);
  return (before === null || isBlock(before)) && (after === null || isBlock(after)) && (before !== null || after !== null);
}

function enclosingParagraph(element: HtmlElement): HtmlElement | null {
  for (let node = element.parentNode; node instanceof HtmlElement; node = node.parentNode) {
    if (node.localName === 'p') return node;
    if (BLOCKS.has(node.localName)) return null;
  }
  return null;
}

function isInLink(element: HtmlElement): boolean {
  for (let node: HtmlParent | null = element; node instanceof HtmlElement; node = node.parentNode) {
    if (node.localName === 'a' && node.hasAttribute('href')) return true;
  }
  return false;
}

function isInPre(element: HtmlElement): boolean {
  for (let parent = element.parentNode; parent instanceof HtmlElement; parent = parent.parentNode) {
    if (parent.localName === 'pre') return true;
  }
  return false;
}

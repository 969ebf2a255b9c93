import { parseDeclarations, serializeDeclarations } from './css-declarations.js';
import { matchesSelector } from './html-selector.js';

// A small DOM without a browser: the tree that `parseHTML` builds and that
// ProseMirror's DOMParser and DOMSerializer walk. It implements exactly the
// members those two use (and the parse rules of this schema read), so that
// paste sanitizing, HTML import and the round-trip tests run in Node, in
// workers and on the relay. It is not a general DOM.

const XHTML = 'http://www.w3.org/1999/xhtml';

/** Elements without content or end tag. */
export const VOID_ELEMENTS: ReadonlySet<string> = new Set([
  'area', 'base', 'basefont', 'bgsound', 'br', 'col', 'embed', 'frame', 'hr', 'img', 'input', 'keygen', 'link',
  'meta', 'param', 'source', 'track', 'wbr',
]);

/** Any node of the tree. */
export type HtmlChild = HtmlElement | HtmlText | HtmlComment;

/** The base of every node: its place among its siblings. */
abstract class HtmlNodeBase {
  abstract readonly nodeType: number;
  abstract readonly nodeName: string;
  parentNode: HtmlParent | null = null;
  previousSibling: HtmlChild | null = null;
  nextSibling: HtmlChild | null = null;

  /** The factory ProseMirror asks for new nodes (`dom.ownerDocument.createTextNode`). */
  get ownerDocument(): HtmlDocument {
    return htmlDocument;
  }

  /** Removes this node from its parent. */
  remove(): void {
    this.parentNode?.removeChild(this as unknown as HtmlChild);
  }
}

/** A text node; `nodeValue` holds the decoded text. */
export class HtmlText extends HtmlNodeBase {
  readonly nodeType = 3;
  readonly nodeName = '#text';
  constructor(public nodeValue: string) {
    super();
  }
  get textContent(): string {
    return this.nodeValue;
  }
}

/** A comment; Word's conditional markers (`<![if !supportLists]>`) become comments too, as in browsers. */
export class HtmlComment extends HtmlNodeBase {
  readonly nodeType = 8;
  readonly nodeName = '#comment';
  constructor(public nodeValue: string) {
    super();
  }
  get textContent(): string {
    return '';
  }
}

/** A node with children, kept as a doubly linked list so moving nodes is cheap. */
abstract class HtmlParentBase extends HtmlNodeBase {
  firstChild: HtmlChild | null = null;
  lastChild: HtmlChild | null = null;

  /** The children as an array (a fresh copy). */
  get childNodes(): HtmlChild[] {
    const children: HtmlChild[] = [];
    for (let child = this.firstChild; child; child = child.nextSibling) children.push(child);
    return children;
  }

  get firstElementChild(): HtmlElement | null {
    for (let child = this.firstChild; child; child = child.nextSibling) {
      if (child instanceof HtmlElement) return child;
    }
    return null;
  }

  /** The concatenated text of all descendant text nodes. */
  get textContent(): string {
    let text = '';
    for (let child = this.firstChild; child; child = child.nextSibling) text += child.textContent;
    return text;
  }

  /** Appends `child`, first removing it from where it was. */
  appendChild<T extends HtmlChild | HtmlFragment>(child: T): T {
    return this.insertBefore(child, null);
  }

  /** Inserts `child` before `reference` (at the end for null); a fragment inserts its children. */
  insertBefore<T extends HtmlChild | HtmlFragment>(child: T, reference: HtmlChild | null): T {
    if (child instanceof HtmlFragment) {
      for (const inner of child.childNodes) this.insertBefore(inner, reference);
      return child;
    }
    const node = child as HtmlChild;
    if (reference && reference.parentNode !== (this as unknown as HtmlParent)) {
      throw new Error('insertBefore: the reference node is not a child of this node.');
    }
    node.remove();
    node.parentNode = this as unknown as HtmlParent;
    node.nextSibling = reference;
    node.previousSibling = reference ? reference.previousSibling : this.lastChild;
    if (node.previousSibling) node.previousSibling.nextSibling = node;
    else this.firstChild = node;
    if (reference) reference.previousSibling = node;
    else this.lastChild = node;
    return child;
  }

  /** Removes `child` from this node. */
  removeChild<T extends HtmlChild>(child: T): T {
    if (child.parentNode !== (this as unknown as HtmlParent)) throw new Error('removeChild: not a child of this node.');
    if (child.previousSibling) child.previousSibling.nextSibling = child.nextSibling;
    else this.firstChild = child.nextSibling;
    if (child.nextSibling) child.nextSibling.previousSibling = child.previousSibling;
    else this.lastChild = child.previousSibling;
    child.parentNode = null;
    child.previousSibling = null;
    child.nextSibling = null;
    return child;
  }

  /** Tells whether `node` is this node or inside it. */
  contains(node: HtmlChild | HtmlParent | null): boolean {
    for (let current: HtmlChild | HtmlParent | null = node; current; current = current.parentNode) {
      if (current === (this as unknown as HtmlParent)) return true;
    }
    return false;
  }

  /** The first descendant element matching a simple selector (see `matchesSelector`), depth first. */
  querySelector(selector: string): HtmlElement | null {
    for (let child = this.firstChild; child; child = child.nextSibling) {
      if (!(child instanceof HtmlElement)) continue;
      if (child.matches(selector)) return child;
      const inner = child.querySelector(selector);
      if (inner) return inner;
    }
    return null;
  }

  /** Every descendant element, depth first, as an array (safe to change the tree while walking it). */
  descendantElements(): HtmlElement[] {
    const found: HtmlElement[] = [];
    const visit = (parent: HtmlParentBase): void => {
      for (let child = parent.firstChild; child; child = child.nextSibling) {
        if (child instanceof HtmlElement) {
          found.push(child);
          visit(child);
        }
      }
    };
    visit(this);
    return found;
  }

  /** The HTML of the children, escaped so that a browser parses it back into the same tree. */
  get innerHTML(): string {
    let html = '';
    for (let child = this.firstChild; child; child = child.nextSibling) html += serializeNode(child);
    return html;
  }
}

/** The part of `CSSStyleDeclaration` ProseMirror and the parse rules use, backed by the `style` attribute. */
export class HtmlStyle {
  #cachedText: string | null = null;
  #cached: Map<string, string> | null = null;
  constructor(private readonly element: HtmlElement) {}

  #declarations(): Map<string, string> {
    const text = this.element.getAttribute('style') ?? '';
    if (text !== this.#cachedText || !this.#cached) {
      this.#cachedText = text;
      this.#cached = parseDeclarations(text);
    }
    return this.#cached;
  }

  get length(): number {
    return this.#declarations().size;
  }
  item(index: number): string {
    return [...this.#declarations().keys()][index] ?? '';
  }
  getPropertyValue(name: string): string {
    return this.#declarations().get(name.toLowerCase()) ?? '';
  }
  setProperty(name: string, value: string): void {
    const declarations = new Map(this.#declarations());
    declarations.set(name.toLowerCase(), value);
    this.cssText = serializeDeclarations(declarations);
  }
  removeProperty(name: string): string {
    const declarations = new Map(this.#declarations());
    const old = declarations.get(name.toLowerCase()) ?? '';
    declarations.delete(name.toLowerCase());
    this.cssText = serializeDeclarations(declarations);
    return old;
  }
  get cssText(): string {
    return this.element.getAttribute('style') ?? '';
  }
  set cssText(text: string) {
    if (text) this.element.setAttribute('style', text);
    else this.element.removeAttribute('style');
  }
  get whiteSpace(): string {
    return this.getPropertyValue('white-space');
  }
}

/** An element with attributes (names lowercased, first one wins, as in HTML). */
export class HtmlElement extends HtmlParentBase {
  readonly nodeType = 1;
  readonly localName: string;
  readonly namespaceURI = XHTML;
  #style: HtmlStyle | null = null;
  readonly #attributes = new Map<string, string>();

  constructor(localName: string) {
    super();
    this.localName = localName.toLowerCase();
  }
  get nodeName(): string {
    return this.localName.toUpperCase();
  }
  /** The inline style, read from and written to the `style` attribute (created when first asked for). */
  get style(): HtmlStyle {
    this.#style ??= new HtmlStyle(this);
    return this.#style;
  }
  get tagName(): string {
    return this.nodeName;
  }
  /** The attribute names and values, in document order. */
  get attributeEntries(): Array<[string, string]> {
    return [...this.#attributes];
  }
  getAttribute(name: string): string | null {
    return this.#attributes.get(name.toLowerCase()) ?? null;
  }
  hasAttribute(name: string): boolean {
    return this.#attributes.has(name.toLowerCase());
  }
  setAttribute(name: string, value: string): void {
    this.#attributes.set(name.toLowerCase(), String(value));
  }
  setAttributeNS(_namespace: string | null, name: string, value: string): void {
    this.setAttribute(name.slice(name.indexOf(':') + 1), value);
  }
  removeAttribute(name: string): void {
    this.#attributes.delete(name.toLowerCase());
  }
  matches(selector: string): boolean {
    return matchesSelector(this, selector);
  }
  get outerHTML(): string {
    return serializeNode(this);
  }
}

/** A list of nodes without a parent element: what `parseHTML` returns. */
export class HtmlFragment extends HtmlParentBase {
  readonly nodeType = 11;
  readonly nodeName = '#document-fragment';
}

/** A node that can have children. */
export type HtmlParent = HtmlElement | HtmlFragment;

/** Creates nodes, as `document` does; what ProseMirror's DOMSerializer is given. */
export class HtmlDocument {
  createElement(name: string): HtmlElement {
    return new HtmlElement(name);
  }
  createElementNS(_namespace: string | null, name: string): HtmlElement {
    return new HtmlElement(name);
  }
  createTextNode(text: string): HtmlText {
    return new HtmlText(text);
  }
  createComment(text: string): HtmlComment {
    return new HtmlComment(text);
  }
  createDocumentFragment(): HtmlFragment {
    return new HtmlFragment();
  }
}

/** The one document all nodes belong to. */
export const htmlDocument = new HtmlDocument();

const escapeText = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\u00a0/g, '&nbsp;');
const escapeAttribute = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Writes a node as HTML. Text and attribute values are always escaped, and
 * names are written only when they are plain names, so the output cannot
 * open an element, a comment or a script that the tree does not have.
 */
export function serializeNode(node: HtmlChild): string {
  if (node instanceof HtmlText) return escapeText(node.nodeValue);
  if (node instanceof HtmlComment) return '';
  const name = node.localName;
  if (!/^[a-z][a-z0-9-]*$/.test(name)) return node.innerHTML;
  let html = `<${name}`;
  for (const [attribute, value] of node.attributeEntries) {
    if (/^[a-z_][a-z0-9_.:-]*$/.test(attribute)) html += ` ${attribute}="${escapeAttribute(value)}"`;
  }
  html += '>';
  if (VOID_ELEMENTS.has(name)) return html;
  return `${html}${node.innerHTML}</${name}>`;
}

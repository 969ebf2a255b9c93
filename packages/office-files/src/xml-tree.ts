import { SaxesParser } from 'saxes';
import { FileImportError } from './file-error.js';
import type { FileLimits } from './limits.js';

/** An element of a parsed XML part: its prefixed name (canonical prefixes, see {@link parseXML}), attributes and children. */
export interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly XmlNode[];
}

/** A child of an element: an element or a run of text. */
export type XmlNode = XmlElement | string;

/**
 * Parses one XML part into a tree. Element and attribute names are
 * rewritten to the canonical prefixes in `prefixes` (namespace URI →
 * prefix), so a file that binds `w:` to another letter still reads;
 * unknown namespaces keep their own prefix.
 *
 * A DOCTYPE is refused outright (`forbidden-xml`): it is the only way to
 * declare entities, so no internal entity can expand and no external one
 * can be fetched; saxes never resolves external entities in any case, and
 * undeclared entities are errors. Throws `bad-xml` for malformed XML, more
 * than `limits.maxXmlElements` elements or nesting deeper than
 * `limits.maxXmlDepth`.
 */
export function parseXML(text: string, part: string, limits: FileLimits, prefixes: Readonly<Record<string, string>>): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: false });
  type Open = { name: string; attrs: Record<string, string>; children: XmlNode[] };
  const stack: Open[] = [];
  let root: Open | null = null;
  let elements = 0;
  let failure: FileImportError | null = null;
  const fail = (error: FileImportError): never => {
    failure ??= error;
    throw error;
  };
  const qualified = (uri: string, prefix: string, local: string): string => {
    const canonical = uri ? prefixes[uri] : undefined;
    const chosen = canonical ?? prefix;
    return chosen ? `${chosen}:${local}` : local;
  };
  parser.on('doctype', () => fail(new FileImportError('forbidden-xml', `${part} declares a DOCTYPE; documents with DOCTYPEs are refused.`)));
  parser.on('opentag', (tag) => {
    elements++;
    if (elements > limits.maxXmlElements) fail(new FileImportError('bad-xml', `${part} has more than ${limits.maxXmlElements} elements.`));
    if (stack.length >= limits.maxXmlDepth) fail(new FileImportError('bad-xml', `${part} nests elements deeper than ${limits.maxXmlDepth}.`));
    const attrs: Record<string, string> = {};
    for (const attr of Object.values(tag.attributes)) {
      if (attr.prefix === 'xmlns' || attr.name === 'xmlns') continue;
      attrs[attr.uri ? qualified(attr.uri, attr.prefix, attr.local) : attr.local] = attr.value;
    }
    const element: Open = { name: qualified(tag.uri ?? '', tag.prefix ?? '', tag.local ?? tag.name), attrs, children: [] };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else root = element;
    stack.push(element);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  const onText = (value: string): void => {
    const parent = stack[stack.length - 1];
    if (!parent) return;
    const last = parent.children[parent.children.length - 1];
    if (typeof last === 'string') parent.children[parent.children.length - 1] = last + value;
    else parent.children.push(value);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  try {
    parser.write(text).close();
  } catch (error) {
    if (failure) throw failure;
    if (error instanceof FileImportError) throw error;
    throw new FileImportError('bad-xml', `${part} is not well-formed XML: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!root) throw new FileImportError('bad-xml', `${part} has no root element.`);
  return root;
}

/** The child elements of `element`, optionally only those named `name`. */
export function childElements(element: XmlElement, name?: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const child of element.children) {
    if (typeof child !== 'string' && (name === undefined || child.name === name)) out.push(child);
  }
  return out;
}

/** The first child element named `name`, or null. */
export function firstChild(element: XmlElement, name: string): XmlElement | null {
  for (const child of element.children) if (typeof child !== 'string' && child.name === name) return child;
  return null;
}

/** The first descendant (depth first) named `name`, or null. */
export function findDescendant(element: XmlElement, name: string): XmlElement | null {
  for (const child of element.children) {
    if (typeof child === 'string') continue;
    if (child.name === name) return child;
    const found = findDescendant(child, name);
    if (found) return found;
  }
  return null;
}

/** All text inside `element`, in order. */
export function textOf(element: XmlElement): string {
  let text = '';
  for (const child of element.children) text += typeof child === 'string' ? child : textOf(child);
  return text;
}

import { SaxesParser } from 'saxes';
import { FileImportError } from './file-error.js';
import type { FileLimits } from './limits.js';

/** What {@link streamXML} reports while it reads. Names use the canonical prefixes, as in `parseXML`. */
export interface XmlHandlers {
  open(name: string, attrs: Readonly<Record<string, string>>, depth: number): void;
  close(name: string, depth: number): void;
  text?(text: string): void;
}

/**
 * Reads one XML part as a stream of events, for parts too large for a tree (a worksheet with a million cells). The
 * same guards as `parseXML`: any DOCTYPE is refused (`forbidden-xml`), malformed XML, more than
 * `limits.maxXmlElements` elements and nesting deeper than `limits.maxXmlDepth` are `bad-xml`. Errors thrown by a
 * handler (such as a limit of the caller) pass through unchanged.
 */
export function streamXML(text: string, part: string, limits: FileLimits, prefixes: Readonly<Record<string, string>>, handlers: XmlHandlers): void {
  const parser = new SaxesParser({ xmlns: true, position: false });
  const names: string[] = [];
  let elements = 0;
  let failure: unknown = null;
  const fail = (error: unknown): never => {
    failure ??= error;
    throw error;
  };
  const qualified = (uri: string, prefix: string, local: string): string => {
    const chosen = (uri ? prefixes[uri] : undefined) ?? prefix;
    return chosen ? `${chosen}:${local}` : local;
  };
  parser.on('doctype', () => fail(new FileImportError('forbidden-xml', `${part} declares a DOCTYPE; documents with DOCTYPEs are refused.`)));
  parser.on('opentag', (tag) => {
    elements++;
    if (elements > limits.maxXmlElements) fail(new FileImportError('bad-xml', `${part} has more than ${limits.maxXmlElements} elements.`));
    if (names.length >= limits.maxXmlDepth) fail(new FileImportError('bad-xml', `${part} nests elements deeper than ${limits.maxXmlDepth}.`));
    const attrs: Record<string, string> = {};
    for (const attr of Object.values(tag.attributes)) {
      if (attr.prefix === 'xmlns' || attr.name === 'xmlns') continue;
      attrs[attr.uri ? qualified(attr.uri, attr.prefix, attr.local) : attr.local] = attr.value;
    }
    const name = qualified(tag.uri ?? '', tag.prefix ?? '', tag.local ?? tag.name);
    names.push(name);
    try {
      handlers.open(name, attrs, names.length);
    } catch (error) {
      fail(error);
    }
  });
  parser.on('closetag', () => {
    const depth = names.length;
    const name = names.pop()!;
    try {
      handlers.close(name, depth);
    } catch (error) {
      fail(error);
    }
  });
  if (handlers.text) {
    const onText = handlers.text.bind(handlers);
    const safe = (value: string): void => {
      try {
        onText(value);
      } catch (error) {
        fail(error);
      }
    };
    parser.on('text', safe);
    parser.on('cdata', safe);
  }
  try {
    parser.write(text).close();
  } catch (error) {
    if (failure) throw failure;
    if (error instanceof FileImportError) throw error;
    throw new FileImportError('bad-xml', `${part} is not well-formed XML: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (elements === 0) throw new FileImportError('bad-xml', `${part} has no root element.`);
}

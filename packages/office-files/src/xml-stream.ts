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
  // Namespaces are resolved here rather than by saxes (its xmlns mode costs an object per attribute): a scope maps each
  // bound prefix ('' for the default namespace) to the prefix we report, and caches the names it has resolved.
  const parser = new SaxesParser({ xmlns: false, position: false });
  const names: string[] = [];
  let scope = new NamespaceScope(null, prefixes);
  scope.bind('xml', XML_NAMESPACE);
  const scopeDepths: number[] = [];
  let elements = 0;
  let failure: unknown = null;
  const fail = (error: unknown): never => {
    failure ??= error;
    throw error;
  };
  parser.on('doctype', () => fail(new FileImportError('forbidden-xml', `${part} declares a DOCTYPE; documents with DOCTYPEs are refused.`)));
  parser.on('opentag', (tag) => {
    elements++;
    if (elements > limits.maxXmlElements) fail(new FileImportError('bad-xml', `${part} has more than ${limits.maxXmlElements} elements.`));
    if (names.length >= limits.maxXmlDepth) fail(new FileImportError('bad-xml', `${part} nests elements deeper than ${limits.maxXmlDepth}.`));
    const raw = tag.attributes as Record<string, string>;
    let plain = true;
    for (const key in raw) {
      if (key.includes(':') || key === 'xmlns') {
        plain = false;
        break;
      }
    }
    let attrs: Record<string, string> = raw;
    if (!plain) {
      for (const key in raw) {
        if (key === 'xmlns' || key.startsWith('xmlns:')) {
          if (scopeDepths[scopeDepths.length - 1] !== names.length + 1) {
            scope = new NamespaceScope(scope, prefixes);
            scopeDepths.push(names.length + 1);
          }
          const prefix = key === 'xmlns' ? '' : key.slice(6);
          if (prefix === 'xmlns' || (prefix !== '' && raw[key] === '')) fail(new FileImportError('bad-xml', `${part} binds the prefix "${prefix}" wrongly.`));
          scope.bind(prefix, raw[key]!);
        }
      }
      attrs = {};
      for (const key in raw) {
        if (key === 'xmlns' || key.startsWith('xmlns:')) continue;
        const resolved = key.includes(':') ? scope.resolve(key, false) : key;
        if (resolved === undefined) fail(new FileImportError('bad-xml', `${part} uses the unbound namespace prefix of "${key}".`));
        attrs[resolved!] = raw[key]!;
      }
    }
    const name = scope.resolve(tag.name, true);
    if (name === undefined) fail(new FileImportError('bad-xml', `${part} uses the unbound namespace prefix of "${tag.name}".`));
    names.push(name!);
    try {
      handlers.open(name!, attrs, names.length);
    } catch (error) {
      fail(error);
    }
  });
  parser.on('closetag', () => {
    const depth = names.length;
    const name = names.pop()!;
    if (scopeDepths[scopeDepths.length - 1] === depth) {
      scopeDepths.pop();
      scope = scope.parent!;
    }
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

const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';

/** The namespace bindings in force in one element and its descendants, with the names resolved under them. */
class NamespaceScope {
  private readonly bound = new Map<string, string>();
  private readonly cache = new Map<string, string | undefined>();

  constructor(
    readonly parent: NamespaceScope | null,
    private readonly prefixes: Readonly<Record<string, string>>,
  ) {}

  bind(prefix: string, uri: string): void {
    this.bound.set(prefix, uri);
  }

  /** The namespace URI bound to a prefix ('' when unbound or the default namespace is undeclared), or undefined. */
  private uriOf(prefix: string): string | undefined {
    return this.bound.get(prefix) ?? this.parent?.uriOf(prefix);
  }

  /**
   * A qualified name with the canonical prefix of its namespace (its own prefix when the namespace has none), the local
   * name when it is in no namespace, undefined for an unbound prefix. Unprefixed attributes are in no namespace.
   */
  resolve(qname: string, element: boolean): string | undefined {
    const key = element ? qname : '@' + qname;
    if (this.cache.has(key)) return this.cache.get(key);
    const colon = qname.indexOf(':');
    const prefix = colon < 0 ? '' : qname.slice(0, colon);
    const local = colon < 0 ? qname : qname.slice(colon + 1);
    let out: string | undefined;
    if (colon < 0 && !element) out = local;
    else {
      const uri = this.uriOf(prefix);
      if (uri === undefined && prefix !== '') out = undefined;
      else if (!uri) out = local;
      else {
        const chosen = this.prefixes[uri] ?? prefix;
        out = chosen ? `${chosen}:${local}` : local;
      }
    }
    this.cache.set(key, out);
    return out;
  }
}

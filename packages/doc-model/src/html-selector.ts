/** What a selector can test on an element. */
export interface SelectorTarget {
  readonly localName: string;
  getAttribute(name: string): string | null;
}

interface Compound {
  readonly tag: string | null;
  readonly classes: readonly string[];
  readonly attributes: ReadonlyArray<{ readonly name: string; readonly value: string | null }>;
}

const cache = new Map<string, Compound[]>();
const COMPOUND = /^([a-z][a-z0-9:-]*|\*)?((?:\.[\w-]+|\[[a-z][\w:-]*(?:=(?:"[^"]*"|'[^']*'|[\w-]+))?\])*)$/i;
const PART = /\.([\w-]+)|\[([a-z][\w:-]*)(?:=(?:"([^"]*)"|'([^']*)'|([\w-]+)))?\]/gi;

function parse(selector: string): Compound[] {
  const cached = cache.get(selector);
  if (cached) return cached;
  const compounds = selector.split(',').map((text) => {
    const trimmed = text.trim();
    const match = COMPOUND.exec(trimmed);
    if (!match || trimmed === '') {
      // The parse rules of this package use simple selectors only; a new rule
      // with a combinator or pseudo-class must fail loudly in the tests.
      throw new Error(`html-selector: "${selector}" is not supported; use tag, .class and [attr] or [attr="value"] only.`);
    }
    const tag = match[1] && match[1] !== '*' ? match[1].toLowerCase() : null;
    const classes: string[] = [];
    const attributes: Array<{ name: string; value: string | null }> = [];
    for (const part of (match[2] ?? '').matchAll(PART)) {
      if (part[1] !== undefined) classes.push(part[1]);
      else attributes.push({ name: (part[2] ?? '').toLowerCase(), value: part[3] ?? part[4] ?? part[5] ?? null });
    }
    return { tag, classes, attributes };
  });
  cache.set(selector, compounds);
  return compounds;
}

/**
 * Tests an element against a comma-separated list of simple selectors:
 * a tag name or `*`, followed by any `.class`, `[attr]` and
 * `[attr="value"]`. That is what ProseMirror parse rules use. Throws an
 * Error for anything else (descendant combinators, pseudo-classes), so that
 * a rule the DOM-free parser cannot evaluate is noticed rather than ignored.
 */
export function matchesSelector(element: SelectorTarget, selector: string): boolean {
  return parse(selector).some(
    ({ tag, classes, attributes }) =>
      (tag === null || tag === element.localName) &&
      classes.every((name) => (element.getAttribute('class') ?? '').split(/\s+/).includes(name)) &&
      attributes.every(({ name, value }) => {
        const actual = element.getAttribute(name);
        return actual !== null && (value === null || actual === value);
      }),
  );
}

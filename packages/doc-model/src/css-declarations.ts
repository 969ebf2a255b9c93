/**
 * Reads the declarations of a `style` attribute (`color: red; font: 7pt
 * "Times New Roman"`) into a map from lowercase property name to value, the
 * last declaration of a property winning as in CSS. Semicolons inside
 * quotes and parentheses do not end a declaration; comments and
 * `!important` are dropped. Values are kept as written otherwise: callers
 * check every value they use.
 */
export function parseDeclarations(text: string): Map<string, string> {
  const declarations = new Map<string, string>();
  const source = text.replace(/\/\*[\s\S]*?(?:\*\/|$)/g, '');
  let start = 0;
  let quote = '';
  let depth = 0;
  const flush = (end: number): void => {
    const declaration = source.slice(start, end);
    const colon = declaration.indexOf(':');
    if (colon > 0) {
      const name = declaration.slice(0, colon).trim().toLowerCase();
      const value = declaration
        .slice(colon + 1)
        .replace(/!\s*important\s*$/i, '')
        .trim();
      if (/^-?[a-z][a-z0-9-]*$/.test(name) && value) declarations.set(name, value);
    }
    start = end + 1;
  };
  for (let index = 0; index < source.length; index++) {
    const char = source[index];
    if (quote) {
      if (char === '\\') index++;
      else if (char === quote) quote = '';
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '(') {
      depth++;
    } else if (char === ')') {
      depth = Math.max(0, depth - 1);
    } else if (char === ';' && depth === 0) {
      flush(index);
    }
  }
  flush(source.length);
  return declarations;
}

/** Writes declarations back as the text of a `style` attribute. */
export function serializeDeclarations(declarations: ReadonlyMap<string, string>): string {
  return [...declarations].map(([name, value]) => `${name}: ${value}`).join('; ');
}

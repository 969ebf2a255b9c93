/**
 * The part of a DOM element that the schema's parse rules read. Declared
 * structurally so that this package type-checks without the DOM library:
 * browsers' elements satisfy it, and so do the elements of the DOM-free HTML
 * parser in `html-parser.ts`.
 */
export interface ParsedElement extends ParsedChild {
  readonly style: ParsedStyle;
  readonly firstElementChild: ParsedChild | null;
}

/** The part of a child element the parse rules read (a DOM `Element` has no `style`). */
export interface ParsedChild {
  readonly nodeName: string;
  getAttribute(name: string): string | null;
}

/** The part of `CSSStyleDeclaration` the parse rules read. */
export interface ParsedStyle {
  getPropertyValue(name: string): string;
}

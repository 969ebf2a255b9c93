import type { Mark, MarkType, Node as ProseMirrorNode, Schema } from 'prosemirror-model';

/**
 * Suggested formatting changes. Text whose formatting was changed in suggest
 * mode shows the new formatting and carries a `format_change` mark that
 * remembers the formatting it had before (`before`, the formatting marks as
 * JSON), so rejecting can restore it. This is Word's `w:rPrChange` (the run's
 * old properties inside its new ones) and ODF's `text:format-change`.
 *
 * `before` is one string attribute: y-prosemirror stores each mark as one
 * attribute of the Yjs text, so the whole old formatting of a run travels and
 * merges as one value, and two people's concurrent format suggestions on the
 * same text converge like any other concurrent formatting (the later write wins).
 */

/** The name of the mark of a suggested formatting change. */
export const FORMAT_CHANGE = 'format_change';

/** Marks that are not formatting: the suggestion marks themselves. */
const REVIEW_MARKS = new Set(['insertion', 'deletion', FORMAT_CHANGE]);

/** Whether a mark type is formatting (bold, colours, links …) rather than a suggestion. */
export const isFormattingType = (type: MarkType): boolean => !REVIEW_MARKS.has(type.name);

/** The formatting marks among `marks`. */
export const formattingMarks = (marks: readonly Mark[]): Mark[] => marks.filter((mark) => isFormattingType(mark.type));

/** Formatting as the `before` attribute stores it: `[{"type":"bold"},{"type":"text_color","attrs":{"color":"#ff0000"}}]`, sorted by type. */
export function encodeFormatting(marks: readonly Mark[]): string {
  return JSON.stringify(
    formattingMarks(marks)
      .map((mark) => mark.toJSON() as { type: string; attrs?: Record<string, unknown> })
      .sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0)),
  );
}

/**
 * The formatting marks a `before` attribute names. Any client can write any
 * value into the shared document: what is not a list of known formatting
 * marks with valid attributes is left out, and text that is not JSON gives none.
 */
export function decodeFormatting(schema: Schema, text: unknown): Mark[] {
  if (typeof text !== 'string') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  const marks: Mark[] = [];
  for (const entry of parsed) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { type, attrs } = entry as { type?: unknown; attrs?: unknown };
    const markType = typeof type === 'string' ? schema.marks[type] : undefined;
    if (!markType || !isFormattingType(markType) || markType.isInSet(marks)) continue;
    try {
      marks.push(markType.create(typeof attrs === 'object' && attrs !== null ? (attrs as Record<string, unknown>) : null));
    } catch {
      // Attributes the mark cannot take: leave the mark out.
    }
  }
  return marks;
}

/** Whether two sets of formatting marks are the same, in any order. */
export function sameFormatting(a: readonly Mark[], b: readonly Mark[]): boolean {
  const left = formattingMarks(a);
  const right = formattingMarks(b);
  return left.length === right.length && left.every((mark) => mark.isInSet(right));
}

/** What a suggested formatting change does, as mark type names: set (or changed, as a colour) and removed. */
export interface FormatDifference {
  readonly added: readonly string[];
  readonly removed: readonly string[];
}

/** The difference between the formatting a text had and the one it has now. */
export function formatDifference(before: readonly Mark[], after: readonly Mark[]): FormatDifference {
  const previous = formattingMarks(before);
  const current = formattingMarks(after);
  return {
    added: current.filter((mark) => !mark.isInSet(previous)).map((mark) => mark.type.name),
    removed: previous.filter((mark) => !current.some((other) => other.type === mark.type)).map((mark) => mark.type.name),
  };
}

/** The `format_change` mark of an inline node, if it has one. */
export const formatChangeOf = (node: ProseMirrorNode | null | undefined): Mark | undefined => node?.marks.find((mark) => mark.type.name === FORMAT_CHANGE);

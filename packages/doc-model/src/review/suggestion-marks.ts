import type { DOMOutputSpec, Mark, MarkSpec } from 'prosemirror-model';
import { isHexColor } from '../color.js';

/** The names of the two suggestion marks. */
export type SuggestionMarkName = 'insertion' | 'deletion';

/** Which kind of change a suggestion proposes: text to add, or text to remove. */
export type SuggestionKind = SuggestionMarkName;

/**
 * The attributes of a suggestion mark, which map directly to Word's
 * `w:ins`/`w:del` (`w:id`, `w:author`, `w:date`) and ODF's
 * `text:changed-region` (`dc:creator`, `dc:date`).
 */
export interface SuggestionAttrs {
  /** Groups the pieces of one suggestion: accepting or rejecting an id acts on all of them. */
  readonly id: string;
  /** Who made the suggestion: the user id (the token's subject). */
  readonly authorId: string;
  /** The author's display name when the suggestion was made. */
  readonly authorName: string;
  /** The author's colour, `#rrggbb`, for drawing the suggestion. */
  readonly color: string;
  /** When the suggestion was made, in milliseconds since 1970 (UTC). */
  readonly time: number;
}

const suggestionAttrs = {
  id: { default: '' },
  authorId: { default: '' },
  authorName: { default: '' },
  color: { default: '#6b7280' },
  time: { default: 0 },
};

function suggestionDOM(tag: 'ins' | 'del' | 'span', mark: Mark): DOMOutputSpec {
  // Any client can write any value into the shared document: only a real colour reaches the style.
  const color = mark.attrs['color'];
  const attrs: Record<string, string> = {
    class: `suggestion suggestion-${tag === 'ins' ? 'insertion' : tag === 'del' ? 'deletion' : 'format'}`,
    'data-suggestion': String(mark.attrs['id'] ?? ''),
  };
  if (isHexColor(color)) attrs['style'] = `--suggestion-color: ${color.toLowerCase()}`;
  const author = mark.attrs['authorName'];
  if (typeof author === 'string' && author) {
    attrs['data-author'] = author;
    // A name needs no translation: hovering shows whose suggestion it is.
    attrs['title'] = author;
  }
  return [tag, attrs, 0];
}

/**
 * The suggestion marks. `format_change` marks text whose formatting was
 * changed in suggest mode; its `before` holds the formatting it had (see
 * format-changes.ts). They are not inclusive, so text typed next to a
 * suggestion outside suggest mode is a plain edit. Neither parses from pasted
 * HTML: a paste never becomes someone's suggestion (the file importers read
 * `<ins>`/`<del>` back with a schema copy of their own, files/file-html.ts). Text under a
 * pending deletion (`<del data-suggestion>`, as the editor draws it) is left
 * out of a paste, so copying a passage copies what accepting would leave;
 * without this rule it would come back as strikethrough.
 */
export const suggestionMarks: Record<SuggestionMarkName | 'format_change', MarkSpec> = {
  insertion: {
    attrs: suggestionAttrs,
    inclusive: false,
    toDOM: (mark): DOMOutputSpec => suggestionDOM('ins', mark),
  },
  deletion: {
    attrs: suggestionAttrs,
    inclusive: false,
    parseDOM: [{ tag: 'del[data-suggestion]', ignore: true, priority: 60 }],
    toDOM: (mark): DOMOutputSpec => suggestionDOM('del', mark),
  },
  format_change: {
    attrs: { ...suggestionAttrs, before: { default: '[]' } },
    inclusive: false,
    toDOM: (mark): DOMOutputSpec => suggestionDOM('span', mark),
  },
};

/** Reads a suggestion mark's attributes, repairing what another client may have written wrongly. */
export function suggestionAttrsOf(mark: Mark): SuggestionAttrs {
  const { id, authorId, authorName, color, time } = mark.attrs as Record<string, unknown>;
  return {
    id: typeof id === 'string' ? id : String(id ?? ''),
    authorId: typeof authorId === 'string' ? authorId : '',
    authorName: typeof authorName === 'string' ? authorName : '',
    color: isHexColor(color) ? color : '#6b7280',
    time: typeof time === 'number' && Number.isFinite(time) ? time : 0,
  };
}

import { findMatches } from '@allmende/doc-model';
import type { FindOptions, TextRange } from '@allmende/doc-model';
import { Plugin, PluginKey } from 'prosemirror-state';
import type { EditorState, Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';

/** What the find bar searches for; an empty query highlights nothing. */
export interface FindQuery {
  readonly query: string;
  readonly options: FindOptions;
}

/** The state of {@link findHighlightPlugin}. */
export interface FindHighlightState extends FindQuery {
  /** The matches in the current document, in order (kept up to date while the document changes). */
  readonly matches: readonly TextRange[];
  /** The index of the match the selection is exactly on, or -1. */
  readonly current: number;
  /** True while `matches` were mapped through edits rather than searched again. */
  readonly stale: boolean;
  readonly decorations: DecorationSet;
}

/** The key of {@link findHighlightPlugin}, to read its state and to set the query with `tr.setMeta(key, query)`. */
export const findHighlightKey = new PluginKey<FindHighlightState>('allmende-find');

/** How long typing pauses before matches are searched again in a changed document. */
const REFRESH_DELAY_MS = 150;

const EMPTY: FindHighlightState = {
  query: '',
  options: {},
  matches: [],
  current: -1,
  stale: false,
  decorations: DecorationSet.empty,
};

function currentIndex(matches: readonly TextRange[], state: EditorState): number {
  const { from, to } = state.selection;
  return matches.findIndex((match) => match.from === from && match.to === to);
}

function build(state: EditorState, query: FindQuery, matches: readonly TextRange[], stale: boolean): FindHighlightState {
  const current = currentIndex(matches, state);
  const decorations = DecorationSet.create(
    state.doc,
    matches.map((match, index) =>
      Decoration.inline(match.from, match.to, { class: index === current ? 'find-match find-current' : 'find-match' }),
    ),
  );
  return { ...query, matches, current, stale, decorations };
}

function search(state: EditorState, query: FindQuery): FindHighlightState {
  return query.query ? build(state, query, findMatches(state.doc, query.query, query.options), false) : EMPTY;
}

/**
 * Highlights the matches of the find bar's query with inline decorations
 * (`.find-match`, and `.find-current` for the one the selection is on).
 * Set or clear the query with `tr.setMeta(findHighlightKey, { query, options })`.
 * While the document changes (by this user or others), the highlights are
 * mapped through the edits and searched again once typing pauses, so a long
 * document is not searched on every keystroke.
 */
export function findHighlightPlugin(): Plugin<FindHighlightState> {
  return new Plugin<FindHighlightState>({
    key: findHighlightKey,
    state: {
      init: () => EMPTY,
      apply(tr: Transaction, value, _oldState, state) {
        const query = tr.getMeta(findHighlightKey) as FindQuery | undefined;
        if (query) return search(state, query);
        if (!value.query) return value;
        if (tr.docChanged) {
          // Others' edits arrive as replacements of just the blocks they changed (sync-binding.ts), so
          // highlights elsewhere map through them like through local edits.
          const matches = value.matches
            .map((match) => ({ from: tr.mapping.map(match.from, 1), to: tr.mapping.map(match.to, -1) }))
            .filter((match) => match.from < match.to);
          // Mapping the decoration set touches only the changed part of it; rebuilding it costs every match.
          if (matches.length === value.matches.length && currentIndex(matches, state) === value.current) {
            return { ...value, matches, stale: true, decorations: value.decorations.map(tr.mapping, tr.doc) };
          }
          return build(state, value, matches, true);
        }
        if (tr.selectionSet) {
          const current = currentIndex(value.matches, state);
          return current === value.current ? value : build(state, value, value.matches, value.stale);
        }
        return value;
      },
    },
    props: {
      decorations: (state) => findHighlightKey.getState(state)?.decorations ?? null,
    },
    view: () => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      return {
        update(view) {
          const value = findHighlightKey.getState(view.state);
          if (!value?.stale) return;
          clearTimeout(timer);
          timer = setTimeout(() => {
            const now = findHighlightKey.getState(view.state);
            if (!view.isDestroyed && now?.stale) view.dispatch(view.state.tr.setMeta(findHighlightKey, { query: now.query, options: now.options }));
          }, REFRESH_DELAY_MS);
        },
        destroy() {
          clearTimeout(timer);
        },
      };
    },
  });
}

import type { ThreadState } from '@allmende/doc-model';
import { Plugin, PluginKey } from 'prosemirror-state';
import type { EditorState } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { EditorView } from 'prosemirror-view';

/** A thread's range as the highlights need it. */
export interface HighlightedThread {
  readonly id: string;
  readonly from: number;
  readonly to: number;
  readonly state: ThreadState;
}

/** What the review highlights show: the threads, the one picked in the panel, and the range of a comment being written. */
interface ReviewHighlightState {
  readonly threads: readonly HighlightedThread[];
  readonly active: string | null;
  readonly pending: { readonly from: number; readonly to: number } | null;
  readonly decorations: DecorationSet;
}

/** A change to the highlights, sent as transaction meta. */
export interface ReviewHighlightMeta {
  readonly threads?: readonly HighlightedThread[];
  readonly active?: string | null;
  readonly pending?: { readonly from: number; readonly to: number } | null;
}

/** The plugin key of the review highlights. */
export const reviewHighlightKey = new PluginKey<ReviewHighlightState>('allmende-review-highlight');

/** What the element is told by the highlights. */
export interface ReviewPluginCallbacks {
  /** The text of a thread was clicked. */
  readonly onThreadClick: (id: string) => void;
  /** Suggested text was clicked. */
  readonly onSuggestionClick: (id: string) => void;
  /** The editor state changed (for the list of suggestions). */
  readonly onStateChange: (view: EditorView, previous: EditorState) => void;
}

function build(state: Omit<ReviewHighlightState, 'decorations'>, doc: EditorState['doc']): DecorationSet {
  const size = doc.content.size;
  const decorations: Decoration[] = [];
  for (const thread of state.threads) {
    if (thread.state !== 'open' && thread.id !== state.active) continue;
    const from = Math.max(0, Math.min(size, thread.from));
    const to = Math.max(from, Math.min(size, thread.to));
    if (from === to) continue;
    const active = thread.id === state.active;
    decorations.push(Decoration.inline(from, to, { class: active ? 'comment-range comment-range-active' : 'comment-range', 'data-thread': thread.id }, { thread: thread.id }));
  }
  if (state.pending && state.pending.from < state.pending.to && state.pending.to <= size) {
    decorations.push(Decoration.inline(state.pending.from, state.pending.to, { class: 'comment-range comment-range-active comment-range-pending' }, { pending: true }));
  }
  return DecorationSet.create(doc, decorations);
}

/**
 * Highlights the text of open comment threads (and of the thread picked in
 * the panel, and the range a new comment is being written on) with inline
 * decorations. The ranges come from the comments' relative positions, sent
 * in by the review panel whenever comments or the shared text change; in
 * between, local edits map them. Clicking highlighted text picks its
 * thread; clicking suggested text picks the suggestion in the panel.
 */
export function reviewHighlightPlugin(callbacks: ReviewPluginCallbacks): Plugin<ReviewHighlightState> {
  return new Plugin<ReviewHighlightState>({
    key: reviewHighlightKey,
    state: {
      init: (_config, state) => ({ threads: [], active: null, pending: null, decorations: DecorationSet.create(state.doc, []) }),
      apply(tr, value, _old, state) {
        const meta = tr.getMeta(reviewHighlightKey) as ReviewHighlightMeta | undefined;
        if (meta) {
          const next = {
            threads: meta.threads ?? value.threads,
            active: meta.active !== undefined ? meta.active : value.active,
            pending: meta.pending !== undefined ? meta.pending : value.pending,
          };
          return { ...next, decorations: build(next, state.doc) };
        }
        if (!tr.docChanged) return value;
        const pending = value.pending && {
          from: tr.mapping.map(value.pending.from, 1),
          to: tr.mapping.map(value.pending.to, -1),
        };
        const threads = value.threads.map((thread) => ({ ...thread, from: tr.mapping.map(thread.from, 1), to: tr.mapping.map(thread.to, -1) }));
        return { threads, active: value.active, pending, decorations: value.decorations.map(tr.mapping, tr.doc) };
      },
    },
    props: {
      decorations: (state) => reviewHighlightKey.getState(state)?.decorations ?? null,
      handleClick(view, pos) {
        const found = reviewHighlightKey.getState(view.state)?.decorations.find(pos, pos, (spec) => typeof spec['thread'] === 'string');
        const thread = found?.[0]?.spec['thread'] as string | undefined;
        if (thread) callbacks.onThreadClick(thread);
        const $pos = view.state.doc.resolve(pos);
        const mark = [...($pos.nodeAfter?.marks ?? []), ...($pos.nodeBefore?.marks ?? [])].find(
          (candidate) => candidate.type.name === 'insertion' || candidate.type.name === 'deletion',
        );
        const suggestion = mark?.attrs['id'];
        if (typeof suggestion === 'string' && suggestion) callbacks.onSuggestionClick(suggestion);
        return false;
      },
    },
    view: () => ({
      update: (view, previous) => {
        if (view.state !== previous) callbacks.onStateChange(view, previous);
      },
    }),
  });
}

/** The range a new comment is being written on, mapped through the edits since it was picked; null when none or gone. */
export function pendingCommentRange(state: EditorState): { from: number; to: number } | null {
  const pending = reviewHighlightKey.getState(state)?.pending ?? null;
  return pending && pending.from < pending.to ? pending : null;
}

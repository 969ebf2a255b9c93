import type { EditorState, PluginView, Transaction } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';

/**
 * Runs an editor state with its plugins' views the way prosemirror-view's
 * EditorView does (apply, then update every plugin view), without a DOM, so
 * the sync binding runs in Node. It never has focus.
 */
export class HeadlessView {
  state: EditorState;
  isDestroyed = false;
  readonly dispatched: Transaction[] = [];
  private readonly pluginViews: PluginView[] = [];

  constructor(state: EditorState) {
    this.state = state;
    for (const plugin of state.plugins) {
      const view = plugin.spec.view?.(this as unknown as EditorView);
      if (view) this.pluginViews.push(view);
    }
  }

  dispatch(tr: Transaction): void {
    this.dispatched.push(tr);
    const previous = this.state;
    this.state = previous.applyTransaction(tr).state;
    for (const view of this.pluginViews) view.update?.(this as unknown as EditorView, previous);
  }

  hasFocus(): boolean {
    return false;
  }

  destroy(): void {
    this.isDestroyed = true;
    for (const view of this.pluginViews) view.destroy?.();
  }
}

/** A small linear congruential generator: the same seed, the same run. */
export function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

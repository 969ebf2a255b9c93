import { toggleTaskCheckedAt } from '@allmende/doc-model';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import type { EditorView, NodeView, ViewMutationRecord } from 'prosemirror-view';

/**
 * Draws a task item as `<li data-type="task_item">` with a real checkbox in
 * front of its content. The checkbox is a native `<input type="checkbox">`,
 * so screen readers announce it with its state, and it works with Space
 * when focused. Clicking it runs `toggleTaskCheckedAt` for the item, which
 * is an ordinary (undoable, synced) edit; in read-only text it is disabled.
 */
export class TaskItemView implements NodeView {
  /** The list item. */
  readonly dom: HTMLLIElement;
  /** Where ProseMirror renders the item's blocks. */
  readonly contentDOM: HTMLDivElement;
  private readonly checkbox: HTMLInputElement;
  private node: ProseMirrorNode;

  constructor(
    node: ProseMirrorNode,
    private readonly view: EditorView,
    private readonly getPos: () => number | undefined,
    label: string,
  ) {
    this.node = node;
    const document = view.dom.ownerDocument;
    this.dom = document.createElement('li');
    this.dom.dataset['type'] = 'task_item';
    const box = document.createElement('span');
    box.className = 'task-checkbox';
    box.contentEditable = 'false';
    this.checkbox = document.createElement('input');
    this.checkbox.type = 'checkbox';
    this.checkbox.setAttribute('aria-label', label);
    this.checkbox.addEventListener('mousedown', (event) => event.preventDefault());
    this.checkbox.addEventListener('change', this.onChange);
    box.append(this.checkbox);
    this.contentDOM = document.createElement('div');
    this.contentDOM.className = 'task-content';
    this.dom.append(box, this.contentDOM);
    this.render();
  }

  update(node: ProseMirrorNode): boolean {
    if (node.type !== this.node.type) return false;
    this.node = node;
    this.render();
    return true;
  }

  /** Keeps ProseMirror's hands off the checkbox's own events. */
  stopEvent(event: Event): boolean {
    return event.target === this.checkbox;
  }

  ignoreMutation(mutation: ViewMutationRecord): boolean {
    return mutation.target === this.checkbox || mutation.target === this.checkbox.parentNode || (mutation.type === 'attributes' && mutation.target === this.dom);
  }

  destroy(): void {
    this.checkbox.removeEventListener('change', this.onChange);
  }

  private render(): void {
    const checked = this.node.attrs['checked'] === true;
    this.dom.dataset['checked'] = String(checked);
    this.checkbox.checked = checked;
    this.checkbox.disabled = !this.view.editable;
  }

  private readonly onChange = (): void => {
    const pos = this.getPos();
    const done = pos !== undefined && toggleTaskCheckedAt(pos)(this.view.state, this.view.dispatch);
    // Not applied (read-only, or the item moved away): show the document's state again.
    if (!done) this.render();
  };
}

/**
 * Updates the checkboxes of every task item in an editor after the text
 * became read-only or editable, or the language changed; node views are
 * otherwise only redrawn when their node changes.
 */
export function refreshTaskCheckboxes(editor: HTMLElement, label: string, editable: boolean): void {
  for (const checkbox of editor.querySelectorAll<HTMLInputElement>('li[data-type="task_item"] > .task-checkbox > input')) {
    checkbox.setAttribute('aria-label', label);
    checkbox.disabled = !editable;
  }
}

import { setClass, setCss, setText, show } from './dom-write.js';

/**
 * A strip of row numbers or column letters, sticky at the grid's top or left
 * edge. Like the panes, its labels sit at their place in the scrolling
 * canvas (a band reaching past the view), and each label keeps its element
 * while it stays in the band, so moving the band rewrites only the labels
 * that come into it.
 */
export class HeaderStrip {
  readonly el: HTMLDivElement;
  private readonly content: HTMLDivElement;
  private readonly shown = new Map<number, HTMLDivElement>();
  private readonly free: HTMLDivElement[] = [];

  constructor(
    parent: HTMLElement,
    className: string,
    readonly frozen: boolean,
    private readonly vertical: boolean,
  ) {
    const doc = parent.ownerDocument;
    this.el = doc.createElement('div');
    this.el.className = className + (frozen ? ' frozen' : '');
    this.el.setAttribute('aria-hidden', 'true');
    this.content = doc.createElement('div');
    this.content.className = 'strip-content';
    this.el.appendChild(this.content);
    parent.appendChild(this.el);
  }

  /**
   * Shows the labels of `entries` (index, start, size; in content pixels) in a layer shifted by `shift`;
   * `gapBefore` marks a label whose previous row or column is hidden.
   * `base` is subtracted from every start to keep positions small (it changes rarely).
   */
  draw(entries: readonly { index: number; start: number; size: number; label: string; active: boolean; gapBefore: boolean }[], shift: number, base: number, thickness: number): void {
    setCss(this.content, this.vertical ? `transform:translateY(${shift}px)` : `transform:translateX(${shift}px)`);
    const wanted = new Set<number>();
    for (const e of entries) wanted.add(e.index);
    for (const [index, el] of this.shown) {
      if (wanted.has(index)) continue;
      this.shown.delete(index);
      if (!el.hidden) el.hidden = true;
      this.free.push(el);
    }
    for (const e of entries) {
      let el = this.shown.get(e.index);
      if (!el) {
        el = this.free.pop() ?? this.newLabel();
        this.shown.set(e.index, el);
      }
      setClass(el, 'hdr' + (e.active ? ' active' : '') + (e.gapBefore ? ' gap-before' : ''));
      setCss(
        el,
        this.vertical
          ? `top:${e.start - base}px;height:${e.size}px;width:${thickness}px`
          : `left:${e.start - base}px;width:${e.size}px;height:${thickness}px`,
      );
      setText(el.firstElementChild as HTMLElement, e.label);
      show(el);
    }
  }

  /**
   * A header cell holding its text in a sticky span: a column (or row) partly under the frozen part or the other
   * header keeps its letter (number) in its visible part, where the compositor holds it while the sheet scrolls.
   */
  private newLabel(): HTMLDivElement {
    const doc = this.content.ownerDocument;
    const el = doc.createElement('div');
    const text = doc.createElement('span');
    text.className = 'hdr-text';
    el.appendChild(text);
    return this.content.appendChild(el);
  }
}

import { countCharacters, countWords } from '@allmende/doc-model';
import { html } from 'lit';
import type { ReactiveController, TemplateResult } from 'lit';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import type { EditorHost } from './editor-host.js';

/** How long the text must rest before it is counted again. */
const COUNT_DELAY_MS = 400;

/**
 * The word and character count in the footer of `<allmende-doc>`
 * (`part="footer"`). Counting walks the whole document, so it runs once
 * typing pauses rather than on every keystroke, keeping typing fast in long
 * documents. The footer is not a live region: a count read out after every
 * word would drown everything else.
 */
export class DocumentCounts implements ReactiveController {
  private words = 0;
  private characters = 0;
  private counted: ProseMirrorNode | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly host: EditorHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Counts `doc` after the next pause, or right away with `now`. */
  update(doc: ProseMirrorNode, now = false): void {
    if (doc === this.counted) return;
    clearTimeout(this.timer);
    if (now) {
      this.count(doc);
      return;
    }
    this.timer = setTimeout(() => this.count(doc), COUNT_DELAY_MS);
  }

  /** The counts, for the element's footer. */
  render(): TemplateResult {
    const t = this.host.t;
    const format = (value: number) => this.host.i18n.formatNumber(value);
    return html`<span class="counts" aria-label=${t('countsLabel')} role="group">
      <span class="count">${t('words', this.words, format(this.words))}</span>
      <span class="count">${t('characters', this.characters, format(this.characters))}</span>
    </span>`;
  }

  private count(doc: ProseMirrorNode): void {
    this.timer = undefined;
    this.counted = doc;
    const words = countWords(doc);
    const characters = countCharacters(doc);
    if (words !== this.words || characters !== this.characters) {
      this.words = words;
      this.characters = characters;
      this.host.requestUpdate();
    }
  }
}

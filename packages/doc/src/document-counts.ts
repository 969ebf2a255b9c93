import { countCharacters, countWords } from '@allmende/doc-model';
import { html } from 'lit';
import type { ReactiveController, TemplateResult } from 'lit';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import type { EditorHost } from './editor-host.js';

/** How long the text must rest before it is counted again. */
const COUNT_DELAY_MS = 400;
/** The longest the count lags behind while the text never rests (others typing all the time). */
const MAX_DELAY_MS = 2000;

/** The counts of one top-level block; blocks are immutable, so a block counted once keeps its counts. */
const blockCounts = new WeakMap<ProseMirrorNode, { words: number; characters: number }>();

/**
 * Counts `doc` block by block, reusing the counts of blocks counted before:
 * an edit changes one or a few top-level blocks and ProseMirror keeps the
 * others as the same objects, so a count after typing costs one block, not
 * the whole document. Words never span blocks, so the sums are exact.
 */
export function countByBlock(doc: ProseMirrorNode): { words: number; characters: number } {
  let words = 0;
  let characters = 0;
  doc.forEach((block) => {
    let counts = blockCounts.get(block);
    if (!counts) {
      const single = doc.type.create(null, block);
      counts = { words: countWords(single), characters: countCharacters(single) };
      blockCounts.set(block, counts);
    }
    words += counts.words;
    characters += counts.characters;
  });
  return { words, characters };
}

/**
 * The word and character count in the footer of `<allmende-doc>`
 * (`part="footer"`). It is counted once typing pauses (and at least every
 * two seconds while others keep typing), never on the keystroke itself, and
 * only the blocks that changed are counted again. The footer is not a live
 * region: a count read out after every word would drown everything else.
 */
export class DocumentCounts implements ReactiveController {
  private words = 0;
  private characters = 0;
  private counted: ProseMirrorNode | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** When the oldest change not yet counted came. */
  private pendingSince = 0;

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
    const time = Date.now();
    if (this.timer === undefined) this.pendingSince = time;
    const delay = Math.max(0, Math.min(COUNT_DELAY_MS, this.pendingSince + MAX_DELAY_MS - time));
    this.timer = setTimeout(() => this.count(doc), delay);
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
    const { words, characters } = countByBlock(doc);
    if (words !== this.words || characters !== this.characters) {
      this.words = words;
      this.characters = characters;
      this.host.requestUpdate();
    }
  }
}

import type { Mark, Node as ProseMirrorNode } from 'prosemirror-model';
import { schema } from '../schema.js';
import { withoutSentinels } from './file-comments.js';

/** A block read from a file, before quotes and code lines are grouped. */
export type BlockItem =
  | { readonly kind: 'node'; readonly node: ProseMirrorNode }
  | { readonly kind: 'quote'; readonly node: ProseMirrorNode }
  | { readonly kind: 'code'; readonly text: string };

/**
 * Groups what a reader produced into blocks: consecutive quote paragraphs
 * into one blockquote (files keep quotes as a paragraph style), and
 * consecutive code paragraphs into one code block, one line each (how
 * LibreOffice and Word store preformatted text).
 */
export function groupBlocks(items: readonly BlockItem[]): ProseMirrorNode[] {
  const out: ProseMirrorNode[] = [];
  let quote: ProseMirrorNode[] | null = null;
  let code: string[] | null = null;
  const flush = (): void => {
    if (quote) out.push(schema.node('blockquote', null, quote));
    if (code) {
      const text = code.join('\n');
      out.push(schema.node('code_block', null, text ? [schema.text(text)] : []));
    }
    quote = null;
    code = null;
  };
  for (const item of items) {
    if (item.kind === 'quote') {
      if (code) flush();
      (quote ??= []).push(item.node);
    } else if (item.kind === 'code') {
      if (quote) flush();
      (code ??= []).push(item.text);
    } else {
      flush();
      out.push(item.node);
    }
  }
  flush();
  return out;
}

/** Collects the inline content of one paragraph, merging adjacent text with equal marks. */
export class InlineBuilder {
  readonly nodes: ProseMirrorNode[] = [];

  /** Adds text from a file (without the comment sentinels, which only {@link marker} may add). */
  text(text: string, marks: readonly Mark[]): void {
    this.append(withoutSentinels(text), marks);
  }

  /** Adds a comment sentinel (see file-comments.ts). */
  marker(sentinel: string, marks: readonly Mark[]): void {
    this.append(sentinel, marks);
  }

  private append(text: string, marks: readonly Mark[]): void {
    if (!text) return;
    const last = this.nodes[this.nodes.length - 1];
    const set = sortMarks(marks);
    if (last && last.isText && last.sameMarkup(schema.text('x', set))) {
      this.nodes[this.nodes.length - 1] = schema.text((last.text ?? '') + text, set);
    } else {
      this.nodes.push(schema.text(text, set));
    }
  }

  lineBreak(marks: readonly Mark[]): void {
    this.nodes.push(schema.node('hard_break', null, undefined, sortMarks(marks)));
  }

  image(attrs: { src: string; alt: string | null; title: string | null; width: number | null }, marks: readonly Mark[]): void {
    this.nodes.push(schema.node('image', attrs, undefined, sortMarks(marks)));
  }

  /** The plain text collected so far. */
  get plainText(): string {
    return this.nodes.map((node) => node.text ?? '').join('');
  }

  /** Whether nothing but white space was collected. */
  get blank(): boolean {
    return this.nodes.every((node) => node.isText && !(node.text ?? '').trim());
  }

  /** Removes `count` characters from the start of the first text node (for task markers). */
  dropPrefix(count: number): void {
    const first = this.nodes[0];
    if (!first?.isText) return;
    const rest = (first.text ?? '').slice(count);
    if (rest) this.nodes[0] = schema.text(rest, first.marks);
    else this.nodes.shift();
  }
}

/** Marks in the schema's order, one per type (the last of a type wins). */
export function sortMarks(marks: readonly Mark[]): readonly Mark[] {
  let set: readonly Mark[] = [];
  for (const mark of marks) set = mark.addToSet(set);
  return set;
}

/** A document of `blocks`, or one empty paragraph when there are none (the root is `block+`). */
export function finishDoc(blocks: readonly ProseMirrorNode[]): ProseMirrorNode {
  const doc = schema.node('doc', null, blocks.length > 0 ? blocks : [schema.node('paragraph')]);
  doc.check();
  return doc;
}

/** The list item or task item content: items need not hold anything, but a paragraph gives the cursor a place. */
export function itemContent(blocks: readonly ProseMirrorNode[]): ProseMirrorNode[] {
  return blocks.length > 0 ? [...blocks] : [schema.node('paragraph')];
}

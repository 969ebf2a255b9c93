import MarkdownIt from 'markdown-it';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import type { MarkdownIt as MarkdownParser, Token } from 'markdown-it';
import { htmlToDoc } from '../sanitize-html.js';
import { FileImportError, WarningCollector } from './file-error.js';
import type { ImportResult } from './file-error.js';
import { finishDoc } from './import-builder.js';
import { countHtmlSuggestions } from './tracked-changes.js';
import { limitsOf } from './limits.js';
import type { ImportOptions } from './limits.js';

const TASK_MARKER = /^\[([ xX])\](?:[ \t]+|$)/;

/** Marks bullet lists whose items all start with `[ ]` or `[x]` as task lists (GFM task list items). */
function taskLists(tokens: Token[]): void {
  for (let index = 0; index < tokens.length; index++) {
    const list = tokens[index]!;
    if (list.type !== 'bullet_list_open') continue;
    const items: { item: Token; inline: Token | null }[] = [];
    for (let inner = index + 1; inner < tokens.length; inner++) {
      const token = tokens[inner]!;
      if (token.type === 'bullet_list_close' && token.level === list.level) break;
      if (token.type === 'list_item_open' && token.level === list.level + 1) {
        const paragraph = tokens[inner + 1];
        const inline = paragraph?.type === 'paragraph_open' ? (tokens[inner + 2] ?? null) : null;
        items.push({ item: token, inline: inline?.type === 'inline' ? inline : null });
      }
    }
    if (items.length === 0 || !items.every(({ inline }) => inline && TASK_MARKER.test(inline.content))) continue;
    list.attrSet('data-type', 'task_list');
    for (const { item, inline } of items) {
      const match = TASK_MARKER.exec(inline!.content)!;
      item.attrSet('data-type', 'task_item');
      item.attrSet('data-checked', match[1] === ' ' ? 'false' : 'true');
      inline!.content = inline!.content.slice(match[0].length);
      const first = inline!.children?.[0];
      if (first?.type === 'text') first.content = first.content.replace(TASK_MARKER, '');
    }
  }
}

function createParser(): MarkdownParser {
  // Raw HTML is allowed because the result goes through the paste sanitizer, which keeps only what the schema holds.
  const md = new MarkdownIt('default', { html: true, linkify: false, breaks: false });
  md.core.ruler.push('allmende_tasks_and_code', (state) => {
    taskLists(state.tokens);
    for (const token of state.tokens) {
      if (token.type === 'fence' || token.type === 'code_block') token.content = token.content.replace(/\n$/, '');
    }
  });
  // A GFM column alignment becomes the alignment of the paragraph in each cell.
  for (const tag of ['td', 'th'] as const) {
    md.renderer.rules[`${tag}_open`] = (tokens, index) => {
      const align = /text-align:\s*(left|center|right)/.exec(String(tokens[index]!.attrGet('style') ?? ''))?.[1];
      return align && align !== 'left' ? `<${tag}><p style="text-align: ${align}">` : `<${tag}><p>`;
    };
    md.renderer.rules[`${tag}_close`] = () => `</p></${tag}>\n`;
  }
  return md;
}

let parser: MarkdownParser | null = null;

/**
 * Reads Markdown (CommonMark with GFM tables, strikethrough and task
 * lists) into a document. Raw HTML in the text (as {@link toMarkdown}
 * writes for underline, colours, aligned paragraphs and complex tables) is
 * kept exactly as far as pasting it would keep it: it passes the same
 * sanitizer. A GFM column alignment becomes the alignment of the
 * paragraphs in that column. Images the sanitizer drops are reported as
 * `images-dropped`. Throws a {@link FileImportError} (`too-large`) for
 * text over the size cap.
 */
export function fromMarkdown(text: string, options?: ImportOptions): ImportResult {
  if (typeof text !== 'string') throw new TypeError(`fromMarkdown: expected a string, got ${typeof text}.`);
  const limits = limitsOf(options);
  if (text.length > limits.maxFileBytes) {
    throw new FileImportError('too-large', `The text has ${text.length} characters; the limit is ${limits.maxFileBytes}.`);
  }
  parser ??= createParser();
  const warnings = new WarningCollector();
  const html = parser.render(text);
  const parsed = htmlToDoc(html, { onImageRemoved: () => warnings.add('images-dropped') });
  countHtmlSuggestions(html, (code, count) => warnings.add(code, count));
  const blocks: ProseMirrorNode[] = [];
  parsed.forEach((block) => blocks.push(block));
  return { doc: finishDoc(blocks), warnings: warnings.list(), comments: [] };
}
